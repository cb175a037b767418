// Store::Ingest: incremental threading through thread_links (in any arrival order), merges that
// carry suppressions, files re-read whole or resumed, files forgotten, and the thread aggregate.

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "daemon/store/store.h"
#include "daemon_fixtures.h"

namespace tonewatch::daemon {
namespace {

using testing::Mail;
using testing::MakeFinding;
using testing::StoreTest;

// A reply `key` to `parent` in a thread whose root is `root` (empty: no References).
StoredMessage Reply(std::string key, std::string parent, std::string root, int64_t time_ms,
                    std::string path) {
  StoredMessage m = Mail(std::move(key), "", "Dana <dana@client.example>", time_ms,
                         {MakeFinding("pressure.asap", 10)}, std::move(path));
  m.thread_key.in_reply_to = std::move(parent);
  if (!root.empty()) m.thread_key.references = {std::move(root)};
  m.report.subject = "Re: Invoice overdue";
  return m;
}

FileIngest FileOf(std::vector<StoredMessage> messages, std::string path, bool whole = true) {
  FileIngest f;
  f.outcome.path = std::move(path);
  f.outcome.identity = {1, std::hash<std::string>{}(f.outcome.path), 10, 20, ""};
  f.messages = std::move(messages);
  f.whole = whole;
  return f;
}

// The aggregate the tests use: heat is the number of messages, so a re-aggregation shows.
StoredThread CountMessages(ThreadReport& thread) {
  StoredThread t = ThreadSummary(thread);
  t.heat = static_cast<int>(thread.messages.size());
  return t;
}

class StoreIngestTest : public StoreTest {
 protected:
  IngestSummary Put(std::vector<FileIngest> files, std::vector<std::string> forget = {}) {
    daemon::IngestBatch batch;
    batch.files = std::move(files);
    batch.forget = std::move(forget);
    auto done = store_->Ingest(batch, CountMessages);
    EXPECT_TRUE(done) << done.error().ToString();
    return done ? *done : IngestSummary{};
  }

  // Each message in its own file and batch, in the given order.
  void PutEach(const std::vector<StoredMessage>& messages) {
    for (const StoredMessage& m : messages) Put({FileOf({m}, m.path)});
  }

  std::string ThreadOf(const std::string& key) {
    auto m = store_->Message(key);
    EXPECT_TRUE(m && *m) << key;
    return m && *m ? (*m)->thread : "";
  }

  // Every thread as the sorted keys of its messages.
  std::set<std::vector<std::string>> Partition(const std::vector<std::string>& keys) {
    std::set<std::vector<std::string>> out;
    std::set<std::string> threads;
    for (const std::string& k : keys) threads.insert(ThreadOf(k));
    for (const std::string& t : threads) {
      auto k = KeysOf(t);
      std::sort(k.begin(), k.end());
      out.insert(k);
    }
    return out;
  }
};

std::vector<StoredMessage> Chain() {
  StoredMessage root = Mail("r@c", "", "Dana <dana@client.example>", 1000, {}, "/m/cur/1");
  return {root, Reply("a@c", "r@c", "r@c", 2000, "/m/cur/2"),
          Reply("b@c", "a@c", "r@c", 3000, "/m/cur/3"),
          Reply("x@o", "elsewhere@o", "", 2500, "/m/cur/4")};
}

TEST_F(StoreIngestTest, RepliesFindTheirThreadInAnyOrder) {
  std::vector<StoredMessage> messages = Chain();
  std::vector<std::string> ids;
  std::sort(messages.begin(), messages.end(),
            [](const StoredMessage& a, const StoredMessage& b) { return a.path < b.path; });
  do {
    SCOPED_TRACE(messages.front().report.id + " first");
    TearDown();
    SetUp();
    PutEach(messages);
    EXPECT_EQ(ThreadOf("r@c"), ThreadOf("a@c"));
    EXPECT_EQ(ThreadOf("r@c"), ThreadOf("b@c"));
    EXPECT_NE(ThreadOf("r@c"), ThreadOf("x@o"));
    ids.push_back(ThreadOf("r@c"));
    EXPECT_EQ(2, Counts().threads);
  } while (std::next_permutation(
      messages.begin(), messages.end(),
      [](const StoredMessage& a, const StoredMessage& b) { return a.path < b.path; }));
  EXPECT_EQ(24u, ids.size());
  EXPECT_EQ(1u, std::set<std::string>(ids.begin(), ids.end()).size())
      << "the thread id must not depend on the arrival order";
}

TEST_F(StoreIngestTest, ChildBeforeParentWithoutReferencesMergesTwoThreads) {
  // c answers b, b answers a; with In-Reply-To only, c and a start apart until b joins them.
  StoredMessage a = Mail("a@c", "", "Dana <dana@client.example>", 1000, {}, "/m/1");
  StoredMessage c = Reply("c@c", "b@c", "", 3000, "/m/3");
  StoredMessage b = Reply("b@c", "a@c", "", 2000, "/m/2");
  PutEach({a, c});
  EXPECT_NE(ThreadOf("a@c"), ThreadOf("c@c"));
  EXPECT_EQ(2, Counts().threads);
  const IngestSummary merged = Put({FileOf({b}, "/m/2")});
  EXPECT_EQ(ThreadOf("a@c"), ThreadOf("c@c"));
  EXPECT_EQ(1, Counts().threads);
  EXPECT_EQ(2u, merged.threads.size()) << "the merged thread and the one it went into";
  auto thread = store_->Thread(ThreadOf("a@c"));
  ASSERT_TRUE(thread && *thread);
  EXPECT_EQ(3, (*thread)->heat) << "re-aggregated over all three messages";
}

TEST_F(StoreIngestTest, MergeCarriesThreadRuleSuppressions) {
  StoredMessage a = Mail("a@c", "", "Dana <dana@client.example>", 1000, {}, "/m/1");
  StoredMessage c = Reply("c@c", "b@c", "", 3000, "/m/3");
  PutEach({a, c});
  const std::string c_thread = ThreadOf("c@c");
  SuppressionRule rule{SuppressionKind::kThreadRule, "pressure.asap", c_thread, "", "ok here"};
  ASSERT_TRUE(store_->Suppress(rule));
  ASSERT_EQ(0, (*store_->Message("c@c"))->report.heat);
  PutEach({Reply("b@c", "a@c", "", 2000, "/m/2")});
  const std::string merged = ThreadOf("a@c");
  auto suppressions = store_->Suppressions();
  ASSERT_TRUE(suppressions);
  ASSERT_EQ(1u, suppressions->size());
  EXPECT_EQ(merged, (*suppressions)[0].rule.thread);
  EXPECT_EQ(0, (*store_->Message("b@c"))->report.heat) << "the rule now covers b too";
  EXPECT_EQ(0, (*store_->Message("c@c"))->report.heat);
}

TEST_F(StoreIngestTest, OneBatchMergesSeveralTimes) {
  // Each answers the one before with In-Reply-To only: a, c and e start apart, and b and d,
  // written in one batch, join them all.
  StoredMessage a = Mail("a@c", "", "Dana <dana@client.example>", 1000, {}, "/m/1");
  StoredMessage c = Reply("c@c", "b@c", "", 3000, "/m/3");
  StoredMessage e = Reply("e@c", "d@c", "", 5000, "/m/5");
  PutEach({a, c, e});
  EXPECT_EQ(3, Counts().threads);
  SuppressionRule rule{SuppressionKind::kThreadRule, "pressure.asap", ThreadOf("e@c"), "", "ok"};
  ASSERT_TRUE(store_->Suppress(rule));
  Put({FileOf({Reply("b@c", "a@c", "", 2000, "/m/2")}, "/m/2"),
       FileOf({Reply("d@c", "c@c", "", 4000, "/m/4")}, "/m/4")});
  EXPECT_EQ(1, Counts().threads);
  const std::string thread = ThreadOf("a@c");
  EXPECT_EQ((std::vector<std::string>{"a@c", "b@c", "c@c", "d@c", "e@c"}), KeysOf(thread));
  EXPECT_EQ(5, (*store_->Thread(thread))->heat) << "re-aggregated over all five messages";
  auto suppressions = store_->Suppressions();
  ASSERT_TRUE(suppressions);
  ASSERT_EQ(1u, suppressions->size());
  EXPECT_EQ(thread, (*suppressions)[0].rule.thread);
  for (const char* key : {"b@c", "c@c", "d@c", "e@c"}) {
    EXPECT_EQ(0, (*store_->Message(key))->report.heat) << key << ": the rule covers the thread";
  }
}

TEST_F(StoreIngestTest, HeaderlessReplyJoinsBySubjectWithinTheWindow) {
  StoredMessage first = Mail("s1@c", "", "Dana <dana@client.example>", 1000, {}, "/m/1");
  StoredMessage late = Mail("", "", "Dana <dana@client.example>", 2000, {}, "/m/2");
  late.report.id = "file:1:2:abc";
  late.thread_key.message_id.clear();
  late.report.subject = "RE: invoice  OVERDUE";
  StoredMessage fresh = late;
  fresh.report.id = "file:1:3:def";
  fresh.report.subject = "invoice overdue";  // no reply prefix: a new conversation
  fresh.path = "/m/3";
  PutEach({first, late, fresh});
  EXPECT_EQ(ThreadOf("s1@c"), ThreadOf("file:1:2:abc"));
  EXPECT_NE(ThreadOf("s1@c"), ThreadOf("file:1:3:def"));
}

TEST_F(StoreIngestTest, WholeReadReplacesWhatTheFileHeldBefore) {
  std::vector<StoredMessage> mbox = Chain();
  for (StoredMessage& m : mbox) m.path = "/m/inbox.mbox";
  Put({FileOf(mbox, "/m/inbox.mbox")});
  EXPECT_EQ(4, Counts().messages);
  mbox.erase(mbox.begin() + 1);  // "a@c" deleted from the mbox
  const IngestSummary s = Put({FileOf(mbox, "/m/inbox.mbox")});
  EXPECT_EQ(1, s.messages_removed);
  EXPECT_EQ(3, Counts().messages);
  auto gone = store_->Message("a@c");
  ASSERT_TRUE(gone);
  EXPECT_FALSE(gone->has_value());
}

TEST_F(StoreIngestTest, ResumedReadAddsToWhatIsStored) {
  std::vector<StoredMessage> mbox = Chain();
  for (StoredMessage& m : mbox) m.path = "/m/inbox.mbox";
  Put({FileOf({mbox[0], mbox[1]}, "/m/inbox.mbox")});
  Put({FileOf({mbox[2], mbox[3]}, "/m/inbox.mbox", /*whole=*/false)});
  EXPECT_EQ(4, Counts().messages);
}

TEST_F(StoreIngestTest, MaildirRenameKeepsOneMessage) {
  StoredMessage m = Chain()[0];
  Put({FileOf({m}, "/m/new/1")});
  m.path = "/m/cur/1:2,S";
  Put({FileOf({m}, "/m/cur/1:2,S")}, {"/m/new/1"});
  EXPECT_EQ(1, Counts().messages);
  EXPECT_EQ(1, Counts().files) << "the old path is forgotten";
  EXPECT_EQ("/m/cur/1:2,S", (*store_->Message("r@c"))->path);
}

TEST_F(StoreIngestTest, ForgottenFileTakesItsMessagesAndEmptyThreads) {
  PutEach(Chain());
  Put({}, {"/m/cur/4"});
  EXPECT_EQ(3, Counts().messages);
  EXPECT_EQ(1, Counts().threads) << "x@o's thread had no other message";
  EXPECT_FALSE(store_->FileState("/m/cur/4")->has_value());
}

TEST_F(StoreIngestTest, OneBatchAggregatesEachThreadFromItsOwnMessages) {
  std::vector<StoredMessage> mbox = Chain();
  for (StoredMessage& m : mbox) m.path = "/m/inbox.mbox";
  const IngestSummary s = Put({FileOf(mbox, "/m/inbox.mbox")});
  EXPECT_EQ(2u, s.threads.size());
  auto chain = store_->Thread(ThreadOf("r@c"));
  auto other = store_->Thread(ThreadOf("x@o"));
  ASSERT_TRUE(chain && *chain && other && *other);
  EXPECT_EQ(3, (*chain)->heat);
  EXPECT_EQ(3u, (*chain)->messages.size());
  EXPECT_EQ(1, (*other)->heat);
  ASSERT_EQ(1u, (*other)->messages.size());
  EXPECT_EQ("x@o", (*other)->messages[0].id);
}

TEST_F(StoreIngestTest, OneBatchRemovesEveryThreadItEmpties) {
  PutEach(Chain());
  PutEach({Mail("one@o", "", "Kim <kim@client.example>", 1000, {}, "/m/one"),
           Mail("two@o", "", "Lee <lee@client.example>", 2000, {}, "/m/two")});
  EXPECT_EQ(4, Counts().threads);
  const IngestSummary s = Put({}, {"/m/one", "/m/two", "/m/cur/4"});
  EXPECT_EQ(3, s.messages_removed);
  EXPECT_EQ(3u, s.threads.size());
  EXPECT_EQ(1, Counts().threads);
  EXPECT_EQ(3, Counts().messages);
}

TEST_F(StoreIngestTest, RewrittenWithoutFindingsAMessageTakesItsAnalyzedHeat) {
  SuppressionRule rule{SuppressionKind::kRule, "pressure.asap", "", "", "not for us"};
  ASSERT_TRUE(store_->Suppress(rule));
  StoredMessage m = Mail("m@c", "", "Dana <dana@client.example>", 1000,
                         {MakeFinding("pressure.asap", 10)}, "/m/1");
  Put({FileOf({m}, "/m/1")});
  ASSERT_EQ(0, (*store_->Message("m@c"))->report.heat) << "its one finding is suppressed";
  m.report.findings.clear();
  m.report.heat = 7;
  Put({FileOf({m}, "/m/1")});
  auto stored = store_->Message("m@c");
  ASSERT_TRUE(stored && *stored);
  EXPECT_EQ(7, (*stored)->report.heat);
  EXPECT_TRUE((*stored)->report.findings.empty());
}

TEST_F(StoreIngestTest, FailedReadRecordsTheErrorAndKeepsMessages) {
  PutEach(Chain());
  FileIngest failed = FileOf({}, "/m/cur/2");
  failed.outcome.error = "/m/cur/2: not a mail message";
  Put({failed});
  EXPECT_EQ(4, Counts().messages);
  auto record = store_->FileState("/m/cur/2");
  ASSERT_TRUE(record && *record);
  EXPECT_FALSE((*record)->ok);
  EXPECT_EQ("/m/cur/2: not a mail message", (*record)->error);
}

TEST_F(StoreIngestTest, ReaggregateRecomputesFromStoredMessages) {
  PutEach(Chain());
  const std::string thread = ThreadOf("r@c");
  auto ten = [](ThreadReport& t) {
    StoredThread s = ThreadSummary(t);
    s.heat = 10 * static_cast<int>(t.messages.size());
    return s;
  };
  ASSERT_TRUE(store_->Reaggregate({thread, "no-such-thread"}, ten));
  EXPECT_EQ(30, (*store_->Thread(thread))->heat);
  EXPECT_FALSE(store_->Thread("no-such-thread")->has_value());
}

TEST_F(StoreIngestTest, ThreadsAwaitingReplyAreHotUnansweredCounterpartMessages) {
  StoredMessage hot = Mail("h@c", "", "Dana <dana@client.example>", 1000,
                           {MakeFinding("hostility.unacceptable", 50)}, "/m/1");
  StoredMessage cool =
      Mail("c@c", "", "Kim <kim@client.example>", 1000, {MakeFinding("pressure.asap", 10)}, "/m/2");
  StoredMessage late = Mail("l@c", "", "Lee <lee@client.example>", 9000,
                            {MakeFinding("hostility.unacceptable", 50)}, "/m/3");
  PutEach({hot, cool, late});
  auto waiting = store_->ThreadsAwaitingReply(40, 5000, 10);
  ASSERT_TRUE(waiting);
  EXPECT_EQ(std::vector<std::string>{ThreadOf("h@c")}, *waiting)
      << "not the cool one, nor the one sent after the cut-off";
  StoredMessage reply = testing::MyMail("r@me", "", "dana@client.example", 2000);
  reply.thread_key.in_reply_to = "h@c";
  reply.path = "/m/4";
  PutEach({reply});
  EXPECT_TRUE(store_->ThreadsAwaitingReply(40, 5000, 10)->empty()) << "answered";
}

TEST_F(StoreIngestTest, FilesListsEveryRecord) {
  PutEach(Chain());
  auto files = store_->Files();
  ASSERT_TRUE(files);
  ASSERT_EQ(4u, files->size());
  EXPECT_EQ("/m/cur/1", (*files)[0].path);
  EXPECT_EQ(10, (*files)[0].identity.size);
}

}  // namespace
}  // namespace tonewatch::daemon
