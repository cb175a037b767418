#pragma once

#include <optional>
#include <string_view>

namespace tonewatch {

enum class TranscriptFormat { kVtt, kSrt, kSpeakerText, kJson };

// From the first bytes of a source (a few KiB are plenty; a BOM, UTF-16 or UTF-32 are fine):
// the transcript format, or nullopt when it is not a transcript. In order: "WEBVTT" on the first
// line is WebVTT; a '{', or a '[' followed by '{' or ']', is JSON; a valid timing line
// ("00:00:01,000 --> 00:00:02,000") among the first kDetectTimingLines non-blank lines is SRT
// (so is a WebVTT file without its header); a time-stamped speaker label ("[00:00:05] Name: text",
// "Name 0:03"), or labels by at least two speakers on a quarter of the first kDetectLines, are
// speaker-labelled text, unless the first line is a mail header ("From:", "Subject:", "X-...:").
// A single speaker's label ("Hi:", "Dana:" opening a mail body) is not a conversation.
// Anything else (prose, mail, binary) is nullopt. Pure.
std::optional<TranscriptFormat> DetectTranscriptFormat(std::string_view head);

// "vtt" (or "webvtt"), "srt", "text" (or "txt"), "json": the --input-format names. nullopt for
// any other name.
std::optional<TranscriptFormat> ParseTranscriptFormat(std::string_view name);

// "vtt", "srt", "text" or "json".
std::string_view TranscriptFormatName(TranscriptFormat format);

inline constexpr size_t kDetectTimingLines = 5;
inline constexpr size_t kDetectLines = 30;

}  // namespace tonewatch
