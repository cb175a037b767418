#include "analyzers/readers/transcript/vtt_reader.h"

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

// How much of a bad line an error message quotes.
constexpr size_t kQuoteBytes = 60;

// "NOTE", "NOTE text", "STYLE", "REGION": a line that is `keyword` or starts with it and a space.
bool StartsBlock(std::string_view text, std::string_view keyword) {
  if (text.substr(0, keyword.size()) != keyword) return false;
  return text.size() == keyword.size() || text[keyword.size()] == ' ' ||
         text[keyword.size()] == '\t';
}

std::string Quote(std::string_view text) {
  return fmt::format("\"{}{}\"", text.substr(0, Utf8CutPoint(text, kQuoteBytes)),
                     text.size() > kQuoteBytes ? "..." : "");
}

class VttParser {
 public:
  VttParser(TranscriptLines& lines, NoticeLog& log, const CueSink& sink)
      : cursor_(lines), log_(log), sink_(sink) {}

  Result<CueStats> Run();

 private:
  Result<void> Header();
  Result<void> Block();
  Result<void> SkipBlock();
  Result<void> ReadCue(uint64_t line, bool terminated);
  size_t Deliver(const CueTiming& timing, uint64_t line, bool first_part);

  LineCursor cursor_;
  NoticeLog& log_;
  const CueSink& sink_;
  CueStats stats_;
  std::vector<std::string> text_;  // the lines of the cue being read
  std::string voice_;              // the speaker of the last cue delivered
};

Result<CueStats> VttParser::Run() {
  auto more = cursor_.Next();
  if (!more) return more.error();
  if (!*more || !StartsBlock(cursor_.line().text, "WEBVTT")) {
    return Err(ErrorCode::kBadInput, fmt::format("{}:1", cursor_.name()),
               "not WebVTT: the first line must be \"WEBVTT\"",
               "a caption file without that line may be SRT: try --input-format=srt");
  }
  if (auto header = Header(); !header) return header.error();
  for (;;) {
    more = cursor_.Next();
    if (!more) return more.error();
    if (!*more) return stats_;
    if (IsBlankLine(cursor_.line().text)) continue;
    if (auto block = Block(); !block) return block.error();
  }
}

// Header lines run to the first blank line. A timing line there starts the first cue (some
// tools leave out the blank line).
Result<void> VttParser::Header() {
  for (;;) {
    auto more = cursor_.Next();
    if (!more) return more.error();
    if (!*more || IsBlankLine(cursor_.line().text)) return Ok();
    if (HasTimingArrow(cursor_.line().text)) {
      cursor_.PushBack();
      return Ok();
    }
  }
}

Result<void> VttParser::SkipBlock() {
  for (;;) {
    auto more = cursor_.Next();
    if (!more) return more.error();
    if (!*more || IsBlankLine(cursor_.line().text)) return Ok();
  }
}

// The current line is the first of a block.
Result<void> VttParser::Block() {
  const std::string& first = cursor_.line().text;
  if (StartsBlock(first, "NOTE") || StartsBlock(first, "STYLE") || StartsBlock(first, "REGION")) {
    return SkipBlock();
  }
  const uint64_t block_line = cursor_.line().number;
  if (!HasTimingArrow(first)) {  // a cue identifier, then the timing line
    auto more = cursor_.Next();
    if (!more) return more.error();
    if (!*more || !HasTimingArrow(cursor_.line().text)) {
      ++stats_.unusable;
      log_.AtLine(block_line, "text outside a cue (no timing line); skipped");
      if (*more && !IsBlankLine(cursor_.line().text)) return SkipBlock();
      return Ok();
    }
  }
  return ReadCue(cursor_.line().number, cursor_.line().terminated);
}

// The current line is a cue's timing line.
Result<void> VttParser::ReadCue(uint64_t line, bool terminated) {
  const std::optional<CueTiming> timing = ParseTimingLine(cursor_.line().text);
  if (!timing) {
    ++stats_.unusable;
    log_.AtLine(line,
                fmt::format("malformed timing line {}{}; cue skipped", Quote(cursor_.line().text),
                            terminated ? "" : " at the end of the file (truncated?)"));
    return SkipBlock();
  }
  text_.clear();
  size_t bytes = 0;
  bool first_part = true;
  bool at_end = false;
  for (;;) {
    auto more = cursor_.Next();
    if (!more) return more.error();
    at_end = !*more;
    if (at_end || IsBlankLine(cursor_.line().text)) break;
    if (HasTimingArrow(cursor_.line().text)) {  // the next cue, without a blank line before it
      cursor_.PushBack();
      break;
    }
    bytes += cursor_.line().text.size();
    text_.push_back(cursor_.line().text);
    if (bytes > kMaxTurnBytes) {  // bound the memory of one cue; the rest follows as more cues
      Deliver(*timing, line, first_part);
      first_part = false;
      text_.clear();
      bytes = 0;
    }
  }
  const bool no_lines = text_.empty();
  if (Deliver(*timing, line, first_part) == 0 && first_part) {
    log_.AtLine(line, at_end && no_lines ? "the last cue has no text (file truncated?); skipped"
                                         : "cue without text; skipped");
  }
  return Ok();
}

// Delivers the cue(s) of text_; returns how many had text.
size_t VttParser::Deliver(const CueTiming& timing, uint64_t line, bool first_part) {
  std::vector<VoiceText> voices = CleanVttCue(text_, {});
  for (VoiceText& voice : voices) {
    Cue cue;
    cue.line = line;
    if (first_part) {  // later parts of an overlong cue carry no times: see TurnBuilder
      cue.start_ms = timing.start_ms;
      cue.end_ms = timing.end_ms;
    }
    if (voice.speaker.empty()) {
      const LabelScan scan = ScanSpeakerLabel(voice.text, false);
      if (scan.kind == LabelKind::kLabel && !scan.label.text.empty()) {
        voice.speaker = std::string(scan.label.speaker);
        voice.text = std::string(scan.label.text);
      } else if (scan.kind == LabelKind::kNearLabel) {
        // Not the previous voice's words: whose they are is not known.
        log_.AtLine(line, NearLabelMessage(scan));
      } else {
        voice.speaker = voice_;
      }
    }
    voice_ = voice.speaker;
    cue.speaker = std::move(voice.speaker);
    cue.text = std::move(voice.text);
    ++stats_.cues;
    sink_(std::move(cue));
  }
  return voices.size();
}

}  // namespace

Result<CueStats> ReadVttCues(TranscriptLines& lines, NoticeLog& log, const CueSink& sink) {
  return VttParser(lines, log, sink).Run();
}

}  // namespace tonewatch
