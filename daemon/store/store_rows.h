#pragma once

// Reading stored rows back into report types. Internal to daemon/store: the functions throw
// SQLite::Exception and are called inside SqliteTry.

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>
#include <vector>

#include "analyzers/base/result.h"
#include "daemon/store/queries.h"

namespace tonewatch::daemon::rows {

// The columns ReadMessage expects, in order, of `messages` aliased as m.
inline constexpr const char* kMessageColumns =
    "m.key, m.thread_id, m.path, m.source_offset, m.subject, m.author, m.me, m.recipients, "
    "m.time, m.time_ms, m.start_ms, m.end_ms, m.heat, m.stripping, m.omitted_findings, "
    "m.lexicon_hash";

// Reads messages at the current row of a statement selected with kMessageColumns, with their
// unsuppressed findings. Holds the findings query prepared once for all the rows it reads.
class MessageReader {
 public:
  explicit MessageReader(SQLite::Database& db);
  Result<MessageDetail> Read(SQLite::Statement& row);

 private:
  SQLite::Statement findings_;
};

// Reads a thread's stored aggregate, without messages. Holds the query prepared once for all the
// threads it reads.
class ThreadHeaderReader {
 public:
  explicit ThreadHeaderReader(SQLite::Database& db);
  // nullopt when no row is stored.
  Result<std::optional<ThreadReport>> Read(const std::string& id);

 private:
  SQLite::Statement header_;
};

// Reads every message of a thread in conversation order under its stored aggregate (see
// Store::Thread), without opening a transaction: the caller may be inside one. Holds its queries
// prepared once for all the threads it reads, so that a batch touching many threads does not
// prepare them again for each.
class ThreadReader {
 public:
  explicit ThreadReader(SQLite::Database& db);
  // nullopt when the thread has neither messages nor a stored aggregate.
  Result<std::optional<ThreadReport>> Read(const std::string& id);

 private:
  SQLite::Statement messages_;
  MessageReader reader_;
  ThreadHeaderReader header_;
};

}  // namespace tonewatch::daemon::rows
