#pragma once

// Helpers for the daemon's tests: a temp folder, findings and messages built in one line, and a
// store opened on a temp file with a clock the test turns.

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/protocol/control.h"
#include "daemon/store/store.h"
#include "tests/support/test_support.h"

namespace tonewatch::daemon::testing {

// The shared temp folder and file writer (tests/support).
using tonewatch::testing::TempDir;
using tonewatch::testing::WriteFile;

// A finding of `rule` (category from the id's prefix: "accusation.you-never") worth `points`, on
// the bytes [begin, begin + 5).
Finding MakeFinding(std::string rule, int points, size_t begin = 0);

// A message `key` in `thread` from `author` at `time_ms`, read from `path`, with `findings` and
// the heat they add up to. Lexicon hash "lex1".
StoredMessage Mail(std::string key, std::string thread, std::string author, int64_t time_ms,
                   std::vector<Finding> findings = {}, std::string path = "/mail/work/cur/1.eml");

// The user's own message: `me` set, `recipient` as its one recipient.
StoredMessage MyMail(std::string key, std::string thread, std::string recipient, int64_t time_ms,
                     std::vector<Finding> findings = {});

// The aggregate row of a thread with this heat and trend.
StoredThread Aggregate(std::string id, int heat, std::string subject = "Invoice overdue");

// A store on a temp file, reopened at will, with a clock the test sets.
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override;

  // Closes and opens the store again on the same file.
  void Reopen();
  // Writes the messages as one batch; fails the test on an error.
  void Ingest(std::vector<StoredMessage> messages);
  void IngestBatch(const WriteBatch& batch);
  StoreStatus Counts();
  // The keys of a thread's messages in conversation order; empty when the thread is not stored.
  std::vector<std::string> KeysOf(const std::string& thread);
  // The thread ids of a flagged page.
  std::vector<std::string> FlaggedIds(const FlaggedFilter& filter);

  TempDir dir_;
  std::string db_path_;
  int64_t now_ms_ = 1'700'000'000'000;
  std::optional<Store> store_;
};

// A Control that reports fixed live state, and a reload that fails when told to.
class FakeControl : public Control {
 public:
  RuntimeStatus Runtime() override;
  Result<ReloadOutcome> Reload() override;
  int DefaultMinHeat() override { return default_min_heat; }

  int default_min_heat = 1;
  bool fail_reload = false;
  int reloads = 0;
};

}  // namespace tonewatch::daemon::testing
