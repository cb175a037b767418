#include "daemon_fixtures.h"

namespace tonewatch::daemon::testing {

Finding MakeFinding(std::string rule, int points, size_t begin) {
  Finding f;
  f.category = ParseCategory(rule.substr(0, rule.find('.'))).value_or(Category::kHostility);
  f.rule = std::move(rule);
  f.points = points;
  f.span = {begin, begin + 5};
  f.text = "words";
  f.why = "it says so";
  if (points > 0) f.suggestion = "say it calmly";
  f.context = "some words here";
  f.context_offset = 5;
  return f;
}

StoredMessage Mail(std::string key, std::string thread, std::string author, int64_t time_ms,
                   std::vector<Finding> findings, std::string path) {
  StoredMessage m;
  m.report.id = std::move(key);
  m.report.author = std::move(author);
  m.report.time_ms = time_ms;
  m.report.time = "2023-11-14T22:13:20Z";
  m.report.heat = HeatOf(findings);
  m.report.findings = std::move(findings);
  m.thread = std::move(thread);
  m.path = std::move(path);
  m.thread_key.message_id = m.report.id;
  m.report.subject = "Invoice overdue";
  m.thread_key.subject = m.report.subject;
  m.lexicon_hash = "lex1";
  return m;
}

StoredMessage MyMail(std::string key, std::string thread, std::string recipient, int64_t time_ms,
                     std::vector<Finding> findings) {
  StoredMessage m =
      Mail(std::move(key), std::move(thread), "me@example.com", time_ms, std::move(findings));
  m.report.me = true;
  m.report.recipients = {std::move(recipient)};
  return m;
}

StoredThread Aggregate(std::string id, int heat, std::string subject) {
  StoredThread t;
  t.id = std::move(id);
  t.subject = std::move(subject);
  t.source = "/mail/work";
  t.heat = heat;
  t.trend = "rising";
  return t;
}

void StoreTest::SetUp() {
  db_path_ = dir_.File("tonewatch.db");
  Reopen();
}

void StoreTest::Reopen() {
  store_.reset();
  StoreOptions options;
  options.clock = [this] { return now_ms_; };
  auto opened = Store::Open(db_path_, options);
  ASSERT_TRUE(opened) << opened.error().ToString();
  store_.emplace(std::move(*opened));
}

void StoreTest::Ingest(std::vector<StoredMessage> messages) {
  auto written = store_->UpsertMessages(std::move(messages));
  ASSERT_TRUE(written) << written.error().ToString();
}

void StoreTest::IngestBatch(const WriteBatch& batch) {
  auto written = store_->Write(batch);
  ASSERT_TRUE(written) << written.error().ToString();
}

StoreStatus StoreTest::Counts() {
  auto status = store_->Status();
  EXPECT_TRUE(status) << status.error().ToString();
  return status ? *status : StoreStatus{};
}

std::vector<std::string> StoreTest::KeysOf(const std::string& thread) {
  auto t = store_->Thread(thread);
  EXPECT_TRUE(t) << t.error().ToString();
  std::vector<std::string> keys;
  if (t && *t) {
    for (const MessageReport& m : (*t)->messages) keys.push_back(m.id);
  }
  return keys;
}

std::vector<std::string> StoreTest::FlaggedIds(const FlaggedFilter& filter) {
  auto page = store_->Flagged(filter);
  EXPECT_TRUE(page) << page.error().ToString();
  std::vector<std::string> ids;
  if (page) {
    for (const ThreadReport& t : page->threads) ids.push_back(t.thread);
  }
  return ids;
}

RuntimeStatus FakeControl::Runtime() { return RuntimeStatus{3, "lex1", {"/mail/work"}}; }

Result<ReloadOutcome> FakeControl::Reload() {
  ++reloads;
  if (fail_reload) {
    return Err(ErrorCode::kBadLexicon, "lexicons/en/hostility.toml:12",
               "pattern 'you (idiot' does not compile: missing )");
  }
  return ReloadOutcome{"lex2", 4};
}

}  // namespace tonewatch::daemon::testing
