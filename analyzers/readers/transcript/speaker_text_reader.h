#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "analyzers/base/result.h"
#include "analyzers/readers/transcript/cue.h"
#include "analyzers/readers/transcript/notice_log.h"
#include "analyzers/readers/transcript/transcript_lines.h"

namespace tonewatch {

// Reads a speaker-labelled text transcript, calling `sink` for each utterance in file order. A
// line is one of:
//   "Name: text"                   a new utterance by Name (labels as in SplitSpeakerLabel, where
//                                  a single lower-case word counts too: "agent: ...")
//   "[00:01:02] Name: text"        the same, starting at that time; the stamp may also be written
//   "00:01:02 Name: text"          bare or in parentheses, and be followed by "-" or "|"
//   "Name (00:01:02): text"        the stamp after the name
//   "[00:01:02] text"              a new utterance by the previous speaker, starting then
//   "Name 00:01:02"                a speaker heading (as some tools export): the lines below it
//                                  are Name's, starting then
//   "Title Case Words ...: text"   a line that may be a label but breaks a label's limits (see
//                                  ScanSpeakerLabel: too many words, parentheses that do not pair
//                                  up): a new utterance by an unknown speaker, reported every time
//                                  with its line, so that its words are never given silently to
//                                  the speaker above it
//   anything else                  a continuation of the utterance above it
// Blank lines are ignored. Utterances have a start when stamped, and no end (TurnBuilder ends a
// turn where the next one starts). Text before the first label is kept with an unknown speaker
// and reported once. Never fails but on read errors.
Result<CueStats> ReadSpeakerTextCues(TranscriptLines& lines, NoticeLog& log, const CueSink& sink);

// One line of a speaker-labelled transcript, taken apart (views into the line).
struct SpeakerTextLine {
  std::optional<int64_t> stamp_ms;
  std::optional<std::string_view> speaker;  // set for a label or a heading
  std::string_view text;
  bool heading = false;  // "Name 00:01:02" alone on its line
  // Set when the line opens with words that may be a label but are not taken as one (then
  // `speaker` is unset and `text` is the whole line after any stamp): the warning to give.
  std::string not_a_label;
};

// Takes a (trimmed, non-blank) line apart; also used by format detection, where a line counts as
// labelled when it has a speaker.
SpeakerTextLine ParseSpeakerTextLine(std::string_view line);

}  // namespace tonewatch
