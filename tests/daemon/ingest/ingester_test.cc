// The ingest pipeline on real files: a Maildir read and threaded, unchanged files left alone, a
// Maildir rename stored once, a growing mbox resumed, a broken file recorded and retried, a call
// transcript, pieces of a large mbox, a new lexicon re-applied, and Stop keeping what was read.

#include "daemon/ingest/ingester.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "daemon/ingest/file_reader.h"
#include "daemon/watch/scanner.h"
#include "tests/support/test_support.h"

namespace tonewatch::daemon {
namespace {

namespace fs = std::filesystem;
using tonewatch::testing::TempDir;
using tonewatch::testing::WriteFile;

std::string Mail(const std::string& id, const std::string& in_reply_to, const std::string& body,
                 const std::string& from = "Dana Client <dana@client.example>") {
  std::string mail = "From: " + from + "\nTo: Sam <sam@us.example>\nSubject: Invoice overdue\n";
  mail += "Date: Tue, 14 Nov 2023 10:00:00 +0000\nMessage-ID: <" + id + ">\n";
  if (!in_reply_to.empty()) mail += "In-Reply-To: <" + in_reply_to + ">\n";
  return mail + "\n" + body + "\n";
}

std::string MboxEntry(const std::string& id, const std::string& body) {
  return "From dana@client.example Tue Nov 14 10:00:00 2023\n" + Mail(id, "", body) + "\n";
}

class IngesterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tonewatch::testing::CopyFixtureLexicon(lexicons_);
    fs::copy(fs::path(TONEWATCH_SOURCE_LEXICONS) / "mail", lexicons_ / "mail",
             fs::copy_options::recursive);
    Start(2, 500);
  }

  void Start(int workers, size_t chunk) {
    auto context = LoadAnalysisContext(lexicons_, {"sam@us.example"}, ThreadModelOptions{});
    ASSERT_TRUE(context) << context.error().ToString();
    IngesterOptions options;
    options.database = db_;
    options.workers = workers;
    options.chunk_messages = chunk;
    options.batch_messages = chunk;
    options.warn = [this](std::string_view line) {
      std::lock_guard lock(warnings_mutex_);
      warnings_.emplace_back(line);
    };
    auto ingester = Ingester::Start(options, *context);
    ASSERT_TRUE(ingester) << ingester.error().ToString();
    ingester_ = std::move(*ingester);
  }

  std::string Put(const std::string& name, const std::string& bytes) {
    const fs::path path = mail_ / name;
    WriteFile(path, bytes);
    return path.string();
  }

  // Enqueues the paths and waits until they are stored (a watchdog, not a speed check).
  void Ingest(const std::vector<std::string>& paths, bool force = false) {
    for (const std::string& p : paths) ingester_->Enqueue(p, force);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!ingester_->Idle() && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ASSERT_TRUE(ingester_->Idle()) << "ingest did not finish";
  }

  Store& Reader() {
    if (!reader_) {
      auto store = Store::Open(db_);
      EXPECT_TRUE(store) << store.error().ToString();
      reader_.emplace(std::move(*store));
    }
    return *reader_;
  }

  StoreStatus Counts() { return *Reader().Status(); }

  std::optional<MessageDetail> Message(const std::string& key) {
    auto m = Reader().Message(key);
    EXPECT_TRUE(m) << m.error().ToString();
    return m ? *m : std::nullopt;
  }

  std::string Warnings() {
    std::lock_guard lock(warnings_mutex_);
    std::string all;
    for (const std::string& w : warnings_) all += w + "\n";
    return all;
  }

  TempDir dir_;
  fs::path lexicons_ = dir_.path() / "lexicons";
  fs::path mail_ = dir_.path() / "mail";
  std::string db_ = (dir_.path() / "tonewatch.db").string();
  std::unique_ptr<Ingester> ingester_;
  std::optional<Store> reader_;
  std::mutex warnings_mutex_;
  std::vector<std::string> warnings_;
};

TEST_F(IngesterTest, MaildirIsAnalyzedThreadedAndStored) {
  Ingest({Put("cur/1", Mail("a@client", "", "You never sent the invoice. This is unacceptable.")),
          Put("cur/2", Mail("b@client", "a@client", "As I said, I will escalate this.")),
          Put("cur/3", Mail("c@other", "", "Lunch on Friday?", "Kim <kim@other.example>"))});
  const StoreStatus s = Counts();
  EXPECT_EQ(3, s.messages);
  EXPECT_EQ(2, s.threads);
  EXPECT_EQ(3, s.files);
  auto a = Message("a@client");
  auto b = Message("b@client");
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->thread, b->thread);
  EXPECT_GT(a->report.heat, 0);
  EXPECT_EQ("hostility.unacceptable", a->report.findings.back().rule);
  EXPECT_EQ(ingester_->context()->lexicon_hash, a->lexicon_hash);
  auto thread = Reader().Thread(a->thread);
  ASSERT_TRUE(thread && *thread);
  EXPECT_EQ(2u, (*thread)->messages.size());
  EXPECT_GT((*thread)->heat, 0) << "the thread model ran";
  EXPECT_EQ(3, ingester_->Progress().messages_stored);
}

TEST_F(IngesterTest, UnchangedFileIsNotReadAgain) {
  const std::string path = Put("cur/1", Mail("a@client", "", "Thanks!"));
  Ingest({path});
  Ingest({path, path});
  EXPECT_EQ(1, ingester_->Progress().files_read);
  Ingest({path}, /*force=*/true);
  EXPECT_EQ(2, ingester_->Progress().files_read);
  EXPECT_EQ(1, Counts().messages);
}

TEST_F(IngesterTest, MaildirRenameIsOneMessage) {
  const std::string fresh = Put("new/1", Mail("a@client", "", "This is unacceptable."));
  Ingest({fresh});
  const std::string seen = (mail_ / "cur" / "1:2,S").string();
  fs::create_directories(mail_ / "cur");
  fs::rename(fresh, seen);
  Ingest({fresh, seen});
  const StoreStatus s = Counts();
  EXPECT_EQ(1, s.messages);
  EXPECT_EQ(1, s.files);
  EXPECT_EQ(seen, Message("a@client")->path);
}

TEST_F(IngesterTest, GrowingMboxIsReadFromWhereItStopped) {
  const std::string path =
      Put("inbox.mbox", MboxEntry("m1@c", "Hello.") + MboxEntry("m2@c", "Hi."));
  Ingest({path});
  auto first = Reader().FileState(path);
  ASSERT_TRUE(first && *first);
  EXPECT_EQ(static_cast<int64_t>(fs::file_size(path)), (*first)->read_offset);
  {
    std::ofstream out(path, std::ios::app | std::ios::binary);
    out << MboxEntry("m3@c", "This is unacceptable.");
  }
  auto record = Reader().FileState(path);
  auto now = StatIdentity(path);
  ASSERT_TRUE(now);
  EXPECT_EQ((*first)->read_offset, PlanRead(path, *record, *now, false).value_or(-1))
      << "the plan resumes at the end of the last read";
  Ingest({path});
  EXPECT_EQ(3, Counts().messages);
  EXPECT_GT(Message("m3@c")->report.heat, 0);
  EXPECT_EQ(static_cast<int64_t>((*first)->read_offset), Message("m3@c")->source_offset);
}

TEST_F(IngesterTest, RewrittenMboxReplacesItsMessages) {
  const std::string path =
      Put("inbox.mbox", MboxEntry("m1@c", "Hello.") + MboxEntry("m2@c", "Hi."));
  Ingest({path});
  Put("inbox.mbox", MboxEntry("m2@c", "Hi."));  // m1 deleted by the mail client
  Ingest({path});
  EXPECT_EQ(1, Counts().messages);
  EXPECT_FALSE(Message("m1@c").has_value());
}

TEST_F(IngesterTest, BrokenFileIsRecordedAndRetriedWhenItChanges) {
  const std::string path = Put("cur/junk", std::string("\x00\x01\x02 binary", 10));
  Ingest({path});
  auto record = Reader().FileState(path);
  ASSERT_TRUE(record && *record);
  EXPECT_FALSE((*record)->ok);
  EXPECT_NE(std::string::npos, (*record)->error.find(path)) << (*record)->error;
  EXPECT_NE(std::string::npos, (*record)->error.find("NUL byte")) << (*record)->error;
  EXPECT_NE(std::string::npos, Warnings().find("retried when it changes"));
  EXPECT_EQ(1, Counts().failed_files);
  Ingest({path});
  EXPECT_EQ(1, ingester_->Progress().files_read) << "a failed file is not retried unchanged";
  Put("cur/junk", Mail("fixed@c", "", "All good now."));
  Ingest({path});
  EXPECT_EQ(0, Counts().failed_files);
  EXPECT_EQ(1, Counts().messages);
}

TEST_F(IngesterTest, CallTranscriptIsAThreadOfTurns) {
  const std::string path = Put("calls/call.vtt",
                               "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Dana>This is "
                               "unacceptable.\n\n00:00:05.000 --> 00:00:08.000\n<v Sam>I "
                               "understand, let me fix it.\n");
  Ingest({path});
  EXPECT_EQ(2, Counts().messages);
  EXPECT_EQ(1, Counts().threads);
  auto thread = Reader().Thread(CallThreadId(path));
  ASSERT_TRUE(thread && *thread);
  ASSERT_EQ(2u, (*thread)->messages.size());
  EXPECT_EQ("Dana", (*thread)->messages[0].author);
  EXPECT_GT((*thread)->messages[0].heat, 0);
}

TEST_F(IngesterTest, LargeMboxIsStoredInPiecesAndWhole) {
  ingester_.reset();
  Start(1, 2);
  std::string mbox;
  for (int i = 0; i < 7; ++i) mbox += MboxEntry("p" + std::to_string(i) + "@c", "Hello.");
  const std::string path = Put("big.mbox", mbox);
  Ingest({path});
  EXPECT_EQ(7, Counts().messages);
  EXPECT_GE(ingester_->Progress().batches, 4) << "7 messages in pieces of 2";
  auto record = Reader().FileState(path);
  auto now = StatIdentity(path);
  ASSERT_TRUE(record && *record && now);
  EXPECT_FALSE(PlanRead(path, *record, *now, false).has_value())
      << "the last piece records the whole file as read";
}

TEST_F(IngesterTest, NewLexiconIsAppliedWhenForced) {
  const std::string path = Put("cur/1", Mail("a@client", "", "This is unacceptable."));
  Ingest({path});
  const std::string old_hash = Message("a@client")->lexicon_hash;
  std::ofstream(lexicons_ / "en" / "cues.toml", std::ios::app) << "\n# changed\n";
  auto context = LoadAnalysisContext(lexicons_, {}, ThreadModelOptions{});
  ASSERT_TRUE(context);
  ASSERT_NE(old_hash, (*context)->lexicon_hash);
  ingester_->SetContext(*context);
  Ingest({path}, /*force=*/true);
  EXPECT_EQ((*context)->lexicon_hash, Message("a@client")->lexicon_hash);
}

TEST_F(IngesterTest, StopKeepsEveryFileWholeOrNotAtAll) {
  std::vector<std::string> paths;
  for (int i = 0; i < 40; ++i) {
    paths.push_back(Put("cur/" + std::to_string(i),
                        Mail("s" + std::to_string(i) + "@c", "", "You never sent the report.")));
  }
  for (const std::string& p : paths) ingester_->Enqueue(p);
  ingester_->Stop();
  // Every file recorded has its message; every message has its file.
  for (const std::string& p : paths) {
    auto record = Reader().FileState(p);
    ASSERT_TRUE(record);
    const std::string key = "s" + fs::path(p).filename().string() + "@c";
    EXPECT_EQ(record->has_value(), Message(key).has_value()) << p;
  }
}

}  // namespace
}  // namespace tonewatch::daemon
