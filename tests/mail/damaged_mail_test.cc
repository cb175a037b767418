// Binary content is a property of a part, not of a file: an mbox or Maildir that carries a raw
// binary attachment, NUL bytes in headers and bodies, a text part of binary junk and a message cut
// short is read whole. Each damaged part is skipped and said, each damaged message is read from
// what it has, and no other message is lost. Fixtures from tests/support/damaged_mail.h.
#include "tests/support/damaged_mail.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "analyzers/pipeline/input_pipeline.h"
#include "analyzers/readers/mail/mail_reader.h"
#include "analyzers/readers/sniff.h"
#include "tests/mail/mail_fixtures.h"

namespace tonewatch {
namespace {

using testing::DamagedMessage;
using testing::DamagedMessageNamed;
using testing::DamagedMessages;
using testing::MakeDamagedMbox;
using testing::TempDir;
using testing::WriteIn;
using namespace std::string_literals;  // "...\0..."s keeps the NULs

class DamagedMailTest : public ::testing::Test {
 protected:
  // Reads the file at `path` as `format`; keeps the messages, the notices and the result.
  void Read(const std::string& path, MailFormat format) {
    result_ = ReadMailFile(
        path, format, [&](ParsedMail&& m) { mail_.push_back(std::move(m)); }, &notices_);
  }

  const ParsedMail* Find(const std::string& id) const {
    auto it = std::find_if(mail_.begin(), mail_.end(),
                           [&](const ParsedMail& m) { return m.message.id == id; });
    return it == mail_.end() ? nullptr : &*it;
  }

  // The notices at `where` ("box.mbox:byte 120"), one per line.
  std::string NoticesAt(const std::string& where) const {
    std::string out;
    for (const Notice& n : notices_) {
      if (n.where == where) out += n.message + "\n";
    }
    return out;
  }

  std::string AllNotices() const {
    std::string out;
    for (const Notice& n : notices_) out += n.where + ": " + n.message + "\n";
    return out;
  }

  TempDir dir_;
  std::vector<ParsedMail> mail_;
  std::vector<Notice> notices_;
  Result<size_t> result_ = 0;
};

TEST_F(DamagedMailTest, MailWithBinaryInsideIsMailNotBinary) {
  const testing::DamagedMbox mbox = MakeDamagedMbox(DamagedMessages());
  EXPECT_EQ(SniffSource(mbox.bytes), SourceKind::kMbox);
  for (const DamagedMessage& m : DamagedMessages()) {
    SCOPED_TRACE(m.name);
    EXPECT_EQ(SniffSource(m.bytes), SourceKind::kMail);
  }
}

TEST_F(DamagedMailTest, StrayNulInTextIsTextButABinaryStartIsRefused) {
  EXPECT_EQ(SniffSource("Dear Tomas,\nthe ledger\0 is late.\n"s), SourceKind::kText);
  EXPECT_EQ(SniffSource("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"s), SourceKind::kBinary);
  EXPECT_EQ(SniffSource(testing::BinaryJunk(600)), SourceKind::kBinary);
  EXPECT_EQ(BinaryReason("ok\0\0\0\0\0 and more text after the run"s), "NUL byte at offset 2");
}

TEST_F(DamagedMailTest, MboxIsReadWholeAndEachDamageIsSaidWhereItIs) {
  const std::vector<DamagedMessage> messages = DamagedMessages();
  const testing::DamagedMbox mbox = MakeDamagedMbox(messages);
  const std::string path = WriteIn(dir_, "export.mbox", mbox.bytes);
  Read(path, MailFormat::kMbox);
  ASSERT_TRUE(result_) << result_.error().ToString();
  ASSERT_EQ(mail_.size(), messages.size()) << AllNotices();
  for (size_t i = 0; i < messages.size(); ++i) {
    const DamagedMessage& m = messages[i];
    SCOPED_TRACE(m.name);
    EXPECT_EQ(mail_[i].message.id, m.id);
    EXPECT_EQ(mail_[i].message.subject, m.subject);
    EXPECT_EQ(mail_[i].message.source_offset, mbox.separators[i]);
    const std::string at = path + ":byte " + std::to_string(mbox.separators[i]);
    if (m.name == "cut-short") {
      // A message cut short is named with its byte range: it ends where the next one starts.
      const std::string range = path + ":bytes " + std::to_string(mbox.separators[i]) + "-" +
                                std::to_string(mbox.separators[i + 1]);
      EXPECT_EQ(NoticesAt(range),
                "message cut short: the next \"From \" line follows without an empty line; read "
                "as far as it goes\n")
          << AllNotices();
    } else if (m.notice.empty()) {
      EXPECT_EQ(NoticesAt(at), "") << AllNotices();
    } else {
      EXPECT_NE(NoticesAt(at).find(m.notice), std::string::npos) << AllNotices();
    }
  }
  EXPECT_EQ(notices_.size(), 6u) << AllNotices();
}

TEST_F(DamagedMailTest, EachDamagedPartIsSkippedAndTheTextRead) {
  Read(WriteIn(dir_, "export.mbox", MakeDamagedMbox(DamagedMessages()).bytes), MailFormat::kMbox);
  ASSERT_EQ(mail_.size(), 8u) << AllNotices();
  const ParsedMail* attachment = Find("attachment@copperfield");
  ASSERT_NE(attachment, nullptr);
  EXPECT_EQ(attachment->body.text, "The export is attached. This is unacceptable.");
  EXPECT_EQ(attachment->body.attachments, (std::vector<std::string>{"ledger.bin"}));
  // The NUL is removed before the charset is judged, so the UTF-8 "ñ" stays one letter.
  EXPECT_EQ(Find("nul-body@copperfield")->body.text,
            "Se\xC3\xB1or Berg, I asked twice. This is unacceptable.\n");
  EXPECT_EQ(Find("nul-header@copperfield")->body.text,
            "You never sent the invoice. This is unacceptable.\n");
  const ParsedMail* junk = Find("binary-body@copperfield");
  EXPECT_EQ(junk->body.text, "");
  EXPECT_EQ(junk->body.attachments, (std::vector<std::string>{"text/plain"}));
  const ParsedMail* alternative = Find("alternative@copperfield");
  EXPECT_TRUE(alternative->body.html);
  EXPECT_NE(alternative->body.text.find("This is unacceptable."), std::string::npos);
  EXPECT_EQ(Find("cut@copperfield")->body.text, "We are still waiting. This is unacceptable.");
  // The last message of an mbox keeps the empty line that ends the file.
  EXPECT_EQ(Find("good-last@copperfield")->body.text.find("You never answered my question"), 0u);
}

TEST_F(DamagedMailTest, MaildirMessagesAreReadOneByOneWithTheirDamageSaid) {
  for (const DamagedMessage& m : DamagedMessages()) {
    SCOPED_TRACE(m.name);
    mail_.clear();
    notices_.clear();
    const std::string path = WriteIn(dir_, "Maildir/cur/" + m.name + ":2,S", m.bytes);
    Read(path, MailFormat::kMessage);
    ASSERT_TRUE(result_) << result_.error().ToString();
    ASSERT_EQ(mail_.size(), 1u);
    EXPECT_EQ(mail_[0].message.id, m.id);
    if (m.notice.empty()) {
      EXPECT_EQ(AllNotices(), "");
    } else {
      EXPECT_NE(NoticesAt(path).find(m.notice), std::string::npos) << AllNotices();
    }
  }
}

TEST_F(DamagedMailTest, MessageCutAtTheEndOfAFileIsReadAsFarAsItGoes) {
  const std::string path = WriteIn(dir_, "cur/cut", DamagedMessageNamed("cut-short").bytes);
  Read(path, MailFormat::kMessage);
  ASSERT_EQ(mail_.size(), 1u);
  EXPECT_EQ(AllNotices(), path +
                              ": message cut short: it ends inside its headers or a MIME part; "
                              "read as far as it goes\n");
}

TEST_F(DamagedMailTest, NulInTheHeadersIsSaidWithItsByteOffset) {
  const DamagedMessage m = DamagedMessageNamed("nul-in-headers");
  const std::string path = WriteIn(dir_, "cur/nul", m.bytes);
  Read(path, MailFormat::kMessage);
  ASSERT_EQ(mail_.size(), 1u);
  EXPECT_EQ(AllNotices(), path + ": NUL byte in the headers at byte " +
                              std::to_string(m.bytes.find('\0')) +
                              "; the header is cut there, the rest of the message is read\n");
}

TEST_F(DamagedMailTest, MboxWhoseLastMessageIsCutInItsHeadersKeepsTheOthers) {
  const std::string good = "From ines@copperfield.example Tue Nov 17 09:00:00 2026\n" +
                           DamagedMessageNamed("good-first").bytes + "\n";
  const std::string junk = "From ines@copperfield.example Tue Nov 17 09:05:00 2026\n\x01\x02\n";
  const std::string cut =
      "From ines@copperfield.example Tue Nov 17 09:06:00 2026\nFrom: Ines Varga\nSubj";
  // An entry with nothing of a message is skipped, and so is the last one, cut inside its headers
  // (GMime gives no message for it); each is named with its byte range.
  const std::string path = WriteIn(dir_, "cut.mbox", good + junk + "\n" + cut);
  Read(path, MailFormat::kMbox);
  ASSERT_TRUE(result_) << result_.error().ToString();
  ASSERT_EQ(mail_.size(), 1u) << AllNotices();
  EXPECT_EQ(mail_[0].message.id, "good-first@copperfield");
  const size_t cut_at = good.size() + junk.size() + 1;
  EXPECT_EQ(AllNotices(),
            path + ":bytes " + std::to_string(good.size()) + "-" +
                std::to_string(good.size() + junk.size()) +
                ": not a mail message (no headers); skipped, the rest of the mbox is read\n" +
                path + ":bytes " + std::to_string(cut_at) + "-" +
                std::to_string(cut_at + cut.size()) +
                ": message cut short inside its headers; skipped, the rest of the mbox is read\n");
}

TEST_F(DamagedMailTest, BodyLineStartingWithFromIsNotTakenForACutMessage) {
  // No empty line before either "From " line, but neither has a date and a header after it.
  const std::string body =
      "Dear Tomas,\nFrom what I hear the ledger is late.\nFrom ines Tue Nov 17 09:00:00 2026\n"
      "and that is all.\n";
  const std::string path =
      WriteIn(dir_, "one.mbox",
              "From ines@copperfield.example Tue Nov 17 09:00:00 2026\n" +
                  testing::Message("one@x", "Ines <ines@copperfield.example>", "x", body));
  Read(path, MailFormat::kMbox);
  ASSERT_EQ(mail_.size(), 1u) << AllNotices();
  EXPECT_EQ(mail_[0].body.text, body);
  EXPECT_EQ(AllNotices(), "");
}

// `tonewatch analyze` on the same mail: every message is a report, the damage is in the mail
// notices, and no input fails.
class DamagedMailPipelineTest : public DamagedMailTest {
 protected:
  std::vector<MessageReport> Analyze(const std::string& path) {
    InputPipeline pipeline(testing::FixtureEngine(), PipelineOptions{});
    std::vector<MessageReport> out;
    auto keep = [&](ThreadReport&& t) {
      for (MessageReport& m : t.messages) out.push_back(std::move(m));
    };
    failures_ = pipeline.Add(path, keep);
    pipeline.FinishMail(keep);
    notices_ = pipeline.TakeMailErrors();
    stats_ = pipeline.stats();
    return out;
  }

  // Every message of DamagedMessages() is among `reports`, with the words it must still show.
  void ExpectEveryMessageAnalyzed(const std::vector<MessageReport>& reports) {
    for (const DamagedMessage& m : DamagedMessages()) {
      SCOPED_TRACE(m.name);
      auto it = std::find_if(reports.begin(), reports.end(),
                             [&](const MessageReport& r) { return r.id == m.id; });
      ASSERT_NE(it, reports.end());
      if (m.finding.empty()) {
        EXPECT_EQ(it->heat, 0);
        continue;
      }
      EXPECT_TRUE(std::any_of(
          it->findings.begin(), it->findings.end(),
          [&](const Finding& f) { return f.text.find(m.finding) != std::string::npos; }))
          << it->findings.size() << " findings";
    }
  }

  std::vector<Error> failures_;
  PipelineStats stats_;
};

TEST_F(DamagedMailPipelineTest, MboxWithBinaryInsideIsAnalyzedWhole) {
  const std::string path = WriteIn(dir_, "export.mbox", MakeDamagedMbox(DamagedMessages()).bytes);
  const std::vector<MessageReport> reports = Analyze(path);
  EXPECT_TRUE(failures_.empty()) << failures_.front().ToString();
  EXPECT_EQ(stats_.files, 1u);
  EXPECT_EQ(stats_.messages, 8u);
  EXPECT_EQ(reports.size(), 8u);
  ExpectEveryMessageAnalyzed(reports);
  EXPECT_EQ(notices_.size(), 6u) << AllNotices();
}

TEST_F(DamagedMailPipelineTest, MaildirWithBinaryInsideIsAnalyzedWhole) {
  for (const DamagedMessage& m : DamagedMessages()) {
    WriteIn(dir_, "Maildir/cur/" + m.name + ":2,S", m.bytes);
  }
  const std::vector<MessageReport> reports = Analyze((dir_.path() / "Maildir").string());
  EXPECT_TRUE(failures_.empty()) << failures_.front().ToString();
  EXPECT_EQ(stats_.files, 8u);
  EXPECT_EQ(reports.size(), 8u);
  ExpectEveryMessageAnalyzed(reports);
  EXPECT_EQ(notices_.size(), 6u) << AllNotices();
}

TEST_F(DamagedMailPipelineTest, OnlyAFileThatStartsBinaryIsRefused) {
  WriteIn(dir_, "in/picture.png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR"s);
  WriteIn(dir_, "in/notes.txt", "Tomas, the ledger\0 is late. This is unacceptable.\n"s);
  WriteIn(dir_, "in/nul.eml", DamagedMessageNamed("nul-in-body").bytes);
  const std::vector<MessageReport> reports = Analyze((dir_.path() / "in").string());
  ASSERT_EQ(failures_.size(), 1u);
  EXPECT_EQ(failures_[0].ToString(),
            (dir_.path() / "in/picture.png").string() +
                ": not text or mail (NUL byte at offset 8) (not analyzed)");
  EXPECT_EQ(reports.size(), 2u);
}

}  // namespace
}  // namespace tonewatch
