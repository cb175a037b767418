// Folders, sniffing and the input pipeline: what a walk reads, skips and reports.
#include "analyzers/pipeline/input_pipeline.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include "analyzers/call/call_metrics.h"
#include "analyzers/readers/folder_walker.h"
#include "analyzers/readers/sniff.h"
#include "analyzers/render/json_render.h"
#include "tests/mail/mail_fixtures.h"

namespace tonewatch {
namespace {

using testing::Message;
using testing::TempDir;
using testing::WriteIn;

constexpr const char* kMarcus = "Marcus Lee <marcus@northwind.example>";
constexpr const char* kDana = "Dana Okafor <dana@brightline.example>";

std::vector<std::string> Names(const std::vector<std::filesystem::path>& files,
                               const std::filesystem::path& root) {
  std::vector<std::string> out;
  for (const auto& f : files) out.push_back(std::filesystem::relative(f, root).string());
  return out;
}

TEST(FolderWalker, SkipsMaildirTmpAndHiddenFilesButWalksHiddenFolders) {
  TempDir dir;
  WriteIn(dir, "Maildir/cur/1.host:2,S", "x");
  WriteIn(dir, "Maildir/new/2.host", "x");
  WriteIn(dir, "Maildir/tmp/3.host", "being written");
  WriteIn(dir, "Maildir/.Sent/cur/4.host!2,S", "x");
  WriteIn(dir, "Maildir/.DS_Store", "junk");
  WriteIn(dir, "notes/tmp/keep.txt", "a tmp folder outside a Maildir is read");
  std::vector<Error> errors;
  auto files = ListInputFiles(dir.path(), &errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(Names(files, dir.path()),
            (std::vector<std::string>{"Maildir/.Sent/cur/4.host!2,S", "Maildir/cur/1.host:2,S",
                                      "Maildir/new/2.host", "notes/tmp/keep.txt"}));
}

TEST(FolderWalker, ReportsLinkLoopsAndDoesNotFollowFolderLinks) {
  TempDir dir;
  WriteIn(dir, "a/mail.eml", "x");
  ASSERT_EQ(::symlink(dir.path().c_str(), (dir.path() / "a/back").c_str()), 0);
  ASSERT_EQ(::symlink((dir.path() / "loop2").c_str(), (dir.path() / "loop1").c_str()), 0);
  ASSERT_EQ(::symlink((dir.path() / "loop1").c_str(), (dir.path() / "loop2").c_str()), 0);
  std::vector<Error> errors;
  auto files = ListInputFiles(dir.path(), &errors);
  EXPECT_EQ(Names(files, dir.path()), (std::vector<std::string>{"a/mail.eml"}));
  ASSERT_EQ(errors.size(), 3u);
  std::string all;
  for (const auto& e : errors) all += e.ToString() + "\n";
  EXPECT_NE(all.find("a/back: symbolic link to a folder; not followed"), std::string::npos) << all;
  EXPECT_NE(all.find("loop1: Too many levels of symbolic links"), std::string::npos) << all;
}

TEST(FolderWalker, MissingPathIsNotFound) {
  std::vector<Error> errors;
  EXPECT_TRUE(ListInputFiles("/no/such/place", &errors).empty());
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, ErrorCode::kNotFound);
}

TEST(Sniff, RecognizesSourcesByContent) {
  struct Case {
    std::string head;
    SourceKind kind;
  } cases[] = {
      {"", SourceKind::kEmpty},
      {"  \n\n", SourceKind::kEmpty},
      {std::string("abc\0def", 7), SourceKind::kBinary},
      {"From a@b Tue Nov 17 09:00:00 2026\nFrom: a@b\nSubject: x\n\nbody\n", SourceKind::kMbox},
      {"Return-Path: <a@b>\nReceived: by x\nFrom: a@b\nSubject: x\n\nbody", SourceKind::kMail},
      {"From the start, this project was late.\nWe should talk.", SourceKind::kText},
      {"Subject: a note I typed\nand more prose", SourceKind::kText},
      {"WEBVTT\n\n00:00.000 --> 00:01.000\nhi", SourceKind::kTranscript},
      {"Dear team, thanks for the update.", SourceKind::kText},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.head);
    EXPECT_EQ(SniffSource(c.head), c.kind);
  }
}

class PipelineTest : public ::testing::Test {
 protected:
  PipelineTest() {
    auto lexicon = LoadLexicon(TONEWATCH_SOURCE_LEXICONS);
    EXPECT_TRUE(lexicon) << lexicon.error().ToString();
    auto engine = Engine::Create(std::move(*lexicon));
    EXPECT_TRUE(engine) << engine.error().ToString();
    engine_ = std::make_unique<Engine>(std::move(*engine));
  }
  std::vector<ThreadReport> Run(const std::vector<std::string>& paths,
                                std::vector<std::string> me = {}, unsigned jobs = 0) {
    PipelineOptions options;
    options.me = std::move(me);
    options.jobs = jobs;
    options.now_ms = 1'800'000'000'000;
    InputPipeline pipeline(*engine_, options);
    std::vector<ThreadReport> out;
    for (const auto& p : paths) {
      auto errors = pipeline.Add(p, [&](ThreadReport&& t) { out.push_back(std::move(t)); });
      errors_.insert(errors_.end(), errors.begin(), errors.end());
    }
    pipeline.FinishMail([&](ThreadReport&& t) { out.push_back(std::move(t)); });
    damage_ = pipeline.TakeMailErrors();
    stats_ = pipeline.stats();
    return out;
  }

  TempDir dir_;
  std::unique_ptr<Engine> engine_;
  std::vector<Error> errors_;
  std::vector<Notice> damage_;
  PipelineStats stats_;
};

TEST_F(PipelineTest, ThreadsMessagesAcrossFilesAndMarksMe) {
  WriteIn(dir_, "m/cur/1", Message("a1@x", kMarcus, "Invoice", "Could you resend the invoice?\n"));
  WriteIn(dir_, "m/cur/2",
          Message("b1@x", kDana, "Re: Invoice", "Sending it today.\n",
                  "In-Reply-To: <a1@x>\nReferences: <a1@x>\n"));
  WriteIn(dir_, "m/new/3",
          Message("a2@x", kMarcus, "Re: Invoice", "You never sent it and this is unacceptable.\n",
                  "In-Reply-To: <b1@x>\nReferences: <a1@x> <b1@x>\n"));
  WriteIn(dir_, "m/cur/4", Message("z@x", kMarcus, "Lunch", "Thanks for lunch!\n"));
  auto threads = Run({(dir_.path() / "m").string()}, {"dana@brightline.example"});
  EXPECT_TRUE(errors_.empty());
  ASSERT_EQ(threads.size(), 2u);
  const ThreadReport& hot = threads[0];  // hottest first
  EXPECT_EQ(hot.subject, "Invoice");
  ASSERT_EQ(hot.messages.size(), 3u);
  EXPECT_FALSE(hot.messages[0].me);
  EXPECT_TRUE(hot.messages[1].me);
  EXPECT_GT(hot.messages[2].heat, 0);
  EXPECT_GT(hot.heat, threads[1].heat);
  EXPECT_EQ(stats_.files, 4u);
  EXPECT_EQ(stats_.messages, 4u);
}

// Mail is analyzed in batches on several threads; the threads, their order, every message and
// every finding are the same as with one thread, across batch boundaries and damaged entries.
TEST_F(PipelineTest, OneJobOrManyGiveTheSameReports) {
  const char* bodies[] = {"Could you resend the invoice?\n",
                          "You never sent it and this is unacceptable.\n", "Thanks for lunch!\n",
                          "Please send the logs ASAP.\n"};
  for (int i = 0; i < 150; ++i) {
    const std::string id = "m" + std::to_string(i) + "@x";
    const std::string parent = "m" + std::to_string(i - 1) + "@x";
    WriteIn(dir_, "m/cur/" + std::to_string(1000 + i),
            Message(id, i % 2 ? kDana : kMarcus,
                    i % 3 ? "Re: Case " + std::to_string(i / 3) : "Case " + std::to_string(i / 3),
                    bodies[i % 4],
                    i % 3 ? "In-Reply-To: <" + parent + ">\nReferences: <" + parent + ">\n" : ""));
  }
  WriteIn(dir_, "m/cur/9999", std::string("no headers at all\0\0\0\0\0\0 binary", 30));
  const auto serial = Run({(dir_.path() / "m").string()}, {"dana@brightline.example"}, 1);
  const std::vector<Notice> serial_damage = damage_;
  errors_.clear();
  const auto parallel = Run({(dir_.path() / "m").string()}, {"dana@brightline.example"}, 4);
  ASSERT_EQ(serial.size(), 50u);
  ASSERT_EQ(parallel.size(), serial.size());
  for (size_t t = 0; t < serial.size(); ++t) {
    EXPECT_EQ(ThreadJson(parallel[t]), ThreadJson(serial[t])) << "thread " << t;
  }
  ASSERT_EQ(damage_.size(), serial_damage.size());
  for (size_t i = 0; i < damage_.size(); ++i)
    EXPECT_EQ(damage_[i].message, serial_damage[i].message);
  EXPECT_EQ(stats_.messages, 150u);
}

TEST_F(PipelineTest, BinaryFileInAFolderIsReportedAndTheRestRead) {
  WriteIn(dir_, "f/a.eml", Message("a1@x", kMarcus, "Hello", "All good here.\n"));
  WriteIn(dir_, "f/picture.bin", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  WriteIn(dir_, "f/notes.txt", "This is unacceptable.\n");
  auto threads = Run({(dir_.path() / "f").string()});
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_NE(errors_[0].ToString().find("picture.bin: not text or mail"), std::string::npos)
      << errors_[0].ToString();
  EXPECT_EQ(threads.size(), 2u);
}

TEST_F(PipelineTest, DamagedMboxEntryIsReportedWithItsBytes) {
  const std::string good =
      "From a@x Tue Nov 17 09:00:00 2026\n" + Message("g1@x", kMarcus, "One", "first\n") + "\n";
  const std::string bad = "From junk Tue Nov 17 09:00:00 2026\n\x01\x02 no headers here\n\n";
  const std::string last =
      "From a@x Tue Nov 17 10:00:00 2026\n" + Message("g2@x", kMarcus, "Two", "second\n");
  const std::string path = WriteIn(dir_, "box.mbox", good + bad + last);
  auto threads = Run({path});
  EXPECT_TRUE(errors_.empty());
  EXPECT_EQ(threads.size(), 2u);
  ASSERT_EQ(damage_.size(), 1u);
  EXPECT_EQ(damage_[0].where, path + ":bytes " + std::to_string(good.size()) + "-" +
                                  std::to_string(good.size() + bad.size() - 1));
  EXPECT_NE(damage_[0].message.find("skipped, the rest of the mbox is read"), std::string::npos);
}

TEST_F(PipelineTest, CallTranscriptBecomesAThreadOfTurnsWithMetrics) {
  const std::string path =
      WriteIn(dir_, "call.vtt",
              "WEBVTT\n\n"
              "00:00:01.000 --> 00:00:04.000\n<v Ana Ruiz>Hi, thanks for joining.\n\n"
              "00:00:04.500 --> 00:00:09.000\n<v Lee Chan>You never sent the fix. "
              "This is unacceptable.\n\n"
              "00:00:08.000 --> 00:00:12.000\n<v Ana Ruiz>I understand, I am "
              "sorry.\n");
  auto threads = Run({path}, {"ana ruiz"});
  ASSERT_TRUE(errors_.empty()) << errors_[0].ToString();
  ASSERT_EQ(threads.size(), 1u);
  const ThreadReport& call = threads[0];
  ASSERT_EQ(call.messages.size(), 3u);
  EXPECT_TRUE(call.messages[0].me);
  EXPECT_FALSE(call.messages[1].me);
  EXPECT_GT(call.messages[1].heat, 0);
  EXPECT_EQ(call.messages[1].start_ms, 4500);
  EXPECT_FALSE(call.move_off_email.has_value());  // a call is not email
  ASSERT_NE(call.call, nullptr);
  EXPECT_EQ(call.call->turns, 3);
  EXPECT_EQ(call.call->interruptions.size(), 1u);  // turn 3 starts before turn 2 ends
}

TEST_F(PipelineTest, PlainTextInALegacyCharsetIsDetectedNotDamaged) {
  // windows-1252 bytes: ten accented letters, none of them valid UTF-8.
  const std::string path = WriteIn(dir_, "fable.txt",
                                   "Les \xE9quipes ont re\xE7u la facture d\xE9j\xE0 pay\xE9"
                                   "e, mais le d\xE9lai \xE9tait tr\xE8s long et l'\xE9t\xE9 "
                                   "aussi.\n");
  auto threads = Run({path});
  ASSERT_EQ(threads.size(), 1u);
  ASSERT_FALSE(threads[0].errors.empty());
  EXPECT_NE(threads[0].errors[0].message.find("not UTF-8; read as"), std::string::npos)
      << threads[0].errors[0].message;
  for (const Notice& n : threads[0].errors) {
    EXPECT_EQ(n.message.find("replaced with U+FFFD"), std::string::npos) << n.message;
  }
}

TEST_F(PipelineTest, ForcedInputFormatOverridesSniffing) {
  const std::string path =
      WriteIn(dir_, "notes.txt", "Lee: You never sent the fix.\nAna: Sorry.\n");
  PipelineOptions options;
  options.input_format = "speaker";
  InputPipeline pipeline(*engine_, options);
  std::vector<ThreadReport> out;
  auto errors = pipeline.Add(path, [&](ThreadReport&& t) { out.push_back(std::move(t)); });
  ASSERT_TRUE(errors.empty()) << errors[0].ToString();
  ASSERT_EQ(out.size(), 1u);
  ASSERT_EQ(out[0].messages.size(), 2u);
  EXPECT_EQ(out[0].messages[0].author, "Lee");
}

}  // namespace
}  // namespace tonewatch
