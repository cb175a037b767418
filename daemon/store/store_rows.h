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

// The thread's stored aggregate, without messages; nullopt when no row is stored.
Result<std::optional<ThreadReport>> ReadThreadHeader(SQLite::Database& db, const std::string& id);

// Every message of the thread in conversation order under its stored aggregate (see
// Store::Thread), without opening a transaction: the caller may be inside one.
Result<std::optional<ThreadReport>> ReadThread(SQLite::Database& db, const std::string& id);

}  // namespace tonewatch::daemon::rows
