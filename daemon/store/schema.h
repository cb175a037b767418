#pragma once

// The store's schema and its history. The schema version lives in the database header
// (PRAGMA user_version); tonewatch databases are also marked with PRAGMA application_id so that
// another program's SQLite file is refused instead of altered.

#include <span>
#include <string>
#include <string_view>

#include "analyzers/base/result.h"

namespace SQLite {
class Database;
}

namespace tonewatch::daemon {

// One step of the history: the SQL that takes a database from version `version - 1` to
// `version`. A step runs in its own transaction together with setting user_version, so a crash
// leaves the database at a whole version, never between two.
struct Migration {
  int version;               // 1, 2, ... with no gaps
  std::string_view summary;  // one line, for the log and the history in PROTOCOL.md
  std::string_view sql;      // one or more statements
};

// "TWch": marks a database as tonewatch's.
inline constexpr int kApplicationId = 0x54576368;

// The store's history, oldest first. To change the schema, append one Migration (never edit an
// entry that has shipped) and add a test that opens a database of the previous version.
std::span<const Migration> StoreMigrations();

// The version StoreMigrations() ends at: what this build writes.
int LatestSchemaVersion();

// Brings the open database `db` (whose file is `path`, used in errors) to the last version of
// `migrations` and returns that version.
//
// A database at version 0 with no tables is new and gets every step; one at a version below the
// last gets the steps it lacks, each in its own transaction. Refused with kBadInput, and left
// untouched: a database whose version is newer than the last step ("written by a newer
// tonewatchd"), one marked with another application id, and one with tables but no version (not
// ours). A failing step leaves the database at the version before it and names the step.
// `migrations` must be numbered 1, 2, ... (kInternal otherwise). Not thread-safe: call it before
// sharing the connection.
Result<int> Migrate(SQLite::Database& db, const std::string& path,
                    std::span<const Migration> migrations);

}  // namespace tonewatch::daemon
