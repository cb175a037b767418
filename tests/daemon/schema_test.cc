// The store's schema across versions: a new file, a re-open, a database from the future, one that
// is not ours, a damaged file, and a migration that fails half-way.

#include "daemon/store/schema.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <array>
#include <fstream>

#include "daemon/store/store.h"
#include "daemon_fixtures.h"

namespace tonewatch::daemon {
namespace {

using testing::Mail;
using testing::TempDir;
using testing::WriteFile;

class SchemaTest : public ::testing::Test {
 protected:
  // Opens the store and returns its error text, or "OK".
  std::string OpenError() {
    auto store = Store::Open(path_);
    if (store) return "OK";
    EXPECT_EQ(store.error().where, path_) << "an open error must name the database";
    return store.error().ToString();
  }

  int Pragma(const char* name) {
    SQLite::Database db(path_, SQLite::OPEN_READWRITE);
    return db.execAndGet(std::string("PRAGMA ") + name).getInt();
  }

  void Exec(const std::string& sql) {
    SQLite::Database db(path_, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(sql);
  }

  // A message row with the columns every schema version up to 4 has, written with SQL so that no
  // newer store code is involved; its Message-ID is its key, its author Dana.
  struct OldMessage {
    std::string key, thread, path;
    int heat = 0;
    std::string in_reply_to{};
    std::string refs = "[]";
    std::string subject = "Invoice";
  };
  void InsertOldMessage(const OldMessage& m) {
    SQLite::Database db(path_, SQLite::OPEN_READWRITE);
    SQLite::Statement insert(db, R"sql(
      INSERT INTO messages (key, thread_id, path, source_offset, message_id, in_reply_to, refs,
          subject, author, me, recipients, time, raw_heat, heat, stripping, omitted_findings,
          lexicon_hash, updated_ms)
      VALUES (?1, ?2, ?3, 0, ?1, ?4, ?5, ?6, 'Dana', 0, '[]', '', ?7, ?7, 'none', 0, 'lex1', 1))sql");
    insert.bind(1, m.key);
    insert.bind(2, m.thread);
    insert.bind(3, m.path);
    insert.bind(4, m.in_reply_to);
    insert.bind(5, m.refs);
    insert.bind(6, m.subject);
    insert.bind(7, m.heat);
    insert.exec();
  }

  // Runs Migrate with `steps` on the file and returns the version reached or the error text.
  std::string MigrateWith(std::span<const Migration> steps) {
    SQLite::Database db(path_, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    auto version = Migrate(db, path_, steps);
    return version ? std::to_string(*version) : version.error().ToString();
  }

  TempDir dir_;
  std::string path_ = dir_.File("tonewatch.db");
};

TEST_F(SchemaTest, NewFileGetsEveryMigration) {
  ASSERT_EQ("OK", OpenError());
  EXPECT_EQ(LatestSchemaVersion(), Pragma("user_version"));
  EXPECT_EQ(kApplicationId, Pragma("application_id"));
  SQLite::Database db(path_, SQLite::OPEN_READONLY);
  for (const char* table : {"files", "messages", "findings", "threads", "suppressions"}) {
    EXPECT_TRUE(db.tableExists(table)) << table;
  }
}

TEST_F(SchemaTest, ReopeningKeepsVersionAndData) {
  {
    auto store = Store::Open(path_);
    ASSERT_TRUE(store) << store.error().ToString();
    ASSERT_TRUE(store->UpsertMessages({Mail("a@x", "t1", "client@x", 1)}));
  }
  for (int i = 0; i < 3; ++i) {
    auto store = Store::Open(path_);
    ASSERT_TRUE(store) << store.error().ToString();
    EXPECT_EQ(1, store->Status()->messages);
    EXPECT_EQ(LatestSchemaVersion(), store->Status()->schema_version);
  }
}

TEST_F(SchemaTest, NewFileIsPrivateAndInWalMode) {
  ASSERT_EQ("OK", OpenError());
  struct stat st {};
  ASSERT_EQ(0, ::stat(path_.c_str(), &st));
  EXPECT_EQ(0600u, st.st_mode & 0777u);
  SQLite::Database db(path_, SQLite::OPEN_READONLY);
  EXPECT_EQ("wal", db.execAndGet("PRAGMA journal_mode").getString());
}

TEST_F(SchemaTest, DatabaseFromTheFutureIsRefusedAndLeftAlone) {
  ASSERT_EQ("OK", OpenError());
  Exec("PRAGMA user_version = 99");
  const std::string error = OpenError();
  EXPECT_NE(std::string::npos, error.find("schema version 99 is newer than this tonewatchd"))
      << error;
  EXPECT_NE(std::string::npos, error.find("upgrade tonewatch")) << error;
  EXPECT_EQ(99, Pragma("user_version"));
}

TEST_F(SchemaTest, AnotherProgramsDatabaseIsRefusedAndLeftAlone) {
  Exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('keep me')");
  const std::string error = OpenError();
  EXPECT_NE(std::string::npos, error.find("not a tonewatch database")) << error;
  SQLite::Database db(path_, SQLite::OPEN_READONLY);
  EXPECT_EQ("keep me", db.execAndGet("SELECT text FROM notes").getString());
  EXPECT_FALSE(db.tableExists("messages"));
}

TEST_F(SchemaTest, GarbageFileIsACorruptDatabaseNamedByPath) {
  WriteFile(path_, std::string(4096, '\x5a') + "this is no database");
  const std::string error = OpenError();
  EXPECT_NE(std::string::npos, error.find("not a database")) << error;
  EXPECT_NE(std::string::npos, error.find("move it aside")) << error;
  EXPECT_EQ(0u, error.find(path_)) << error;
}

TEST_F(SchemaTest, DamagedPagesAreReportedWhenRead) {
  {
    auto store = Store::Open(path_);
    ASSERT_TRUE(store);
    std::vector<StoredMessage> many;
    for (int i = 0; i < 200; ++i) many.push_back(Mail(fmt::format("m{}@x", i), "t1", "c@x", i));
    ASSERT_TRUE(store->UpsertMessages(many));
  }
  {
    // Checkpoint the WAL into the main file, then overwrite every page after the first.
    SQLite::Database db(path_, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE");
  }
  std::string bytes;
  {
    std::ifstream in(path_, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  ASSERT_GT(bytes.size(), 8192u);
  for (size_t i = 4096; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7);
  WriteFile(path_, bytes);

  auto store = Store::Open(path_);
  std::string error = store ? "" : store.error().ToString();
  if (store) {
    auto thread = store->Thread("t1");
    ASSERT_FALSE(thread) << "reading damaged pages must fail";
    error = thread.error().ToString();
    EXPECT_EQ(ErrorCode::kBadInput, thread.error().code);
  }
  EXPECT_EQ(0u, error.find(path_)) << error;
  EXPECT_TRUE(error.find("malformed") != std::string::npos ||
              error.find("not a database") != std::string::npos)
      << error;
}

TEST_F(SchemaTest, UpgradeAppliesOnlyTheMissingStep) {
  ASSERT_EQ("1", MigrateWith(StoreMigrations().first(1)));
  Exec("INSERT INTO suppressions (kind, rule, created_ms) VALUES ('rule', 'x.y', 1)");
  const std::array steps = {
      StoreMigrations()[0],
      Migration{2, "a mood column", "ALTER TABLE messages ADD COLUMN mood TEXT"},
  };
  EXPECT_EQ("2", MigrateWith(steps));
  EXPECT_EQ(2, Pragma("user_version"));
  EXPECT_EQ("2", MigrateWith(steps)) << "a second run has nothing to do";
  SQLite::Database db(path_, SQLite::OPEN_READONLY);
  EXPECT_EQ(1, db.execAndGet("SELECT count(*) FROM suppressions").getInt());
}

TEST_F(SchemaTest, FailingStepLeavesThePreviousVersion) {
  ASSERT_EQ("1", MigrateWith(StoreMigrations().first(1)));
  const std::array steps = {
      StoreMigrations()[0],
      Migration{2, "a broken step", "CREATE TABLE extra (x); CREATE TABLE messages (x)"},
  };
  const std::string error = MigrateWith(steps);
  EXPECT_NE(std::string::npos, error.find("migrating to schema version 2 (a broken step)"))
      << error;
  EXPECT_NE(std::string::npos, error.find("already exists")) << error;
  EXPECT_EQ(1, Pragma("user_version"));
  SQLite::Database db(path_, SQLite::OPEN_READONLY);
  EXPECT_FALSE(db.tableExists("extra")) << "the failed step must roll back whole";
}

TEST_F(SchemaTest, Version1StoreIsMigratedWithItsThreadLinks) {
  ASSERT_EQ("1", MigrateWith(StoreMigrations().first(1)));
  InsertOldMessage({.key = "a@c", .thread = "t-old", .path = "/m/1"});
  InsertOldMessage({.key = "b@c",
                    .thread = "t-old",
                    .path = "/m/2",
                    .in_reply_to = "a@c",
                    .refs = R"(["a@c"])",
                    .subject = "Re: Invoice"});
  auto store = Store::Open(path_);
  ASSERT_TRUE(store) << store.error().ToString();
  EXPECT_EQ(LatestSchemaVersion(), Pragma("user_version"));
  SQLite::Database db(path_, SQLite::OPEN_READONLY);
  EXPECT_EQ(2, db.execAndGet("SELECT count(*) FROM thread_links WHERE thread_id = 't-old' AND "
                             "link IN ('a@c', 'b@c')")
                   .getInt());
  // A reply arriving now finds the thread stored by version 1 through the back-filled links.
  StoredMessage reply = Mail("c@c", "", "Dana", 3000);
  reply.thread_key.in_reply_to = "b@c";
  IngestBatch batch;
  batch.files.push_back({{"/m/3", {}, 0, std::nullopt}, {reply}, true});
  ASSERT_TRUE(store->Ingest(batch, [](ThreadReport& t) { return ThreadSummary(t); }));
  EXPECT_EQ("t-old", (*store->Message("c@c"))->thread);
}

TEST_F(SchemaTest, Version2ThreadsWithoutAggregateAreListedAfterMigration) {
  ASSERT_EQ("2", MigrateWith(StoreMigrations().first(2)));
  InsertOldMessage({.key = "a@c", .thread = "t-bare", .path = "/m/1", .heat = 30});
  auto store = Store::Open(path_);
  ASSERT_TRUE(store) << store.error().ToString();
  EXPECT_EQ(LatestSchemaVersion(), Pragma("user_version"));
  auto page = store->Flagged({});
  ASSERT_TRUE(page) << page.error().ToString();
  ASSERT_EQ(1u, page->threads.size()) << "flagged lists threads from the threads table";
  EXPECT_EQ("t-bare", page->threads[0].thread);
  EXPECT_EQ(30, page->threads[0].heat) << "the placeholder takes the highest message heat";
}

TEST_F(SchemaTest, Version3StoreLosesTheFindingsIndexesThatSlowedIngest) {
  ASSERT_EQ("3", MigrateWith(StoreMigrations().first(3)));
  auto indexes = [&] {
    SQLite::Database db(path_, SQLite::OPEN_READONLY);
    return db
        .execAndGet(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN "
            "('findings_by_fingerprint', 'findings_by_rule')")
        .getInt();
  };
  EXPECT_EQ(2, indexes());
  ASSERT_EQ("OK", OpenError());
  EXPECT_EQ(LatestSchemaVersion(), Pragma("user_version"));
  EXPECT_EQ(0, indexes());
}

TEST_F(SchemaTest, Version4FindingsKeepTheirWhyAfterMigration) {
  ASSERT_EQ("4", MigrateWith(StoreMigrations().first(4)));
  InsertOldMessage({.key = "a@c", .thread = "t1", .path = "/m/1", .heat = 9});
  Exec(R"sql(
    INSERT INTO findings (message_key, ord, rule, category, points, begin_at, end_at, text, why,
        suggestion, context, context_offset, fingerprint)
    VALUES ('a@c', 0, 'frustration.again', 'frustration', 9, 0, 5, 'again', 'an old why', NULL,
            'again', 0, 'f1'))sql");
  auto store = Store::Open(path_);
  ASSERT_TRUE(store) << store.error().ToString();
  EXPECT_EQ(LatestSchemaVersion(), Pragma("user_version"));
  auto m = store->Message("a@c");
  ASSERT_TRUE(m && *m);
  ASSERT_EQ(1u, (*m)->report.findings.size());
  EXPECT_EQ("an old why", (*m)->report.findings[0].why);
}

TEST_F(SchemaTest, MigrationsMustBeNumberedInOrder) {
  const std::array steps = {
      StoreMigrations()[0],
      Migration{3, "skips two", "SELECT 1"},
  };
  const std::string error = MigrateWith(steps);
  EXPECT_NE(std::string::npos, error.find("migration 2 is numbered 3")) << error;
}

TEST_F(SchemaTest, MissingFolderIsNamed) {
  path_ = dir_.File("no/such/folder/tonewatch.db");
  const std::string error = OpenError();
  EXPECT_NE(std::string::npos, error.find("cannot create the database")) << error;
}

}  // namespace
}  // namespace tonewatch::daemon
