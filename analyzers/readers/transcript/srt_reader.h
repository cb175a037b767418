#pragma once

#include "analyzers/base/result.h"
#include "analyzers/readers/transcript/cue.h"
#include "analyzers/readers/transcript/notice_log.h"
#include "analyzers/readers/transcript/transcript_lines.h"

namespace tonewatch {

// Reads SubRip (SRT) cues, calling `sink` for each cue with text, in file order. Understands: cue
// indices or none; "," or "." before the milliseconds and the other lenient timestamps of
// ParseTimestamp; coordinates after the timing ("X1:000 ..."); multi-line cues; a missing blank
// line before the next index or timing line; markup (see CleanSrtCue). The speaker is a "Name:"
// label at the start of the cue, else the previous cue's speaker. The charset (BOMs, UTF-16,
// UTF-32, legacy 8-bit) is the Utf8Stream's business.
//
// Reported to the log and skipped: an index without a timing line, text outside a cue, a
// malformed timing line, a cue without text (at the end of the file: "truncated?"). Never fails
// but on read errors; a source with nothing but unusable blocks is for the caller to reject (see
// CueStats).
Result<CueStats> ReadSrtCues(TranscriptLines& lines, NoticeLog& log, const CueSink& sink);

// True for a line of 1 to 9 digits, which may be an SRT cue index.
bool IsCueIndex(std::string_view text);

}  // namespace tonewatch
