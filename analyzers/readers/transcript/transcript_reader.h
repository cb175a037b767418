#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/base/result.h"
#include "analyzers/model/document.h"
#include "analyzers/readers/byte_source.h"
#include "analyzers/readers/transcript/charset.h"
#include "analyzers/readers/transcript/cue.h"
#include "analyzers/readers/transcript/transcript_format.h"
#include "analyzers/report/report.h"

namespace tonewatch {

// Call transcripts: WebVTT, SRT, speaker-labelled text and JSON, read into turns.
//
// The pipeline: Utf8Stream (charset: BOMs, UTF-16/32, legacy 8-bit via ICU) -> TranscriptLines
// (valid UTF-8 lines, damage reported) -> the format's cue reader (vtt_reader.h, srt_reader.h,
// speaker_text_reader.h, json_transcript_reader.h) -> TurnBuilder (consecutive cues of one
// speaker merged into a turn). Every stage streams: memory is bounded by the larger of
// kMaxTurnBytes and, for JSON, kMaxJsonValueBytes, whatever the size of the source.
//
// (DetectTranscriptFormat, ParseTranscriptFormat and TranscriptFormatName are declared in
// transcript_format.h, included above.)

// Streams `source`, calling `on_turn` for each turn in order: consecutive cues by one speaker
// merged (see TurnBuilder), ids "turn-1", "turn-2", ..., times in ms from the start of the
// recording, source_offset the turn's first line. A turn holds at most kMaxTurnBytes of text; a
// longer monologue continues in a new turn of the same speaker. `format` nullopt: detected from
// the content (DetectTranscriptFormat). Recoverable problems are appended to *errors (may be
// null), each naming the source and line ("call.srt:42: cue without text; skipped"); at most
// NoticeLog::kMaxNotices are listed, then their number.
//
// Fails (kBadInput, naming the source and the reason) only when nothing usable can be read: an
// empty source, binary data, content in no transcript format, a forced format that does not fit
// (WebVTT without its header, no usable cue at all, JSON whose top level is not an array); and
// with the source's read error (kUnreadable). On a failure after some turns, those turns have
// been delivered. Not thread-safe per source; different sources may be read concurrently.
Result<void> ReadTranscript(ByteSource& source, std::optional<TranscriptFormat> format,
                            const std::function<void(DocMessage&&)>& on_turn,
                            std::vector<Notice>* errors);

// The same, for a caller that has already read the first bytes of `source` (`prefix`, see
// SniffTranscript): they are read before the rest of the source.
Result<void> ReadTranscript(std::string prefix, ByteSource& source,
                            std::optional<TranscriptFormat> format,
                            const std::function<void(DocMessage&&)>& on_turn,
                            std::vector<Notice>* errors);

// Reads the first bytes of `source` (up to kCharsetSniffBytes) into *head and returns the
// detected format, nullopt when the source is not a transcript. To read it, pass *head to
// ReadTranscript as its prefix. Fails only with the source's read error.
Result<std::optional<TranscriptFormat>> SniffTranscript(ByteSource& source, std::string* head);

// The cues before they are merged into turns (one per caption cue, labelled line or JSON
// element), with the same checks and failures as ReadTranscript except the timing checks of
// TurnBuilder. For tests and for measuring the readers against known cue counts.
Result<void> ReadTranscriptCues(ByteSource& source, std::optional<TranscriptFormat> format,
                                const CueSink& on_cue, std::vector<Notice>* errors);

}  // namespace tonewatch
