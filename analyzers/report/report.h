#pragma once

#include <cstdint>
#include <memory>
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
  std::string author;              // empty: unknown
  bool me = false;                 // written by the user
  std::string time;                // ISO 8601, empty: unknown
  std::optional<int64_t> time_ms;  // the same instant in Unix milliseconds, for the thread model
  // Call turns: start and end in ms from the start of the recording (not Unix time).
  std::optional<int64_t> start_ms;
  std::optional<int64_t> end_ms;
  std::vector<std::string> recipients;  // addresses or names, when the input has them
  std::string subject;                  // mail
  int heat = 0;
  std::vector<Finding> findings;
  std::string stripping = "none";  // none | structural | heuristic | uncertain
  size_t omitted_findings = 0;     // findings past kMaxFindingsPerMessage, not listed
};

struct MoveOffEmail {
  std::vector<std::string> reasons;
  std::string opening;
};

// A hot message from the counterpart that "me" has not answered yet.
struct Unanswered {
  std::string message;  // its id
  int heat = 0;
  int64_t waiting_ms = 0;  // since it was sent, at the time of the report
};

// How to answer a hot message, built from its findings: the concerns it raises, in order, and the
// steps practitioners recommend. No free text is generated.
struct ReplyPlan {
  struct Concern {
    std::string text;      // the sentence that carries the finding(s)
    std::string category;  // of its strongest finding
    std::string advice;    // what to do about this kind of concern
  };
  std::string message;  // id of the message it answers
  std::vector<Concern> concerns;
  std::vector<std::string> steps;
};

struct CallMetrics;  // analyzers/call/call_metrics.h

// One thread: a plain text is a thread of one message; a call is a thread of turns.
struct ThreadReport {
  std::string thread;
  std::string source;
  std::string subject;  // mail: the first message's subject; empty otherwise
  int heat = 0;
  std::string trend = "unknown";  // rising | cooling | steady | unknown
  std::optional<MoveOffEmail> move_off_email;
  std::optional<Unanswered> unanswered;
  std::optional<ReplyPlan> reply_plan;      // only when asked for (analyze --plan)
  std::shared_ptr<const CallMetrics> call;  // calls only: talk share, interruptions, follow-up
  std::vector<MessageReport> messages;
  std::vector<Notice> errors;
};

// A message lists at most this many findings; heat is the sum of those listed.
inline constexpr size_t kMaxFindingsPerMessage = 1000;

// The version of the JSON report contract this code writes.
inline constexpr int kSchemaVersion = 1;

}  // namespace tonewatch
