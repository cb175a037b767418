#include <fmt/format.h>

#include <cstdio>

#include "analyzers/pipeline/text_pipeline.h"
#include "analyzers/render/json_render.h"
#include "analyzers/render/text_render.h"
#include "cli/commands.h"
#include "cli/terminal.h"

namespace tonewatch::cli {
namespace {

void Print(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); }

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
  void Done() {
    if (enabled_ && shown_) std::fprintf(stderr, "\r\x1b[K");
  }

 private:
  static constexpr uint64_t kLineStep = 50000;
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
  return AnalyzeLines(engine, source, max_line, [&](const LineResult& line) {
    progress.Lines(line.line);
    for (const Notice& n : line.errors) {
      std::fprintf(stderr, "tonewatch: %s: %s\n", n.where.c_str(), n.message.c_str());
    }
    if (json) {
      Print(LineJson(line, source_field));
      Print("\n");
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
    Print(RenderThreadText(thread, style));
  });
}

Result<void> Whole(const Engine& engine, const AnalyzeOptions& options, ByteSource& source) {
  auto thread = AnalyzeTextSource(engine, source);
  if (!thread) return thread.error();
  for (const Notice& n : thread->errors) {
    std::fprintf(stderr, "tonewatch: %s: %s\n", n.where.c_str(), n.message.c_str());
  }
  if (thread->heat < options.min_heat) return Ok();
  if (options.format == "json") {
    Print(ThreadJson(*thread));
    Print("\n");
  } else {
    Print(RenderThreadText(*thread, TextStyle{UseColor(options.color)}));
  }
  return Ok();
}

}  // namespace

Result<void> CmdAnalyze(const AnalyzeOptions& options) {
  auto engine = LoadEngine(options.lexicons);
  if (!engine) return engine.error();
  std::vector<std::string> inputs = options.inputs;
  if (inputs.empty()) inputs.push_back("-");
  Progress progress(inputs.size());
  Failures failures;
  for (size_t i = 0; i < inputs.size(); ++i) {
    progress.Input(i);
    auto source = ByteSource::Open(inputs[i]);
    if (!source) {
      failures.Report(source.error());
      continue;
    }
    Result<void> done = options.each_line
                            ? EachLine(*engine, options, *source, inputs.size() > 1, progress)
                            : Whole(*engine, options, *source);
    if (!done) failures.Report(done.error());
    std::fflush(stdout);
  }
  progress.Done();
  if (failures.count > 0) {
    return Err(ErrorCode::kUnreadable, "",
               failures.count == inputs.size()
                   ? fmt::format("no input could be analyzed (see above)")
                   : fmt::format("{} of {} inputs could not be analyzed (see above); the others were",
                                 failures.count, inputs.size()));
  }
  return Ok();
}

}  // namespace tonewatch::cli
