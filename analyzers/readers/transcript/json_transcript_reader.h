#pragma once

#include "analyzers/base/result.h"
#include "analyzers/readers/transcript/cue.h"
#include "analyzers/readers/transcript/notice_log.h"
#include "analyzers/readers/transcript/transcript_lines.h"

namespace tonewatch {

// Reads a JSON transcript, calling `sink` for each element with text, in order. The format:
//
//   [
//     {"speaker": "Dana", "text": "Thanks for calling.", "start": 0.5, "end": 2.25},
//     {"speaker": "Sam", "text": "Hi.", "start": "00:00:02.400", "end": "00:00:03.000"},
//     {"speaker": "Dana", "text": "How can I help?"}
//   ]
//
// A top-level array of objects. "text" (a string) is required. "speaker" is a string (a number is
// taken as its decimal form; null or missing: unknown). "start" and "end" are optional, each
// either a number of seconds from the start of the recording (fractions allowed) or a timestamp
// string as ParseTimestamp reads it ("hh:mm:ss.mmm", "mm:ss", ...). Other fields are ignored.
//
// Streamed through nlohmann-json's SAX parser, so memory stays bounded: no value may exceed
// `max_value_bytes` (a longer one stops the reading there, reported). Reported to the log and
// skipped: an element that is not an object, an element without text, a field of the wrong type
// (ignored). A syntax error or a truncated file stops the reading where it is, reported with its
// line; the elements before it are kept. Fails (kBadInput) when the top level is not an array;
// read errors are returned as they come.
inline constexpr size_t kMaxJsonValueBytes = 16 << 20;

Result<CueStats> ReadJsonCues(TranscriptLines& lines, NoticeLog& log, const CueSink& sink,
                              size_t max_value_bytes = kMaxJsonValueBytes);

}  // namespace tonewatch
