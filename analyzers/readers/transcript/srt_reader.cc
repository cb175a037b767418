#include "analyzers/readers/transcript/srt_reader.h"

#include <fmt/format.h>

#include <optional>
#include <vector>

#include "analyzers/readers/transcript/cue_text.h"
#include "analyzers/readers/transcript/line_cursor.h"
#include "analyzers/readers/transcript/speaker_label.h"
#include "analyzers/readers/transcript/timestamp.h"
#include "analyzers/text/utf8.h"

namespace tonewatch {
namespace {

constexpr size_t kMaxIndexDigits = 9;
constexpr size_t kQuoteBytes = 60;

std::string_view TrimSpaces(std::string_view text) {
  const size_t start = text.find_first_not_of(" \t");
  if (start == std::string_view::npos) return {};
  return text.substr(start, text.find_last_not_of(" \t") - start + 1);
}

std::string Quote(std::string_view text) {
  return fmt::format("\"{}{}\"", text.substr(0, Utf8CutPoint(text, kQuoteBytes)),
                     text.size() > kQuoteBytes ? "..." : "");
}

// The cue being read: its timing, where it started, its lines so far.
struct OpenCue {
  CueTiming timing;
  uint64_t line = 0;
  bool first_part = true;  // false once an overlong cue has been partly delivered
  size_t bytes = 0;
  std::vector<std::string> text;
};

class SrtParser {
 public:
  SrtParser(TranscriptLines& lines, NoticeLog& log, const CueSink& sink)
      : cursor_(lines), log_(log), sink_(sink) {}

  Result<CueStats> Run();

 private:
  void Line(const TextLine& line);
  void Start(const TextLine& timing_line);
  void AddText(const std::string& text);
  void Finish(bool at_end);
  void Unusable(uint64_t line, std::string message);

  LineCursor cursor_;
  NoticeLog& log_;
  const CueSink& sink_;
  CueStats stats_;
  std::optional<OpenCue> cue_;
  // A digits-only line: an index when a timing line follows, else text (or junk).
  std::optional<TextLine> digits_;
  bool skipping_ = false;  // inside a block already reported as unusable
  std::string speaker_;    // of the last cue delivered
};

Result<CueStats> SrtParser::Run() {
  for (;;) {
    auto more = cursor_.Next();
    if (!more) return more.error();
    if (!*more) break;
    Line(cursor_.line());
  }
  if (digits_) {
    if (cue_) {
      AddText(digits_->text);
    } else {
      Unusable(digits_->number,
               "cue index at the end of the file without a timing line "
               "(truncated?); skipped");
    }
  }
  Finish(true);
  return stats_;
}

void SrtParser::Line(const TextLine& line) {
  const std::string_view text = TrimSpaces(line.text);
  if (digits_) {
    const TextLine held = std::move(*digits_);
    digits_.reset();
    if (!line.continued && HasTimingArrow(text)) {
      Start(line);
      return;
    }
    if (cue_) {
      AddText(held.text);
    } else if (!skipping_) {
      Unusable(held.number, fmt::format("cue {} has no timing line; skipped", held.text));
    }
  }
  if (line.continued) {
    if (cue_) AddText(line.text);
    return;
  }
  if (text.empty()) {
    Finish(false);
    skipping_ = false;
  } else if (HasTimingArrow(text)) {
    Start(line);
  } else if (IsCueIndex(text)) {
    digits_ = line;
  } else if (cue_) {
    AddText(line.text);
  } else if (!skipping_) {
    Unusable(line.number, "text outside a cue (no timing line); skipped");
  }
}

void SrtParser::Start(const TextLine& timing_line) {
  Finish(false);
  const std::optional<CueTiming> timing = ParseTimingLine(timing_line.text);
  if (!timing) {
    Unusable(timing_line.number,
             fmt::format("malformed timing line {}{}; cue skipped", Quote(timing_line.text),
                         timing_line.terminated ? "" : " at the end of the file (truncated?)"));
    return;
  }
  skipping_ = false;
  cue_ = OpenCue{*timing, timing_line.number, true, 0, {}};
}

void SrtParser::AddText(const std::string& text) {
  cue_->bytes += text.size();
  cue_->text.push_back(text);
  if (cue_->bytes > kMaxTurnBytes) {  // bound one cue's memory; the rest follows as more cues
    OpenCue rest{cue_->timing, cue_->line, false, 0, {}};
    Finish(false);
    cue_ = std::move(rest);
  }
}

void SrtParser::Finish(bool at_end) {
  if (!cue_) return;
  OpenCue cue = std::move(*cue_);
  cue_.reset();
  std::string text = CleanSrtCue(cue.text);
  if (text.empty()) {
    if (cue.first_part) {
      log_.AtLine(cue.line, at_end && cue.text.empty()
                                ? "the last cue has no text (file truncated?); skipped"
                                : "cue without text; skipped");
    }
    return;
  }
  Cue out;
  out.line = cue.line;
  if (cue.first_part) {
    out.start_ms = cue.timing.start_ms;
    out.end_ms = cue.timing.end_ms;
  }
  const LabelScan scan = ScanSpeakerLabel(text, false);
  if (scan.kind == LabelKind::kLabel && !scan.label.text.empty()) {
    out.speaker = std::string(scan.label.speaker);
    out.text = std::string(scan.label.text);
  } else {
    // A cue that may open with a label but is not taken as one is not the previous speaker's.
    if (scan.kind == LabelKind::kNearLabel) log_.AtLine(cue.line, NearLabelMessage(scan));
    out.speaker = scan.kind == LabelKind::kNearLabel ? std::string() : speaker_;
    out.text = std::move(text);
  }
  speaker_ = out.speaker;
  ++stats_.cues;
  sink_(std::move(out));
}

void SrtParser::Unusable(uint64_t line, std::string message) {
  ++stats_.unusable;
  skipping_ = true;
  log_.AtLine(line, std::move(message));
}

}  // namespace

bool IsCueIndex(std::string_view text) {
  return !text.empty() && text.size() <= kMaxIndexDigits &&
         text.find_first_not_of("0123456789") == std::string_view::npos;
}

Result<CueStats> ReadSrtCues(TranscriptLines& lines, NoticeLog& log, const CueSink& sink) {
  return SrtParser(lines, log, sink).Run();
}

}  // namespace tonewatch
