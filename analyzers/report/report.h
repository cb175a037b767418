#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyzers/analysis/finding.h"

namespace tonewatch {

// A problem met while reading or analyzing, that did not stop the work: "file:byte 120", "invalid
// UTF-8 (2 bytes) replaced with U+FFFD".
struct Notice {
  std::string where;
  std::string message;
};

// One message (or one call turn) and what the engine found in it. Field names follow the report
// contract in DESIGN.md.
struct MessageReport {
  std::string id;
  std::string author;  // empty: unknown
  bool me = false;     // written by the user
  std::string time;    // ISO 8601, empty: unknown
  int heat = 0;
  std::vector<Finding> findings;
  std::string stripping = "none";  // none | structural | heuristic | uncertain
  size_t omitted_findings = 0;     // findings past kMaxFindingsPerMessage, not listed
};

struct MoveOffEmail {
  std::vector<std::string> reasons;
  std::string opening;
};

// One thread: a plain text is a thread of one message; a call is a thread of turns.
struct ThreadReport {
  std::string thread;
  std::string source;
  int heat = 0;
  std::string trend = "unknown";  // rising | cooling | steady | unknown
  std::optional<MoveOffEmail> move_off_email;
  std::vector<MessageReport> messages;
  std::vector<Notice> errors;
};

// A message lists at most this many findings; heat is the sum of those listed.
inline constexpr size_t kMaxFindingsPerMessage = 1000;

// The version of the JSON report contract this code writes.
inline constexpr int kSchemaVersion = 1;

}  // namespace tonewatch
