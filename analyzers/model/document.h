#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/report/report.h"

namespace tonewatch {

// What a reader makes of a source: messages (emails) or turns (a call), each with who wrote or
// said it and the words to analyze. Readers fill it; the pipeline analyzes `text` of each.
struct DocMessage {
  std::string id;                       // Message-ID for mail; "turn-N" for a call (1-based)
  std::string author;                   // From header, or the speaker's name; empty when unknown
  std::vector<std::string> recipients;  // To and Cc, as written
  std::string time;                     // ISO 8601 when known (mail), else empty
  // Mail: the Date in Unix ms. Call: the turn's start, in ms from the start of the recording.
  std::optional<int64_t> start_ms;
  std::optional<int64_t> end_ms;   // calls: the turn's end
  std::string text;                // valid UTF-8: only what this author wrote or said
  std::string stripping = "none";  // none | structural | heuristic | uncertain (mail)
  // Threading (mail).
  std::string subject;
  std::string in_reply_to;
  std::vector<std::string> references;
  // Where in the source the message starts (byte offset, or line for transcripts), for errors.
  uint64_t source_offset = 0;
};

enum class DocumentKind { kText, kMail, kCall };

struct Document {
  std::string source;  // path or "<stdin>"
  DocumentKind kind = DocumentKind::kText;
  std::vector<DocMessage> messages;
  // Recoverable problems: a cue without text, a broken message skipped, damage replaced. Each names
  // the source and the line or byte offset.
  std::vector<Notice> errors;
};

}  // namespace tonewatch
