// Opening the store, its status, and the file and lexicon bookkeeping. Writing messages is in
// store_write.cc, reading them in store_read.cc, suppressions in store_suppress.cc.
#include "daemon/store/store.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include "daemon/store/schema.h"
#include "daemon/store/sqlite_try.h"

namespace tonewatch::daemon {
namespace {

// Creates an empty file with mode 0600 when `path` does not exist, so that the database, and the
// -wal and -shm files SQLite gives the same mode, are the user's alone whatever the umask.
Result<void> CreatePrivate(const std::string& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) {
    ::close(fd);
    return Ok();
  }
  if (errno == EEXIST) return Ok();
  const int error = errno;
  return Err(error == ENOENT ? ErrorCode::kNotFound : ErrorCode::kUnreadable, path,
             fmt::format("cannot create the database: {}", std::strerror(error)),
             error == ENOENT ? "create its folder first" : "");
}

Result<std::unique_ptr<SQLite::Database>> Connect(const std::string& path,
                                                  const StoreOptions& options) {
  return SqliteTry(
      path, "opening the database", [&]() -> Result<std::unique_ptr<SQLite::Database>> {
        auto db = std::make_unique<SQLite::Database>(
            path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, options.busy_timeout_ms);
        // WAL lets queries read while ingest writes; NORMAL keeps every commit atomic and loses at
        // most the last commits on power loss, which a restart re-ingests from the mail.
        const std::string mode = db->execAndGet("PRAGMA journal_mode = WAL").getString();
        if (mode != "wal") {
          return Err(
              ErrorCode::kUnreadable, path,
              fmt::format("cannot switch the database to WAL mode (it stays in '{}' mode)", mode),
              "put the database on a local file system");
        }
        db->exec("PRAGMA synchronous = NORMAL");
        db->exec(fmt::format("PRAGMA cache_size = {}", -1024 * options.cache_mib));
        return db;
      });
}

FileRecord ReadFileRecord(SQLite::Statement& row) {
  FileRecord r;
  r.path = row.getColumn(0).getString();
  r.identity.device = static_cast<uint64_t>(row.getColumn(1).getInt64());
  r.identity.inode = static_cast<uint64_t>(row.getColumn(2).getInt64());
  r.identity.size = row.getColumn(3).getInt64();
  r.identity.mtime_ns = row.getColumn(4).getInt64();
  r.identity.content_hash = row.getColumn(5).getString();
  r.ok = row.getColumn(6).getString() == "ok";
  r.error = row.getColumn(7).getString();
  r.read_offset = row.getColumn(8).getInt64();
  r.updated_ms = row.getColumn(9).getInt64();
  return r;
}

constexpr const char* kFileColumns =
    "path, device, inode, size, mtime_ns, content_hash, state, error, read_offset, updated_ms";

}  // namespace

StoredThread ThreadSummary(const ThreadReport& thread) {
  return StoredThread{thread.thread,     thread.subject,    thread.source,
                      thread.heat,       thread.trend,      thread.move_off_email,
                      thread.unanswered, thread.reply_plan, thread.errors};
}

Result<Store> Store::Open(const std::string& path, StoreOptions options) {
  if (auto created = CreatePrivate(path); !created) return created.error();
  auto db = Connect(path, options);
  if (!db) return db.error();
  if (auto migrated = Migrate(**db, path, StoreMigrations()); !migrated) return migrated.error();
  return Store(path, std::move(options), std::move(*db));
}

Store::Store(std::string path, StoreOptions options, std::unique_ptr<SQLite::Database> db)
    : path_(std::move(path)), options_(std::move(options)), db_(std::move(db)) {}

Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

int64_t Store::Now() const {
  if (options_.clock) return options_.clock();
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Result<StoreStatus> Store::Status() {
  return SqliteTry(path_, "counting what is stored", [&]() -> Result<StoreStatus> {
    // Every thread with messages has a row in threads (see Write), so that table counts them.
    SQLite::Statement counts(*db_, R"sql(SELECT
      (SELECT count(*) FROM messages),
      (SELECT count(*) FROM threads),
      (SELECT count(*) FROM files),
      (SELECT count(*) FROM files WHERE state = 'failed'),
      (SELECT count(*) FROM suppressions))sql");
    counts.executeStep();
    StoreStatus s;
    s.messages = counts.getColumn(0).getInt64();
    s.threads = counts.getColumn(1).getInt64();
    s.files = counts.getColumn(2).getInt64();
    s.failed_files = counts.getColumn(3).getInt64();
    s.suppressions = counts.getColumn(4).getInt64();
    s.schema_version = db_->execAndGet("PRAGMA user_version").getInt();
    SQLite::Statement failed(
        *db_, "SELECT path, error FROM files WHERE state = 'failed' ORDER BY path LIMIT ?1");
    failed.bind(1, kStatusFailuresListed);
    while (failed.executeStep()) {
      s.failures.push_back({failed.getColumn(0).getString(), failed.getColumn(1).getString()});
    }
    return s;
  });
}

Result<std::optional<FileRecord>> Store::FileState(const std::string& path) {
  return SqliteTry(path_, fmt::format("reading the state of {}", path),
                   [&]() -> Result<std::optional<FileRecord>> {
                     SQLite::Statement q(
                         *db_, fmt::format("SELECT {} FROM files WHERE path = ?1", kFileColumns));
                     q.bind(1, path);
                     if (!q.executeStep()) return std::optional<FileRecord>();
                     return std::optional<FileRecord>(ReadFileRecord(q));
                   });
}

Result<std::vector<FileRecord>> Store::FailedFiles() {
  return SqliteTry(path_, "listing failed files", [&]() -> Result<std::vector<FileRecord>> {
    SQLite::Statement q(
        *db_,
        fmt::format("SELECT {} FROM files WHERE state = 'failed' ORDER BY path", kFileColumns));
    std::vector<FileRecord> out;
    while (q.executeStep()) out.push_back(ReadFileRecord(q));
    return out;
  });
}

Result<std::vector<std::string>> Store::ThreadsAwaitingReply(int hot_heat, int64_t sent_before_ms,
                                                             int limit) {
  return SqliteTry(path_, "listing threads awaiting a reply",
                   [&]() -> Result<std::vector<std::string>> {
                     SQLite::Statement q(*db_, R"sql(
      SELECT id FROM threads WHERE unanswered IS NOT NULL
      UNION
      SELECT m.thread_id FROM messages m JOIN threads t ON t.id = m.thread_id
      WHERE t.unanswered IS NULL AND NOT m.me AND m.heat >= ?1 AND m.time_ms <= ?2
        AND NOT EXISTS (SELECT 1 FROM messages r
                        WHERE r.thread_id = m.thread_id AND r.me AND r.time_ms > m.time_ms)
      ORDER BY 1 LIMIT ?3)sql");
                     q.bind(1, hot_heat);
                     q.bind(2, sent_before_ms);
                     q.bind(3, limit);
                     std::vector<std::string> out;
                     while (q.executeStep()) out.push_back(q.getColumn(0).getString());
                     return out;
                   });
}

Result<std::vector<FileRecord>> Store::Files() {
  return SqliteTry(path_, "listing files", [&]() -> Result<std::vector<FileRecord>> {
    SQLite::Statement q(*db_, fmt::format("SELECT {} FROM files ORDER BY path", kFileColumns));
    std::vector<FileRecord> out;
    while (q.executeStep()) out.push_back(ReadFileRecord(q));
    return out;
  });
}

Result<StaleFiles> Store::FilesWithOtherLexicon(const std::string& hash) {
  return SqliteTry(
      path_, "listing files analyzed with another lexicon", [&]() -> Result<StaleFiles> {
        SQLite::Transaction snapshot(*db_, SQLite::TransactionBehavior::DEFERRED);
        StaleFiles stale;
        SQLite::Statement count(*db_, "SELECT count(*) FROM messages WHERE lexicon_hash <> ?1");
        count.bind(1, hash);
        if (count.executeStep()) stale.messages = count.getColumn(0).getInt64();
        SQLite::Statement paths(
            *db_, "SELECT DISTINCT path FROM messages WHERE lexicon_hash <> ?1 ORDER BY path");
        paths.bind(1, hash);
        while (paths.executeStep()) stale.paths.push_back(paths.getColumn(0).getString());
        snapshot.commit();
        return stale;
      });
}

}  // namespace tonewatch::daemon
