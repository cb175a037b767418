#include "analyzers/readers/transcript/transcript_format.h"

#include <string>

#include "analyzers/readers/transcript/charset.h"
#include "analyzers/readers/transcript/speaker_text_reader.h"
#include "analyzers/readers/transcript/timestamp.h"

namespace tonewatch {
namespace {

constexpr std::string_view kSpace = " \t\r\n";

std::string_view Trim(std::string_view text) {
  const size_t start = text.find_first_not_of(" \t\r");
  if (start == std::string_view::npos) return {};
  return text.substr(start, text.find_last_not_of(" \t\r") - start + 1);
}

bool IsJsonStart(std::string_view text) {
  if (text[0] == '{') return true;
  if (text[0] != '[') return false;
  const size_t next = text.find_first_not_of(kSpace, 1);
  return next == std::string_view::npos || text[next] == '{' || text[next] == ']';
}

// "From: ..." or "X-Mailer: ..." opening a mail's header, which would read as speaker labels.
bool IsMailHeader(std::string_view line) {
  static constexpr std::string_view kHeaders[] = {
      "from:",         "to:",          "cc:",           "subject:",    "date:",
      "received:",     "return-path:", "delivered-to:", "message-id:", "mime-version:",
      "content-type:", "reply-to:",    "sender:"};
  std::string lower;
  for (char c : line.substr(0, 16)) lower.push_back(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (std::string_view header : kHeaders) {
    if (std::string_view(lower).substr(0, header.size()) == header) return true;
  }
  return lower.substr(0, 2) == "x-" && line.find(':') != std::string_view::npos;
}

// SRT or speaker text, from the first non-blank lines. Speaker text needs the shape of a
// conversation: a time stamp, or labelled lines by at least two speakers making up a quarter of
// the lines. One label alone is how mail opens ("Hi:", "Dana:", "Note:"), not a call.
std::optional<TranscriptFormat> FromLines(std::string_view text) {
  size_t seen = 0;
  size_t labelled = 0;
  bool stamped = false;
  std::optional<std::string_view> first_speaker;
  bool second_speaker = false;
  while (!text.empty() && seen < kDetectLines) {
    const size_t newline = text.find('\n');
    const std::string_view line = Trim(text.substr(0, newline));
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    if (line.empty()) continue;
    if (seen == 0 && IsMailHeader(line)) return std::nullopt;
    ++seen;
    if (seen <= kDetectTimingLines && ParseTimingLine(line)) return TranscriptFormat::kSrt;
    const SpeakerTextLine parsed = ParseSpeakerTextLine(line);
    if (!parsed.speaker) continue;
    ++labelled;
    stamped = stamped || parsed.stamp_ms.has_value();
    if (!first_speaker) {
      first_speaker = parsed.speaker;
    } else if (*parsed.speaker != *first_speaker) {
      second_speaker = true;
    }
  }
  if (stamped || (second_speaker && labelled * 4 >= seen)) return TranscriptFormat::kSpeakerText;
  return std::nullopt;
}

}  // namespace

std::optional<TranscriptFormat> DetectTranscriptFormat(std::string_view head) {
  const Charset charset = DetectCharset(head);
  std::string decoded;
  if (charset.utf8()) {
    head.remove_prefix(charset.bom_bytes);
  } else {
    decoded = ToUtf8(head, charset);
    head = decoded;
  }
  const size_t start = head.find_first_not_of(kSpace);
  if (start == std::string_view::npos) return std::nullopt;
  const std::string_view text = head.substr(start);
  if (text.substr(0, 6) == "WEBVTT" &&
      (text.size() == 6 || kSpace.find(text[6]) != std::string_view::npos)) {
    return TranscriptFormat::kVtt;
  }
  if (IsJsonStart(text)) return TranscriptFormat::kJson;
  return FromLines(text);
}

std::optional<TranscriptFormat> ParseTranscriptFormat(std::string_view name) {
  if (name == "vtt" || name == "webvtt") return TranscriptFormat::kVtt;
  if (name == "srt") return TranscriptFormat::kSrt;
  if (name == "text" || name == "txt") return TranscriptFormat::kSpeakerText;
  if (name == "json") return TranscriptFormat::kJson;
  return std::nullopt;
}

std::string_view TranscriptFormatName(TranscriptFormat format) {
  switch (format) {
    case TranscriptFormat::kVtt:
      return "vtt";
    case TranscriptFormat::kSrt:
      return "srt";
    case TranscriptFormat::kSpeakerText:
      return "text";
    case TranscriptFormat::kJson:
      return "json";
  }
  return "text";
}

}  // namespace tonewatch
