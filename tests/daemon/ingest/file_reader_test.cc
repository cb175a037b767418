// The daemon's reading of one watched file (ReadForIngest) on mail with binary content inside: it
// reads what `tonewatch analyze` reads. A raw binary attachment, NUL bytes in headers and bodies,
// a text part of junk and a message cut short never fail the file; only a file whose start is
// binary is recorded as failed.

#include "daemon/ingest/file_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "daemon/watch/scanner.h"
#include "tests/support/damaged_mail.h"
#include "tests/support/test_support.h"

namespace tonewatch::daemon {
namespace {

namespace fs = std::filesystem;
using tonewatch::testing::DamagedMessage;
using tonewatch::testing::DamagedMessages;
using tonewatch::testing::MakeDamagedMbox;
using tonewatch::testing::TempDir;
using tonewatch::testing::WriteFile;

class FileReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tonewatch::testing::CopyFixtureLexicon(lexicons_);
    fs::copy(fs::path(TONEWATCH_SOURCE_LEXICONS) / "mail", lexicons_ / "mail",
             fs::copy_options::recursive);
    auto context = LoadAnalysisContext(lexicons_, {}, ThreadModelOptions{});
    ASSERT_TRUE(context) << context.error().ToString();
    context_ = *context;
  }

  // Writes `bytes` at `name` and reads it as the ingest workers do; returns the pieces.
  std::vector<FileIngest> Ingest(const std::string& name, const std::string& bytes) {
    path_ = (dir_.path() / name).string();
    WriteFile(path_, bytes);
    auto identity = StatIdentity(path_);
    EXPECT_TRUE(identity) << identity.error().ToString();
    std::vector<FileIngest> pieces;
    if (!identity) return pieces;
    ReadForIngest(
        path_, *identity, 0, *context_, kChunk,
        [&](FileIngest&& piece) { pieces.push_back(std::move(piece)); }, &notices_);
    return pieces;
  }

  std::string Notices() const {
    std::string out;
    for (const Notice& n : notices_) out += n.where + ": " + n.message + "\n";
    return out;
  }

  static constexpr size_t kChunk = 500;
  TempDir dir_;
  fs::path lexicons_ = dir_.path() / "lexicons";
  std::shared_ptr<const AnalysisContext> context_;
  std::string path_;
  std::vector<Notice> notices_;
};

TEST_F(FileReaderTest, MboxWithBinaryInsideIsReadWhole) {
  const std::vector<DamagedMessage> messages = DamagedMessages();
  const testing::DamagedMbox mbox = MakeDamagedMbox(messages);
  const std::vector<FileIngest> pieces = Ingest("export.mbox", mbox.bytes);
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_FALSE(pieces[0].outcome.error.has_value()) << *pieces[0].outcome.error;
  ASSERT_EQ(pieces[0].messages.size(), messages.size()) << Notices();
  for (size_t i = 0; i < messages.size(); ++i) {
    SCOPED_TRACE(messages[i].name);
    const StoredMessage& stored = pieces[0].messages[i];
    EXPECT_EQ(stored.thread_key.message_id, messages[i].id);
    EXPECT_EQ(stored.source_offset, static_cast<int64_t>(mbox.separators[i]));
    const bool found = std::any_of(
        stored.report.findings.begin(), stored.report.findings.end(),
        [&](const Finding& f) { return f.text.find(messages[i].finding) != std::string::npos; });
    EXPECT_EQ(found, !messages[i].finding.empty());
  }
  EXPECT_EQ(pieces[0].outcome.read_offset, static_cast<int64_t>(mbox.bytes.size()));
  EXPECT_EQ(notices_.size(), 6u) << Notices();
  EXPECT_NE(Notices().find(path_ + ":bytes " + std::to_string(mbox.separators[6]) + "-" +
                           std::to_string(mbox.separators[7]) + ": message cut short"),
            std::string::npos)
      << Notices();
}

TEST_F(FileReaderTest, MaildirMessagesWithBinaryInsideAreEachRead) {
  for (const DamagedMessage& m : DamagedMessages()) {
    SCOPED_TRACE(m.name);
    notices_.clear();
    const std::vector<FileIngest> pieces = Ingest("Maildir/cur/" + m.name + ":2,S", m.bytes);
    ASSERT_EQ(pieces.size(), 1u);
    EXPECT_FALSE(pieces[0].outcome.error.has_value()) << *pieces[0].outcome.error;
    ASSERT_EQ(pieces[0].messages.size(), 1u);
    EXPECT_EQ(pieces[0].messages[0].thread_key.message_id, m.id);
    if (m.notice.empty()) {
      EXPECT_EQ(Notices(), "");
    } else {
      EXPECT_NE(Notices().find(path_ + ": " + m.notice), std::string::npos) << Notices();
    }
  }
}

TEST_F(FileReaderTest, OnlyAFileThatStartsBinaryFails) {
  const std::vector<FileIngest> pieces =
      Ingest("Maildir/cur/picture", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_TRUE(pieces[0].messages.empty());
  EXPECT_EQ(pieces[0].outcome.error.value_or(""),
            path_ + ": not text or mail (NUL byte at offset 8)");
}

}  // namespace
}  // namespace tonewatch::daemon
