#pragma once

// SQL shared by the store's source files. Internal to daemon/store.

#include <fmt/format.h>

#include <string>
#include <string_view>

#include "analyzers/analysis/finding.h"

namespace tonewatch::daemon::sql {

// True for a row of `findings` that some stored suppression hides.
inline constexpr const char* kIsSuppressed = R"sql(EXISTS (
  SELECT 1 FROM suppressions s WHERE
       (s.kind = 'rule' AND s.rule = findings.rule)
    OR (s.kind = 'finding' AND s.fingerprint = findings.fingerprint)
    OR (s.kind = 'thread-rule' AND s.rule = findings.rule AND s.thread =
          (SELECT m.thread_id FROM messages m WHERE m.key = findings.message_key))))sql";

// Re-evaluates the suppressed flag of one message's findings; binds the message key.
inline std::string UpdateSuppressedOfMessage() {
  return fmt::format("UPDATE findings SET suppressed = {} WHERE message_key = ?1", kIsSuppressed);
}

// The same for every message of a thread; binds the thread id.
inline std::string UpdateSuppressedOfThread() {
  return fmt::format(
      "UPDATE findings SET suppressed = {} WHERE message_key IN "
      "(SELECT key FROM messages WHERE thread_id = ?1)",
      kIsSuppressed);
}

// A message's heat is its analyzed heat unless a finding is suppressed; then it is the sum of the
// findings left, as HeatOf computes it. Binds the message key (or, with `where` =
// "thread_id = ?1", the thread id).
inline std::string UpdateHeatOfMessage(std::string_view where = "key = ?1") {
  return fmt::format(R"sql(UPDATE messages SET heat = CASE
  WHEN EXISTS (SELECT 1 FROM findings f WHERE f.message_key = messages.key AND f.suppressed)
  THEN max(0, min({}, (SELECT coalesce(sum(f.points), 0) FROM findings f
                       WHERE f.message_key = messages.key AND NOT f.suppressed)))
  ELSE raw_heat END
WHERE {})sql",
                     kMaxHeat, where);
}

}  // namespace tonewatch::daemon::sql
