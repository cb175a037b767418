#pragma once

#include "analyzers/base/result.h"
#include "analyzers/readers/transcript/cue.h"
#include "analyzers/readers/transcript/notice_log.h"
#include "analyzers/readers/transcript/transcript_lines.h"

namespace tonewatch {

// Reads WebVTT (https://www.w3.org/TR/webvtt1/) cues, calling `sink` for each cue with text, in
// file order. Understands: the "WEBVTT" line (a BOM before it is already gone) and the header
// lines after it (Kind:, Language:, X-TIMESTAMP-MAP=...); NOTE, STYLE and REGION blocks
// (skipped); cue identifiers; cue settings after the timing; lenient timestamps (see
// ParseTimestamp); multi-line cues; a line with "-->" inside a cue's text starting the next cue,
// as the specification says; markup (see CleanVttCue). The speaker is the cue's <v> voice, else a
// "Name:" label at its start, else the previous cue's speaker. A cue with several voices gives one
// cue per voice, with the same times.
//
// Reported to the log and skipped: a block without a timing line, a malformed timing line, a cue
// without text (at the end of the file: "truncated?"). Fails (kBadInput) only when the first line
// is not "WEBVTT", naming the source and line 1; read errors are returned as they come.
Result<CueStats> ReadVttCues(TranscriptLines& lines, NoticeLog& log, const CueSink& sink);

}  // namespace tonewatch
