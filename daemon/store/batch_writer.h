#pragma once

// The prepared statements of a write transaction. Internal to daemon/store.

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>
#include <unordered_map>

#include "daemon/store/store.h"

namespace tonewatch::daemon {

// The prepared statements of one write transaction, reused for every row. Throws SQLite::Exception
// (the caller runs it inside SqliteTry).
class BatchWriter {
 public:
  BatchWriter(SQLite::Database& db, int64_t now);

  // Stores `m` in `thread` (which Ingest may have found for it, m.thread being empty) in place of
  // any message with its key; returns the thread it was in before.
  std::optional<std::string> PutMessage(const StoredMessage& m, const std::string& thread);

  void PutThread(const StoredThread& t);

  void PutFile(const FileOutcome& f);

 private:
  void PutFinding(const std::string& key, size_t ord, const Finding& f);
  // The why stored for f's rule (rule_texts), written the first time the rule is seen.
  const std::string& RuleWhy(const Finding& f);

  int64_t now_;
  SQLite::Statement old_thread_, message_, clear_findings_, finding_, suppressed_, heat_, thread_,
      file_, rule_text_;
  // Each rule's why as written to rule_texts in this transaction.
  std::unordered_map<std::string, std::string> rule_whys_;
};

}  // namespace tonewatch::daemon
