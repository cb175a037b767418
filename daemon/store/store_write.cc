// Writing ingest results: messages with their findings, thread aggregates and file outcomes, one
// transaction per batch.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <set>

#include "daemon/store/batch_writer.h"
#include "daemon/store/sqlite_try.h"
#include "daemon/store/store.h"

namespace tonewatch::daemon {
namespace {

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
    BatchWriter writer(*db_, Now());
    std::set<std::string> left;  // threads some message moved out of
    for (const StoredMessage& m : batch.messages) {
      auto before = writer.PutMessage(m, m.thread);
      if (before && *before != m.thread) left.insert(*before);
    }
    for (const StoredThread& t : batch.threads) writer.PutThread(t);
    for (const StoredMessage& m : batch.messages) writer.EnsureThread(m.thread);
    for (const FileOutcome& f : batch.files) writer.PutFile(f);
    for (const std::string& thread : left) writer.DropIfEmpty(thread);
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
