#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <optional>

#include "analyzers/pipeline/input_pipeline.h"
#include "analyzers/pipeline/text_pipeline.h"
#include "analyzers/render/json_render.h"
#include "analyzers/render/text_render.h"
#include "cli/commands.h"
#include "cli/terminal.h"

namespace tonewatch::cli {
namespace {

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Progress on stderr for long runs, only when a person is watching it.
class Progress {
 public:
  explicit Progress(size_t inputs) : inputs_(inputs), enabled_(IsTerminal(STDERR_FILENO)) {}
  void Lines(uint64_t count) {
    if (!enabled_ || count % kLineStep != 0) return;
    std::fprintf(stderr, "\r%llu lines…", static_cast<unsigned long long>(count));
    shown_ = true;
  }
  void Input(size_t done) {
    if (!enabled_ || inputs_ <= 1) return;
    std::fprintf(stderr, "\r%zu/%zu inputs…", done, inputs_);
    shown_ = true;
  }
  void Files(size_t files, size_t messages) {
    if (!enabled_ || files % kFileStep != 0) return;
    std::fprintf(stderr, "\r%zu files, %zu messages read…", files, messages);
    shown_ = true;
  }
  void Done() {
    if (enabled_ && shown_) std::fprintf(stderr, "\r\x1b[K");
  }

 private:
  static constexpr uint64_t kLineStep = 50000;
  static constexpr size_t kFileStep = 500;
  size_t inputs_;
  bool enabled_;
  bool shown_ = false;
};

struct Failures {
  size_t count = 0;
  void Report(const Error& error) {
    ++count;
    std::fprintf(stderr, "tonewatch: %s\n", error.ToString().c_str());
  }
};

Result<void> EachLine(const Engine& engine, const AnalyzeOptions& options, ByteSource& source,
                      bool many, Progress& progress) {
  const size_t max_line =
      options.max_line_bytes > 0 ? options.max_line_bytes : kDefaultMaxLineBytes;
  const bool json = options.format == "json";
  const TextStyle style{UseColor(options.color)};
  const std::string source_field = many ? source.name() : std::string();
  size_t skipped = 0;
  Result<void> read = AnalyzeLines(engine, source, max_line, [&](const LineResult& line) {
    progress.Lines(line.line);
    if (line.skipped) ++skipped;
    for (const Notice& n : line.errors) {
      std::fprintf(stderr, "tonewatch: %s: %s\n", n.where.c_str(), n.message.c_str());
    }
    if (json) {
      PrintOut(LineJson(line, source_field));
      PrintOut("\n");
      return;
    }
    if (line.analysis.heat < options.min_heat || line.analysis.findings.empty()) return;
    ThreadReport thread;
    thread.source = fmt::format("{}:{}", source.name(), line.line);
    thread.heat = line.analysis.heat;
    MessageReport message;
    message.heat = line.analysis.heat;
    message.findings = line.analysis.findings;
    thread.messages.push_back(std::move(message));
    PrintOut(RenderThreadText(thread, style));
  });
  if (!read) return read;
  if (skipped > 0) {
    return Err(
        ErrorCode::kBadInput, source.name(),
        fmt::format("{} line(s) over {} bytes were not analyzed (see above)", skipped, max_line));
  }
  return Ok();
}

void PrintThread(const ThreadReport& thread, const AnalyzeOptions& options,
                 const TextStyle& style) {
  for (const Notice& n : thread.errors) {
    std::fprintf(stderr, "tonewatch: %s: %s\n", n.where.c_str(), n.message.c_str());
  }
  if (thread.heat < options.min_heat) return;
  PrintOut(options.format == "json" ? ThreadJson(thread) + "\n" : RenderThreadText(thread, style));
  std::fflush(stdout);
}

// Everything but --each-line: texts, mail and folders through the input pipeline.
Result<void> Threads(const Engine& engine, const AnalyzeOptions& options,
                     const std::vector<std::string>& inputs) {
  PipelineOptions pipeline_options;
  pipeline_options.mail_lexicons = FindLexiconRoot(options.lexicons).root;
  pipeline_options.me = options.me;
  pipeline_options.plan = options.plan;
  pipeline_options.now_ms = NowMs();
  pipeline_options.keep_context = options.format != "json" || options.plan;
  pipeline_options.input_format = options.input_format == "auto" ? "" : options.input_format;
  pipeline_options.jobs = options.jobs;
  pipeline_options.thread.unanswered_after_ms =
      static_cast<int64_t>(options.unanswered_hours * 3600.0 * 1000.0);
  Progress progress(inputs.size());
  pipeline_options.on_file = [&](const PipelineStats& stats) {
    progress.Files(stats.files, stats.messages);
  };
  InputPipeline pipeline(engine, pipeline_options);
  const TextStyle style{UseColor(options.color)};
  size_t failed_inputs = 0;
  std::optional<Error> lexicon_error;  // a broken mail lexicon fails the run with its own code
  for (size_t i = 0; i < inputs.size(); ++i) {
    progress.Input(i);
    const auto errors = pipeline.Add(
        inputs[i], [&](ThreadReport&& thread) { PrintThread(thread, options, style); });
    for (const Error& e : errors) {
      if (e.code == ErrorCode::kBadLexicon) {
        if (!lexicon_error) lexicon_error = e;
        continue;
      }
      std::fprintf(stderr, "tonewatch: %s\n", e.ToString().c_str());
      ++failed_inputs;
    }
  }
  if (lexicon_error) return *lexicon_error;
  progress.Done();
  pipeline.FinishMail([&](ThreadReport&& thread) { PrintThread(thread, options, style); });
  const std::vector<Notice> damage = pipeline.TakeMailErrors();
  for (const Notice& n : damage) {
    std::fprintf(stderr, "tonewatch: %s: %s\n", n.where.c_str(), n.message.c_str());
  }
  const PipelineStats& stats = pipeline.stats();
  if (failed_inputs > 0 || !damage.empty()) {
    std::fprintf(stderr,
                 "tonewatch: read %zu file(s), %zu message(s); %zu input(s) failed and %zu "
                 "problem(s) were found inside files (see above)\n",
                 stats.files, stats.messages, failed_inputs, damage.size());
  } else if (stats.files > 1) {
    std::fprintf(stderr, "tonewatch: read %zu files, %zu messages\n", stats.files, stats.messages);
  }
  if (failed_inputs > 0) {
    return Err(
        ErrorCode::kUnreadable, "",
        fmt::format("{} input(s) could not be analyzed (see above); the others were analyzed",
                    failed_inputs));
  }
  return Ok();
}

}  // namespace

Result<void> CmdAnalyze(const AnalyzeOptions& options) {
  auto engine = LoadEngine(options.lexicons);
  if (!engine) return engine.error();
  std::vector<std::string> inputs = options.inputs;
  if (inputs.empty()) inputs.push_back("-");
  if (!options.each_line) return Threads(*engine, options, inputs);
  Progress progress(inputs.size());
  Failures failures;
  for (size_t i = 0; i < inputs.size(); ++i) {
    progress.Input(i);
    auto source = ByteSource::Open(inputs[i]);
    if (!source) {
      failures.Report(source.error());
      continue;
    }
    Result<void> done = EachLine(*engine, options, *source, inputs.size() > 1, progress);
    if (!done) failures.Report(done.error());
    std::fflush(stdout);
  }
  progress.Done();
  if (failures.count > 0) {
    return Err(
        ErrorCode::kUnreadable, "",
        failures.count == inputs.size()
            ? fmt::format("no input could be analyzed (see above)")
            : fmt::format("{} of {} inputs could not be analyzed (see above); the others were "
                          "analyzed",
                          failures.count, inputs.size()));
  }
  return Ok();
}

}  // namespace tonewatch::cli
