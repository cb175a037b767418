#pragma once

// Running one prepared statement many times inside a transaction. Internal to daemon/store.

#include <SQLiteCpp/Statement.h>

namespace tonewatch::daemon {

// Makes `s` ready for the next bindings: back to its start, every parameter unbound.
inline void Reset(SQLite::Statement& s) {
  s.reset();
  s.clearBindings();
}

// Runs `s` (a statement that returns no rows) and resets it. Throws SQLite::Exception.
inline void Run(SQLite::Statement& s) {
  s.exec();
  Reset(s);
}

}  // namespace tonewatch::daemon
