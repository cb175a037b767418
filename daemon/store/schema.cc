#include "daemon/store/schema.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <array>

#include "daemon/store/sqlite_try.h"

namespace tonewatch::daemon {
namespace {

// Version 1: the first schema. What the columns hold is documented on the structs of store.h and
// queries.h; the history is in daemon/PROTOCOL.md ("Store schema history").
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE files (
  path         TEXT PRIMARY KEY,
  device       INTEGER NOT NULL,
  inode        INTEGER NOT NULL,
  size         INTEGER NOT NULL,
  mtime_ns     INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  state        TEXT NOT NULL CHECK (state IN ('ok', 'failed')),
  error        TEXT NOT NULL DEFAULT '',
  read_offset  INTEGER NOT NULL DEFAULT 0,
  updated_ms   INTEGER NOT NULL
) STRICT;
CREATE INDEX files_failed ON files(path) WHERE state = 'failed';

CREATE TABLE threads (
  id             TEXT PRIMARY KEY,
  subject        TEXT NOT NULL,
  source         TEXT NOT NULL,
  heat           INTEGER NOT NULL,
  trend          TEXT NOT NULL,
  move_off_email TEXT,
  unanswered     TEXT,
  reply_plan     TEXT,
  errors         TEXT NOT NULL,
  updated_ms     INTEGER NOT NULL
) STRICT;
CREATE INDEX threads_by_heat ON threads(heat DESC, updated_ms DESC);

CREATE TABLE messages (
  key              TEXT PRIMARY KEY,
  thread_id        TEXT NOT NULL,
  path             TEXT NOT NULL,
  source_offset    INTEGER NOT NULL,
  message_id       TEXT NOT NULL,
  in_reply_to      TEXT NOT NULL,
  refs             TEXT NOT NULL,
  subject          TEXT NOT NULL,
  author           TEXT NOT NULL,
  me               INTEGER NOT NULL,
  recipients       TEXT NOT NULL,
  time             TEXT NOT NULL,
  time_ms          INTEGER,
  start_ms         INTEGER,
  end_ms           INTEGER,
  raw_heat         INTEGER NOT NULL,
  heat             INTEGER NOT NULL,
  stripping        TEXT NOT NULL,
  omitted_findings INTEGER NOT NULL,
  lexicon_hash     TEXT NOT NULL,
  updated_ms       INTEGER NOT NULL
) STRICT;
CREATE INDEX messages_by_thread ON messages(thread_id, time_ms);
CREATE INDEX messages_by_lexicon ON messages(lexicon_hash);
CREATE INDEX messages_by_heat ON messages(heat, time_ms);

CREATE TABLE findings (
  message_key    TEXT NOT NULL,
  ord            INTEGER NOT NULL,
  rule           TEXT NOT NULL,
  category       TEXT NOT NULL,
  points         INTEGER NOT NULL,
  begin_at       INTEGER NOT NULL,
  end_at         INTEGER NOT NULL,
  text           TEXT NOT NULL,
  why            TEXT NOT NULL,
  suggestion     TEXT,
  context        TEXT NOT NULL,
  context_offset INTEGER NOT NULL,
  fingerprint    TEXT NOT NULL,
  suppressed     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (message_key, ord)
) STRICT, WITHOUT ROWID;
CREATE INDEX findings_by_rule ON findings(rule);
CREATE INDEX findings_by_fingerprint ON findings(fingerprint);

CREATE TABLE suppressions (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('rule', 'thread-rule', 'finding')),
  rule        TEXT NOT NULL DEFAULT '',
  thread      TEXT NOT NULL DEFAULT '',
  fingerprint TEXT NOT NULL DEFAULT '',
  note        TEXT NOT NULL DEFAULT '',
  created_ms  INTEGER NOT NULL,
  UNIQUE (kind, rule, thread, fingerprint)
) STRICT;
)sql";

// Version 2: what the daemon's incremental threading looks up. thread_links maps every Message-ID
// a stored message has, answers or references to its thread, so a new message finds its thread
// (and two threads a message joins are merged) without reading the threads. subject_key is the
// normalized subject (NormalizeSubject) for the subject fallback; rows of version 1 keep '' as SQL
// cannot normalize, so they join by headers only. messages_by_path serves re-reading a file.
constexpr std::string_view kVersion2 = R"sql(
CREATE TABLE thread_links (
  link      TEXT NOT NULL,
  thread_id TEXT NOT NULL,
  PRIMARY KEY (link, thread_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX thread_links_by_thread ON thread_links(thread_id);
ALTER TABLE messages ADD COLUMN subject_key TEXT NOT NULL DEFAULT '';
CREATE INDEX messages_by_subject ON messages(subject_key, time_ms) WHERE subject_key != '';
CREATE INDEX messages_by_path ON messages(path);
INSERT OR IGNORE INTO thread_links (link, thread_id)
  SELECT message_id, thread_id FROM messages WHERE message_id != '';
INSERT OR IGNORE INTO thread_links (link, thread_id)
  SELECT in_reply_to, thread_id FROM messages WHERE in_reply_to != '';
INSERT OR IGNORE INTO thread_links (link, thread_id)
  SELECT j.value, m.thread_id FROM messages m, json_each(m.refs) j WHERE j.value != '';
)sql";

// Version 3: what makes flagged fast on a large store. It lists threads from the threads table,
// walking threads_by_heat, so every thread with messages needs a row there: threads written
// without an aggregate get a placeholder (highest message heat, trend unknown).
// findings_by_category serves the category filter.
constexpr std::string_view kVersion3 = R"sql(
CREATE INDEX findings_by_category ON findings(category, message_key) WHERE NOT suppressed;
INSERT OR IGNORE INTO threads (id, subject, source, heat, trend, errors, updated_ms)
  SELECT thread_id, '', min(path), max(heat), 'unknown', '[]', max(updated_ms)
  FROM messages GROUP BY thread_id;
)sql";

// Version 4: findings_by_fingerprint and findings_by_rule go. Every finding stored paid a random
// insert into each, which slowed ingest more and more as the store grew (a 50,000-message
// Maildir: 27 s with both, 20 s without the first, 16 s without either); they only served
// adding or removing a suppression, a rare request that can afford to scan the findings.
constexpr std::string_view kVersion4 = R"sql(
DROP INDEX findings_by_fingerprint;
DROP INDEX findings_by_rule;
)sql";

// Version 5: a rule's "why" is stored once, in rule_texts, instead of with every finding (it was
// a fifth of the database). A finding whose why is its rule's stores ''; rows written before keep
// theirs.
constexpr std::string_view kVersion5 = R"sql(
CREATE TABLE rule_texts (
  rule TEXT PRIMARY KEY,
  why  TEXT NOT NULL
) STRICT, WITHOUT ROWID;
)sql";

constexpr std::array kMigrations = {
    Migration{1, "files, threads, messages, findings, suppressions", kVersion1},
    Migration{2, "thread links and subject keys for incremental threading", kVersion2},
    Migration{3, "an aggregate row for every thread, and a findings index by category", kVersion3},
    Migration{4, "no findings indexes by fingerprint or rule", kVersion4},
    Migration{5, "each rule's why stored once", kVersion5},
};

Result<void> CheckNumbering(const std::string& path, std::span<const Migration> migrations) {
  for (size_t i = 0; i < migrations.size(); ++i) {
    if (migrations[i].version != static_cast<int>(i) + 1) {
      return Err(ErrorCode::kInternal, path,
                 fmt::format("migration {} is numbered {}; migrations must be numbered 1, 2, ...",
                             i + 1, migrations[i].version));
    }
  }
  return Ok();
}

// Refuses databases this build must not touch; returns the version to migrate from.
Result<int> CheckOwnership(SQLite::Database& db, const std::string& path, int latest) {
  return SqliteTry(path, "reading the schema version", [&]() -> Result<int> {
    const int version = db.execAndGet("PRAGMA user_version").getInt();
    const int application = db.execAndGet("PRAGMA application_id").getInt();
    const int tables = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
    if (application != kApplicationId && (version != 0 || tables != 0)) {
      return Err(ErrorCode::kBadInput, path,
                 fmt::format("not a tonewatch database (application id {:#x}, schema version {}, "
                             "{} schema objects); left untouched",
                             static_cast<unsigned>(application), version, tables),
                 "point --database at another file");
    }
    if (version > latest) {
      return Err(ErrorCode::kBadInput, path,
                 fmt::format("schema version {} is newer than this tonewatchd understands (up to "
                             "{}); left untouched",
                             version, latest),
                 "the database was written by a newer tonewatch: upgrade tonewatch, or point "
                 "--database at another file");
    }
    return version;
  });
}

Result<void> ApplyStep(SQLite::Database& db, const std::string& path, const Migration& step) {
  const std::string doing =
      fmt::format("migrating to schema version {} ({})", step.version, step.summary);
  return SqliteTry(path, doing, [&]() -> Result<void> {
    // IMMEDIATE takes the write lock first, so two processes opening one new file cannot both
    // run a step: the second waits, then sees the version the first one wrote and skips it.
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    if (db.execAndGet("PRAGMA user_version").getInt() >= step.version) return Ok();
    db.exec(std::string(step.sql));
    db.exec(fmt::format("PRAGMA user_version = {}", step.version));
    db.exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
    transaction.commit();
    return Ok();
  });
}

}  // namespace

std::span<const Migration> StoreMigrations() { return kMigrations; }

int LatestSchemaVersion() { return kMigrations.back().version; }

Result<int> Migrate(SQLite::Database& db, const std::string& path,
                    std::span<const Migration> migrations) {
  if (auto numbered = CheckNumbering(path, migrations); !numbered) return numbered.error();
  const int latest = migrations.empty() ? 0 : migrations.back().version;
  auto from = CheckOwnership(db, path, latest);
  if (!from) return from.error();
  for (const Migration& step : migrations.subspan(static_cast<size_t>(*from))) {
    if (auto applied = ApplyStep(db, path, step); !applied) return applied.error();
  }
  return latest;
}

}  // namespace tonewatch::daemon
