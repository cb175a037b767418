// Writing ingest results: messages with their findings, thread aggregates and file outcomes, one
// transaction per batch.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <set>

#include "daemon/store/batch_writer.h"
#include "daemon/store/run_statement.h"
#include "daemon/store/sqlite_try.h"
#include "daemon/store/store.h"

namespace tonewatch::daemon {
namespace {

// Gives a thread an aggregate row when it has none yet: its first message's subject and path, its
// highest message heat, trend unknown. Flagged lists threads from that table. Binds the thread id
// and now.
constexpr const char* kEnsureThread = R"sql(
INSERT OR IGNORE INTO threads (id, subject, source, heat, trend, errors, updated_ms)
SELECT ?1, m.subject, m.path, (SELECT max(heat) FROM messages WHERE thread_id = ?1), 'unknown',
       '[]', ?2
FROM messages m WHERE m.thread_id = ?1 ORDER BY coalesce(m.time_ms, 0), m.rowid LIMIT 1)sql";

// Removes a thread's aggregate when no message is left in it. Binds the thread id.
constexpr const char* kDropIfEmpty =
    "DELETE FROM threads WHERE id = ?1 AND NOT EXISTS "
    "(SELECT 1 FROM messages WHERE thread_id = ?1)";

Result<void> Validate(const WriteBatch& batch, const std::string& path) {
  for (size_t i = 0; i < batch.messages.size(); ++i) {
    const StoredMessage& m = batch.messages[i];
    if (m.report.id.empty() || m.thread.empty()) {
      return Err(ErrorCode::kUsage, path,
                 fmt::format("message {} of the batch has no {}; nothing was written", i,
                             m.report.id.empty() ? "key (report.id)" : "thread id"));
    }
  }
  for (size_t i = 0; i < batch.threads.size(); ++i) {
    if (batch.threads[i].id.empty()) {
      return Err(ErrorCode::kUsage, path,
                 fmt::format("thread {} of the batch has no id; nothing was written", i));
    }
  }
  return Ok();
}

}  // namespace

Result<void> Store::Write(const WriteBatch& batch) {
  if (auto valid = Validate(batch, path_); !valid) return valid;
  const std::string doing =
      fmt::format("writing {} messages, {} threads and {} file states", batch.messages.size(),
                  batch.threads.size(), batch.files.size());
  return SqliteTry(path_, doing, [&]() -> Result<void> {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    const int64_t now = Now();
    BatchWriter writer(*db_, now);
    // Write's own statements: Ingest, the daemon's path, needs neither, so BatchWriter does not
    // prepare them for every batch.
    SQLite::Statement ensure_thread(*db_, kEnsureThread), drop_if_empty(*db_, kDropIfEmpty);
    std::set<std::string> left;  // threads some message moved out of
    for (const StoredMessage& m : batch.messages) {
      auto before = writer.PutMessage(m, m.thread);
      if (before && *before != m.thread) left.insert(*before);
    }
    for (const StoredThread& t : batch.threads) writer.PutThread(t);
    for (const StoredMessage& m : batch.messages) {
      ensure_thread.bind(1, m.thread);
      ensure_thread.bind(2, now);
      Run(ensure_thread);
    }
    for (const FileOutcome& f : batch.files) writer.PutFile(f);
    for (const std::string& thread : left) {
      drop_if_empty.bind(1, thread);
      Run(drop_if_empty);
    }
    transaction.commit();
    return Ok();
  });
}

Result<void> Store::UpsertMessages(std::vector<StoredMessage> messages) {
  WriteBatch batch;
  batch.messages = std::move(messages);
  return Write(batch);
}

Result<void> Store::RecordFileOk(const std::string& path, const FileIdentity& identity,
                                 int64_t read_offset) {
  WriteBatch batch;
  batch.files.push_back({path, identity, read_offset, std::nullopt});
  return Write(batch);
}

Result<void> Store::RecordFileFailure(const std::string& path, const FileIdentity& identity,
                                      const std::string& error) {
  WriteBatch batch;
  batch.files.push_back({path, identity, 0, error});
  return Write(batch);
}

}  // namespace tonewatch::daemon
