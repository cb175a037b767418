#include "analyzers/readers/transcript/transcript_reader.h"

#include <fmt/format.h>

#include <algorithm>

#include "analyzers/readers/sniff.h"
#include "analyzers/readers/transcript/charset.h"
#include "analyzers/readers/transcript/json_transcript_reader.h"
#include "analyzers/readers/transcript/notice_log.h"
#include "analyzers/readers/transcript/speaker_text_reader.h"
#include "analyzers/readers/transcript/srt_reader.h"
#include "analyzers/readers/transcript/transcript_lines.h"
#include "analyzers/readers/transcript/turn_builder.h"
#include "analyzers/readers/transcript/vtt_reader.h"

namespace tonewatch {
namespace {

// How much decoded text decides the format and the binary check.
constexpr size_t kSniffBytes = 8192;

Result<CueStats> Dispatch(TranscriptFormat format, TranscriptLines& lines, NoticeLog& log,
                          const CueSink& sink) {
  switch (format) {
    case TranscriptFormat::kVtt:
      return ReadVttCues(lines, log, sink);
    case TranscriptFormat::kSrt:
      return ReadSrtCues(lines, log, sink);
    case TranscriptFormat::kSpeakerText:
      return ReadSpeakerTextCues(lines, log, sink);
    case TranscriptFormat::kJson:
      return ReadJsonCues(lines, log, sink);
  }
  return ReadSpeakerTextCues(lines, log, sink);
}

// The shared path of ReadTranscript and ReadTranscriptCues.
Result<void> ReadCues(std::string prefix, ByteSource& source,
                      std::optional<TranscriptFormat> forced, NoticeLog& log, const CueSink& sink) {
  auto stream = Utf8Stream::Open(source, std::move(prefix));
  if (!stream) return stream.error();
  TranscriptLines lines(*stream, log);
  auto head = lines.Peek(kSniffBytes);
  if (!head) return head.error();
  if (head->empty()) return Err(ErrorCode::kBadInput, source.name(), "is empty", "nothing to read");
  if (std::string reason = BinaryReason(*head); !reason.empty()) {
    reason = fmt::format("looks like binary data ({})", reason);
    return Err(ErrorCode::kBadInput, source.name(), reason, "not a transcript; not read");
  }
  const std::optional<TranscriptFormat> format = forced ? forced : DetectTranscriptFormat(*head);
  if (!format) {
    return Err(ErrorCode::kBadInput, source.name(),
               "not a transcript: no WebVTT header, SRT timing line, \"Name:\" speaker labels or "
               "JSON array at its start",
               "name the format with --input-format=vtt|srt|text|json");
  }
  if (stream->charset().detected) {
    log.AtFile(
        fmt::format("no byte order mark or UTF-8; read as {} (detected)", stream->charset().name));
  }
  auto stats = Dispatch(*format, lines, log, sink);
  if (!stats) return stats.error();
  if (stats->cues == 0 && stats->unusable > 0) {
    return Err(ErrorCode::kBadInput, source.name(),
               fmt::format("no usable {} cue ({} unusable block{}; the first problem: {})",
                           TranscriptFormatName(*format), stats->unusable,
                           stats->unusable == 1 ? "" : "s", log.first()),
               forced ? "is it in another format?" : "not a transcript?");
  }
  return Ok();
}

}  // namespace

Result<void> ReadTranscript(ByteSource& source, std::optional<TranscriptFormat> format,
                            const std::function<void(DocMessage&&)>& on_turn,
                            std::vector<Notice>* errors) {
  return ReadTranscript(std::string(), source, format, on_turn, errors);
}

Result<void> ReadTranscript(std::string prefix, ByteSource& source,
                            std::optional<TranscriptFormat> format,
                            const std::function<void(DocMessage&&)>& on_turn,
                            std::vector<Notice>* errors) {
  NoticeLog log(source.name(), errors);
  TurnBuilder builder(log, on_turn);
  auto read = ReadCues(std::move(prefix), source, format, log,
                       [&builder](Cue&& cue) { builder.Add(std::move(cue)); });
  builder.Finish();
  log.Finish();
  return read;
}

Result<std::optional<TranscriptFormat>> SniffTranscript(ByteSource& source, std::string* head) {
  head->clear();
  while (head->size() < kCharsetSniffBytes) {
    auto n = source.ReadAppend(*head, kCharsetSniffBytes - head->size());
    if (!n) return n.error();
    if (*n == 0) break;
  }
  return DetectTranscriptFormat(*head);
}

Result<void> ReadTranscriptCues(ByteSource& source, std::optional<TranscriptFormat> format,
                                const CueSink& on_cue, std::vector<Notice>* errors) {
  NoticeLog log(source.name(), errors);
  auto read = ReadCues(std::string(), source, format, log, on_cue);
  log.Finish();
  return read;
}

}  // namespace tonewatch
