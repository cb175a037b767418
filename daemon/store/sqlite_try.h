#pragma once

// The one seam between SQLiteCpp's exceptions and our Result values. Every call into SQLiteCpp in
// daemon/store runs inside SqliteTry; nothing that throws leaves this folder.

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>

#include <exception>
#include <string>
#include <string_view>

#include "analyzers/base/result.h"

namespace tonewatch::daemon {

// The Error for a failed SQLite operation on the database at `path`: `where` is the path,
// `message` says what was being done (`doing`, e.g. "reading schema version") and SQLite's own
// words with its extended result code. The code is kBadInput for a file that is not a database or
// is corrupt, kUnreadable for permission, I/O, full-disk and read-only failures, and kInternal
// otherwise (busy, constraint, a bug). The hint says what to do where there is something to do.
Error SqliteError(const std::string& path, std::string_view doing, const SQLite::Exception& e);

// The Error for any other exception met while `doing` something with the database at `path`.
Error ExceptionError(const std::string& path, std::string_view doing, const std::exception& e);

// Runs `fn` and returns what it returns, a Result<T>. A SQLite::Exception or other std::exception
// thrown by `fn` becomes an Err naming `path` and `doing`. Never throws. Transactions opened
// inside `fn` with SQLite::Transaction roll back on the way out, so an Err means nothing of that
// transaction was written.
template <typename Fn>
auto SqliteTry(const std::string& path, std::string_view doing, Fn&& fn) noexcept
    -> decltype(fn()) {
  try {
    return fn();
  } catch (const SQLite::Exception& e) {
    return SqliteError(path, doing, e);
  } catch (const std::exception& e) {
    return ExceptionError(path, doing, e);
  } catch (...) {
    return Err(ErrorCode::kInternal, path, fmt::format("{}: unknown exception", doing));
  }
}

}  // namespace tonewatch::daemon
