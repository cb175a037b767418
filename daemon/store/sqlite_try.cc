#include "daemon/store/sqlite_try.h"

#include <sqlite3.h>

namespace tonewatch::daemon {

Error SqliteError(const std::string& path, std::string_view doing, const SQLite::Exception& e) {
  const int extended = e.getExtendedErrorCode();
  // SQLiteCpp reports -1 for errors of its own (a misuse, a missing column), not SQLite's.
  const int primary = extended < 0 ? extended : (extended & 0xff);
  // SQLite's generic text for the code is added only when it says more than e.what().
  const std::string_view generic = extended < 0 ? "" : sqlite3_errstr(extended);
  const std::string message =
      extended < 0 ? fmt::format("{}: {}", doing, e.what())
      : generic == e.what()
          ? fmt::format("{}: {} (SQLite error {})", doing, e.what(), extended)
          : fmt::format("{}: {} (SQLite error {}: {})", doing, e.what(), extended, generic);
  switch (primary) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return Err(ErrorCode::kBadInput, path, message,
                 "the file is damaged or is not a tonewatch database; move it aside and restart "
                 "tonewatchd to rebuild it from the mail");
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
      return Err(ErrorCode::kUnreadable, path, message,
                 "check that the file and its folder are writable by this user");
    case SQLITE_IOERR:
    case SQLITE_FULL:
      return Err(ErrorCode::kUnreadable, path, message);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Err(ErrorCode::kInternal, path, message,
                 "another process holds the database; is a second tonewatchd running?");
    default:
      return Err(ErrorCode::kInternal, path, message);
  }
}

Error ExceptionError(const std::string& path, std::string_view doing, const std::exception& e) {
  return Err(ErrorCode::kInternal, path, fmt::format("{}: {}", doing, e.what()));
}

}  // namespace tonewatch::daemon
