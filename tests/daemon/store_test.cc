// Ingest into the store: idempotent writes, Maildir renames, file failures and their recovery,
// thread moves, atomic batches, and stale lexicons.

#include "daemon/store/store.h"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "daemon_fixtures.h"

namespace tonewatch::daemon {
namespace {

using testing::Aggregate;
using testing::Mail;
using testing::MakeFinding;
using testing::StoreTest;

using IngestTest = StoreTest;

std::vector<StoredMessage> Conversation() {
  return {
      Mail("a1@client", "t1", "Dana <dana@client.example>", 1000,
           {MakeFinding("accusation.you-never", 30)}),
      Mail("a2@client", "t1", "Dana <dana@client.example>", 3000,
           {MakeFinding("ultimatum.or-else", 40, 10), MakeFinding("repair.thanks", -5, 20)}),
      Mail("b1@other", "t2", "Sam <sam@other.example>", 2000),
  };
}

TEST_F(IngestTest, WhyIsStoredOncePerRuleAndReadBackWithEachFinding) {
  Finding usual = MakeFinding("accusation.you-never", 30);
  Finding special = MakeFinding("accusation.you-never", 30, 10);
  special.why = "a why of its own";
  Ingest({Mail("w1@c", "t1", "Dana", 1000, {usual, special})});
  auto m = store_->Message("w1@c");
  ASSERT_TRUE(m && *m);
  ASSERT_EQ(2u, (*m)->report.findings.size());
  EXPECT_EQ("it says so", (*m)->report.findings[0].why);
  EXPECT_EQ("a why of its own", (*m)->report.findings[1].why);
  // A later batch whose lexicon says it differently updates the rule's why.
  usual.why = "reworded";
  Ingest({Mail("w2@c", "t1", "Dana", 2000, {usual})});
  EXPECT_EQ("reworded", (*store_->Message("w2@c"))->report.findings[0].why);
  SQLite::Database db(db_path_, SQLite::OPEN_READONLY);
  EXPECT_EQ(0, db.execAndGet("SELECT count(*) FROM findings WHERE why = 'it says so'").getInt())
      << "the rule's own why is not repeated in the findings";
}

TEST_F(IngestTest, SameBatchTwiceStoresItOnce) {
  Ingest(Conversation());
  Ingest(Conversation());
  Reopen();
  Ingest(Conversation());
  const StoreStatus s = Counts();
  EXPECT_EQ(3, s.messages);
  EXPECT_EQ(2, s.threads);
  EXPECT_EQ((std::vector<std::string>{"a1@client", "a2@client"}), KeysOf("t1"));
}

TEST_F(IngestTest, StoredMessageReadsBackAsWritten) {
  Ingest(Conversation());
  auto m = store_->Message("a2@client");
  ASSERT_TRUE(m && *m);
  const MessageDetail& d = **m;
  EXPECT_EQ("t1", d.thread);
  EXPECT_EQ("Invoice overdue", d.report.subject);
  EXPECT_EQ("/mail/work/cur/1.eml", d.path);
  EXPECT_EQ("lex1", d.lexicon_hash);
  EXPECT_EQ(35, d.report.heat);
  EXPECT_EQ(3000, d.report.time_ms);
  ASSERT_EQ(2u, d.report.findings.size());
  const Finding& f = d.report.findings[0];
  EXPECT_EQ("ultimatum.or-else", f.rule);
  EXPECT_EQ(Category::kUltimatum, f.category);
  EXPECT_EQ(40, f.points);
  EXPECT_EQ((Span{10, 15}), f.span);
  EXPECT_EQ("say it calmly", f.suggestion.value_or(""));
  EXPECT_EQ("it says so", f.why) << "stored once per rule, read back with every finding";
  EXPECT_FALSE(d.report.findings[1].suggestion.has_value());
  EXPECT_EQ("repair.thanks", d.report.findings[1].rule);
}

TEST_F(IngestTest, CallTurnKeepsItsOffsetsAndUndatedMessagesStayUndated) {
  StoredMessage turn = Mail("call-1#4", "call-1", "Speaker 2", 0, {}, "/calls/weekly.vtt");
  turn.report.time_ms.reset();
  turn.report.start_ms = 61000;
  turn.report.end_ms = 64500;
  Ingest({turn});
  auto m = store_->Message("call-1#4");
  ASSERT_TRUE(m && *m);
  EXPECT_FALSE((*m)->report.time_ms.has_value());
  EXPECT_EQ(61000, (*m)->report.start_ms);
  EXPECT_EQ(64500, (*m)->report.end_ms);
}

TEST_F(IngestTest, MaildirFlagRenameKeepsOneMessage) {
  Ingest({Mail("a1@client", "t1", "dana@client", 1000, {MakeFinding("hostility.idiot", 50)},
               "/mail/work/new/1700000000.M1P2.host")});
  // The mail client marks it read: same Message-ID, new name under cur/ with flags.
  Ingest({Mail("a1@client", "t1", "dana@client", 1000, {MakeFinding("hostility.idiot", 50)},
               "/mail/work/cur/1700000000.M1P2.host:2,S")});
  EXPECT_EQ(1, Counts().messages);
  auto m = store_->Message("a1@client");
  ASSERT_TRUE(m && *m);
  EXPECT_EQ("/mail/work/cur/1700000000.M1P2.host:2,S", (*m)->path);
  EXPECT_EQ(1u, (*m)->report.findings.size()) << "findings are replaced, not appended";
}

TEST_F(IngestTest, MessageKeyPrefersMessageIdThenFileIdentity) {
  const FileIdentity file{8, 1234, 900, 5, "c0ffee"};
  EXPECT_EQ("a1@client", MessageKey("<a1@client>", file, "h1"));
  EXPECT_EQ("a1@client", MessageKey("a1@client", file, "h1"));
  EXPECT_EQ("file:8:1234:h1", MessageKey("", file, "h1"));
  FileIdentity renamed = file;
  renamed.mtime_ns = 99;  // a rename keeps device and inode
  EXPECT_EQ(MessageKey("", file, "h1"), MessageKey("", renamed, "h1"));
}

TEST_F(IngestTest, FailedFileIsRecordedThenClearedWhenRead) {
  const std::string path = "/mail/work/cur/broken.eml";
  FileIdentity identity{8, 77, 120, 1, "aa"};
  ASSERT_TRUE(store_->RecordFileFailure(path, identity, "byte 40: header line without a colon"));
  auto state = store_->FileState(path);
  ASSERT_TRUE(state && *state);
  EXPECT_FALSE((*state)->ok);
  EXPECT_EQ("byte 40: header line without a colon", (*state)->error);
  EXPECT_EQ(identity, (*state)->identity);
  EXPECT_EQ(now_ms_, (*state)->updated_ms);
  EXPECT_EQ(1, Counts().failed_files);
  ASSERT_EQ(1u, store_->FailedFiles()->size());

  // The user fixes the file; the watcher sees a new identity and reads it.
  identity.size = 130;
  identity.content_hash = "bb";
  ++now_ms_;
  ASSERT_TRUE(store_->RecordFileOk(path, identity, 130));
  state = store_->FileState(path);
  ASSERT_TRUE(state && *state);
  EXPECT_TRUE((*state)->ok);
  EXPECT_EQ("", (*state)->error);
  EXPECT_EQ(130, (*state)->read_offset);
  EXPECT_EQ(0, Counts().failed_files);
  EXPECT_EQ(1, Counts().files);
  EXPECT_TRUE(store_->FailedFiles()->empty());
}

TEST_F(IngestTest, GrowingMboxKeepsItsOffsetWhenTheTailFails) {
  const std::string path = "/mail/archive.mbox";
  ASSERT_TRUE(store_->RecordFileOk(path, {8, 5, 1000, 1, ""}, 1000));
  ASSERT_TRUE(store_->RecordFileFailure(path, {8, 5, 1500, 2, ""}, "byte 1200: truncated"));
  auto state = store_->FileState(path);
  ASSERT_TRUE(state && *state);
  EXPECT_EQ(1000, (*state)->read_offset) << "a retry resumes after the last good read";
  EXPECT_FALSE(store_->FileState("/mail/never-seen")->has_value());
}

TEST_F(IngestTest, MessagesFileAndThreadCommitTogether) {
  WriteBatch batch;
  batch.messages = Conversation();
  batch.threads = {Aggregate("t1", 42)};
  batch.files = {{"/mail/work/cur/1.eml", {8, 1, 10, 1, "aa"}, 10, std::nullopt}};
  IngestBatch(batch);
  const StoreStatus s = Counts();
  EXPECT_EQ(3, s.messages);
  EXPECT_EQ(1, s.files);
  auto t = store_->Thread("t1");
  ASSERT_TRUE(t && *t);
  EXPECT_EQ(42, (*t)->heat);
  EXPECT_EQ("rising", (*t)->trend);
}

TEST_F(IngestTest, InvalidBatchWritesNothing) {
  WriteBatch batch;
  batch.messages = Conversation();
  batch.messages.push_back(Mail("", "t1", "x", 1));
  auto written = store_->Write(batch);
  ASSERT_FALSE(written);
  EXPECT_EQ(ErrorCode::kUsage, written.error().code);
  EXPECT_NE(std::string::npos, written.error().message.find("message 3 of the batch has no key"))
      << written.error().ToString();
  EXPECT_EQ(0, Counts().messages);
}

TEST_F(IngestTest, ThreadAggregateRoundTrips) {
  StoredThread t = Aggregate("t1", 70);
  t.move_off_email = MoveOffEmail{{"sustained heat", "fast exchange"}, "Could we talk today?"};
  t.unanswered = Unanswered{"a2@client", 35, 3600000};
  t.reply_plan = ReplyPlan{"a2@client",
                           {{"You never answer.", "accusation", "Acknowledge."}},
                           {"Thank them", "State the facts"}};
  t.errors = {{"/mail/work/cur/1.eml:byte 12", "charset guessed"}};
  WriteBatch batch;
  batch.messages = Conversation();
  batch.threads = {t};
  IngestBatch(batch);
  auto read = store_->Thread("t1");
  ASSERT_TRUE(read && *read);
  const ThreadReport& r = **read;
  EXPECT_EQ("Invoice overdue", r.subject);
  ASSERT_TRUE(r.move_off_email);
  EXPECT_EQ("Could we talk today?", r.move_off_email->opening);
  EXPECT_EQ(2u, r.move_off_email->reasons.size());
  ASSERT_TRUE(r.unanswered);
  EXPECT_EQ(3600000, r.unanswered->waiting_ms);
  ASSERT_TRUE(r.reply_plan);
  EXPECT_EQ("Acknowledge.", r.reply_plan->concerns.at(0).advice);
  ASSERT_EQ(1u, r.errors.size());
  EXPECT_EQ("charset guessed", r.errors[0].message);
}

TEST_F(IngestTest, MessageMovedToAnotherThreadEmptiesTheOld) {
  WriteBatch first;
  first.messages = {Mail("r1@x", "t-reply", "dana@client", 5000)};
  first.threads = {Aggregate("t-reply", 10)};
  IngestBatch(first);
  // Its parent arrives later: threading now puts the reply in the parent's thread.
  WriteBatch second;
  second.messages = {Mail("p1@x", "t-parent", "dana@client", 4000),
                     Mail("r1@x", "t-parent", "dana@client", 5000)};
  second.threads = {Aggregate("t-parent", 20)};
  IngestBatch(second);
  EXPECT_FALSE(store_->Thread("t-reply")->has_value());
  EXPECT_EQ((std::vector<std::string>{"p1@x", "r1@x"}), KeysOf("t-parent"));
  EXPECT_EQ(1, Counts().threads);
}

TEST_F(IngestTest, ThreadWithoutAggregateStillShows) {
  Ingest(Conversation());
  auto t = store_->Thread("t1");
  ASSERT_TRUE(t && *t);
  EXPECT_EQ(35, (*t)->heat) << "the hottest message stands in until the aggregate is written";
  EXPECT_EQ("unknown", (*t)->trend);
  EXPECT_FALSE(store_->Thread("nope")->has_value());
  EXPECT_FALSE(store_->Message("nope")->has_value());
}

TEST_F(IngestTest, MessagesFromAnOldLexiconAreListedForRecompute) {
  std::vector<StoredMessage> batch = Conversation();
  batch[1].lexicon_hash = "lex0";
  Ingest(batch);
  auto stale = store_->FilesWithOtherLexicon("lex1");
  ASSERT_TRUE(stale);
  EXPECT_EQ(1, stale->messages);
  EXPECT_EQ(std::vector<std::string>{"/mail/work/cur/1.eml"}, stale->paths);
  EXPECT_EQ(3, store_->FilesWithOtherLexicon("lex2")->messages);
  EXPECT_EQ(1u, store_->FilesWithOtherLexicon("lex2")->paths.size()) << "one file, listed once";
  batch[1].lexicon_hash = "lex1";
  Ingest({batch[1]});
  EXPECT_EQ(0, store_->FilesWithOtherLexicon("lex1")->messages);
  EXPECT_TRUE(store_->FilesWithOtherLexicon("lex1")->paths.empty());
}

TEST_F(IngestTest, TwoConnectionsShareOneFile) {
  auto reader = Store::Open(db_path_);
  ASSERT_TRUE(reader) << reader.error().ToString();
  Ingest(Conversation());
  EXPECT_EQ(3, reader->Status()->messages) << "a second connection sees committed writes";
}

}  // namespace
}  // namespace tonewatch::daemon
