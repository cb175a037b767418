// tonewatch_transcript_probe: reads transcripts the way `tonewatch analyze` will, for measuring
// (scripts/eval-transcripts) and for looking at what the readers make of a file. Not installed.
//
//   tonewatch_transcript_probe [--cues] [--format=F] [--lexicons=DIR] [--me=NAME]... [--metrics]
//                              FILE...
//
// Prints one line per file: path, "ok" or "error", the number of cues (--cues) or turns, the
// number of notices, and the error. With --lexicons, every turn goes through the engine, and a
// last line "# turns N bytes B seconds S" gives the time spent reading and analyzing (the lexicon
// load and compile excluded). --metrics prints each file's call metrics as text after its line.
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/call/call_metrics.h"
#include "analyzers/engine.h"
#include "analyzers/lexicon/lexicon.h"
#include "analyzers/readers/transcript/transcript_reader.h"
#include "analyzers/render/call_render.h"

namespace tonewatch {
namespace {

struct Options {
  bool cues = false;
  bool metrics = false;
  std::optional<TranscriptFormat> format;
  std::string lexicons;
  std::vector<std::string> me;
  std::vector<std::string> files;
};

std::optional<Options> Parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--cues") {
      o.cues = true;
    } else if (arg == "--metrics") {
      o.metrics = true;
    } else if (arg.substr(0, 9) == "--format=") {
      o.format = ParseTranscriptFormat(arg.substr(9));
      if (!o.format) return std::nullopt;
    } else if (arg.substr(0, 11) == "--lexicons=") {
      o.lexicons = std::string(arg.substr(11));
    } else if (arg.substr(0, 5) == "--me=") {
      o.me.emplace_back(arg.substr(5));
    } else if (arg.substr(0, 2) == "--") {
      return std::nullopt;
    } else {
      o.files.emplace_back(arg);
    }
  }
  if (o.files.empty()) return std::nullopt;
  return o;
}

struct Totals {
  uint64_t turns = 0;
  uint64_t bytes = 0;
};

// What one file's turns came to: their timings and reports, kept only for --metrics.
struct Collected {
  uint64_t count = 0;
  std::vector<TurnTiming> timings;
  std::vector<MessageReport> reports;
};

void Collect(DocMessage&& turn, const Options& o, const Engine* engine, Totals& totals,
             Collected& out) {
  ++out.count;
  totals.bytes += turn.text.size();
  MessageReport report;
  report.id = turn.id;
  report.me = IsMe(turn.author, o.me);
  if (engine != nullptr) {
    TextAnalysis analysis = engine->Analyze(turn.text);
    report.heat = analysis.heat;
    report.findings = std::move(analysis.findings);
  }
  if (o.metrics) {
    out.timings.push_back(TimingOf(turn));
    out.reports.push_back(std::move(report));
  }
}

void Probe(const std::string& path, const Options& o, const Engine* engine, Totals& totals) {
  std::vector<Notice> notices;
  Collected collected;
  Result<void> read = Ok();
  auto source = ByteSource::Open(path);
  if (!source) {
    read = source.error();
  } else if (o.cues) {
    read = ReadTranscriptCues(
        *source, o.format, [&](Cue&&) { ++collected.count; }, &notices);
  } else {
    read = ReadTranscript(
        *source, o.format,
        [&](DocMessage&& turn) { Collect(std::move(turn), o, engine, totals, collected); },
        &notices);
  }
  totals.turns += collected.count;
  std::fputs(fmt::format("{}\t{}\t{}\t{}\t{}\n", path, read ? "ok" : "error", collected.count,
                         notices.size(), read ? "" : read.error().ToString())
                 .c_str(),
             stdout);
  if (o.metrics && read) {
    std::fputs(CallMetricsText(ComputeCallMetrics(collected.timings, collected.reports)).c_str(),
               stdout);
    for (const Notice& n : notices) {
      std::fputs(fmt::format("  {}: {}\n", n.where, n.message).c_str(), stdout);
    }
  }
}

int Main(int argc, char** argv) {
  const auto options = Parse(argc, argv);
  if (!options) {
    std::fputs(
        "usage: tonewatch_transcript_probe [--cues] [--format=vtt|srt|text|json] "
        "[--lexicons=DIR] [--me=NAME]... [--metrics] FILE...\n",
        stderr);
    return 2;
  }
  std::optional<Engine> engine;
  if (!options->lexicons.empty()) {
    auto lexicon = LoadLexicon(options->lexicons);
    if (!lexicon) {
      std::fputs(fmt::format("{}\n", lexicon.error().ToString()).c_str(), stderr);
      return 1;
    }
    auto created = Engine::Create(std::move(*lexicon));
    if (!created) {
      std::fputs(fmt::format("{}\n", created.error().ToString()).c_str(), stderr);
      return 1;
    }
    engine.emplace(std::move(*created));
  }
  Totals totals;
  const auto start = std::chrono::steady_clock::now();
  for (const std::string& file : options->files) {
    Probe(file, *options, engine ? &*engine : nullptr, totals);
  }
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  std::fputs(fmt::format("# turns {} bytes {} seconds {:.3f}\n", totals.turns, totals.bytes,
                         elapsed.count())
                 .c_str(),
             stdout);
  return 0;
}

}  // namespace
}  // namespace tonewatch

int main(int argc, char** argv) { return tonewatch::Main(argc, argv); }
