#include "analyzers/readers/transcript/speaker_text_reader.h"

#include <fmt/format.h>

#include <string>

#include "analyzers/readers/transcript/cue_text.h"
#include "analyzers/readers/transcript/line_cursor.h"
#include "analyzers/readers/transcript/speaker_label.h"
#include "analyzers/readers/transcript/timestamp.h"

namespace tonewatch {
namespace {

std::string_view TrimLeft(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  return text;
}

std::string_view TrimRight(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// A stamp at the start of `*text` ("[00:01:02]", "(1:02)", "00:01:02"), consumed with the
// separators after it. *bare tells whether it had no brackets.
std::optional<int64_t> TakeLeadingStamp(std::string_view* text, bool* bare) {
  std::string_view rest = *text;
  std::optional<int64_t> stamp;
  *bare = rest.empty() || (rest[0] != '[' && rest[0] != '(');
  if (!*bare) {
    const size_t close = rest.find(rest[0] == '[' ? ']' : ')');
    if (close == std::string_view::npos) return std::nullopt;
    stamp = ParseTimestamp(rest.substr(1, close - 1));
    rest.remove_prefix(close + 1);
  } else {
    const size_t space = rest.find_first_of(" \t");
    if (space == std::string_view::npos) return std::nullopt;  // a stamp alone is not a line
    stamp = ParseTimestamp(rest.substr(0, space));
    rest.remove_prefix(space);
  }
  if (!stamp) return std::nullopt;
  rest = TrimLeft(rest);
  if (rest.substr(0, 1) == "-" || rest.substr(0, 1) == "|") rest = TrimLeft(rest.substr(1));
  *text = rest;
  return stamp;
}

// "Name (00:01:02): text" or "Name [00:01:02]: text".
std::optional<SpeakerTextLine> StampAfterName(std::string_view line) {
  const size_t colon =
      line.find("):") != std::string_view::npos ? line.find("):") : line.find("]:");
  if (colon == std::string_view::npos) return std::nullopt;
  const size_t open = line.rfind(line[colon] == ')' ? '(' : '[', colon);
  if (open == std::string_view::npos) return std::nullopt;
  const auto stamp = ParseTimestamp(line.substr(open + 1, colon - open - 1));
  const std::string_view name = TrimRight(line.substr(0, open));
  if (!stamp || name.empty()) return std::nullopt;
  if (!SplitSpeakerLabel(fmt::format("{}:", name), true)) return std::nullopt;
  return SpeakerTextLine{stamp, name, TrimLeft(line.substr(colon + 2)), false, {}};
}

// "Name 00:01:02" alone on its line.
std::optional<SpeakerTextLine> Heading(std::string_view line) {
  const size_t space = line.find_last_of(" \t");
  if (space == std::string_view::npos) return std::nullopt;
  const auto stamp = ParseTimestamp(line.substr(space + 1));
  const std::string_view name = TrimRight(line.substr(0, space));
  if (!stamp || name.empty() || !SplitSpeakerLabel(fmt::format("{}:", name), true)) {
    return std::nullopt;
  }
  return SpeakerTextLine{stamp, name, {}, true, {}};
}

}  // namespace

SpeakerTextLine ParseSpeakerTextLine(std::string_view line) {
  SpeakerTextLine out;
  std::string_view rest = line;
  bool bare = false;
  out.stamp_ms = TakeLeadingStamp(&rest, &bare);
  if (!out.stamp_ms) {
    if (auto named = StampAfterName(line)) return *named;
    if (auto heading = Heading(line)) return *heading;
  }
  const LabelScan scan = ScanSpeakerLabel(rest, true);
  if (scan.kind == LabelKind::kLabel) {
    out.speaker = scan.label.speaker;
    out.text = scan.label.text;
  } else if (scan.kind == LabelKind::kNearLabel) {
    out.not_a_label = NearLabelMessage(scan);
    out.text = rest;
  } else if (bare) {
    // "10:30 works for me" is words, not a stamp: a bare stamp counts only before a label.
    out.stamp_ms.reset();
    out.text = line;
  } else {
    out.text = rest;
  }
  return out;
}

namespace {

class SpeakerTextParser {
 public:
  SpeakerTextParser(NoticeLog& log, const CueSink& sink) : log_(log), sink_(sink) {}

  void Line(const TextLine& line);
  CueStats Finish() {
    Deliver();
    return stats_;
  }

 private:
  void Open(std::string speaker, std::optional<int64_t> start, uint64_t line);
  void Append(std::string_view text, uint64_t line);
  void Deliver();

  NoticeLog& log_;
  const CueSink& sink_;
  CueStats stats_;
  std::optional<Cue> cue_;
  std::string speaker_;  // of the latest label or heading
  bool reported_unlabelled_ = false;
};

void SpeakerTextParser::Line(const TextLine& line) {
  const std::string_view text = TrimRight(TrimLeft(line.text));
  if (text.empty()) return;
  if (line.continued) return Append(text, line.number);
  const SpeakerTextLine parsed = ParseSpeakerTextLine(text);
  if (parsed.speaker) {
    Open(std::string(*parsed.speaker), parsed.stamp_ms, line.number);
  } else if (!parsed.not_a_label.empty()) {
    // Whose words these are is not known: not the speaker above's. Later unlabelled lines stay
    // with this unknown speaker too.
    log_.AtLine(line.number, parsed.not_a_label);
    Open(std::string(), parsed.stamp_ms, line.number);
  } else if (parsed.stamp_ms) {
    Open(speaker_, parsed.stamp_ms, line.number);
  }
  Append(parsed.text, line.number);
}

void SpeakerTextParser::Open(std::string speaker, std::optional<int64_t> start, uint64_t line) {
  Deliver();
  speaker_ = speaker;
  cue_ = Cue{std::move(speaker), start, std::nullopt, {}, line};
}

void SpeakerTextParser::Append(std::string_view text, uint64_t line) {
  if (text.empty()) return;
  if (!cue_) {
    if (!reported_unlabelled_) {
      log_.AtLine(line, "text before the first speaker label; kept with an unknown speaker");
      reported_unlabelled_ = true;
    }
    cue_ = Cue{speaker_, std::nullopt, std::nullopt, {}, line};
  }
  if (cue_->text.size() + text.size() > kMaxTurnBytes) {  // bound memory: continue in a new cue
    Cue rest{cue_->speaker, std::nullopt, std::nullopt, {}, line};
    Deliver();
    cue_ = std::move(rest);
  }
  AppendWords(text, &cue_->text);
}

void SpeakerTextParser::Deliver() {
  if (!cue_) return;
  if (!cue_->text.empty()) {
    ++stats_.cues;
    sink_(std::move(*cue_));
  }
  cue_.reset();
}

}  // namespace

Result<CueStats> ReadSpeakerTextCues(TranscriptLines& lines, NoticeLog& log, const CueSink& sink) {
  LineCursor cursor(lines);
  SpeakerTextParser parser(log, sink);
  for (;;) {
    auto more = cursor.Next();
    if (!more) return more.error();
    if (!*more) return parser.Finish();
    parser.Line(cursor.line());
  }
}

}  // namespace tonewatch
