// The mail readers on messages written here: what is read, what is reported, what is skipped.
#include "analyzers/readers/mail/mail_reader.h"

#include <gtest/gtest.h>

#include "tests/mail/mail_fixtures.h"

namespace tonewatch {
namespace {

using testing::Message;
using testing::TempDir;
using testing::WriteIn;

constexpr const char* kMarcus = "Marcus Lee <marcus@northwind.example>";

class MailReaderTest : public ::testing::Test {
 protected:
  // Reads `bytes` as a file of `format`; returns the messages, keeps the notices.
  std::vector<ParsedMail> Read(const std::string& bytes, MailFormat format = MailFormat::kMessage) {
    path_ = WriteIn(dir_, "input", bytes);
    std::vector<ParsedMail> out;
    result_ = ReadMailFile(
        path_, format, [&](ParsedMail&& m) { out.push_back(std::move(m)); }, &errors_);
    return out;
  }
  std::string AllErrors() const {
    std::string s;
    for (const auto& e : errors_) s += e.where + ": " + e.message + "\n";
    return s;
  }

  TempDir dir_;
  std::string path_;
  Result<size_t> result_ = 0;
  std::vector<Notice> errors_;
};

TEST_F(MailReaderTest, ReadsHeadersAndPlainBody) {
  auto mail = Read(Message("a1@x", kMarcus, "Invoice", "Could you resend it?\n",
                           "Cc: Legal <legal@northwind.example>\nIn-Reply-To: <p@x>\n"
                           "References: <r@x> <p@x>\n"));
  ASSERT_EQ(mail.size(), 1u);
  const DocMessage& m = mail[0].message;
  EXPECT_EQ(m.id, "a1@x");
  EXPECT_EQ(m.author, kMarcus);
  EXPECT_EQ(m.subject, "Invoice");
  EXPECT_EQ(m.in_reply_to, "p@x");
  EXPECT_EQ(m.references, (std::vector<std::string>{"r@x", "p@x"}));
  EXPECT_EQ(m.recipients.size(), 2u);
  EXPECT_EQ(m.time, "2026-11-17T09:00:00Z");
  ASSERT_TRUE(m.start_ms.has_value());
  EXPECT_EQ(*m.start_ms, 1794906000000);
  EXPECT_EQ(mail[0].body.text, "Could you resend it?\n");
  EXPECT_FALSE(mail[0].body.html);
}

TEST_F(MailReaderTest, DecodesQuotedPrintableAndDeclaredCharset) {
  auto mail = Read(Message("a@x", kMarcus, "x", "Caf=E9 au lait, s'il vous pla=EEt.\n",
                           "Content-Type: text/plain; charset=iso-8859-1\n"
                           "Content-Transfer-Encoding: quoted-printable\n"));
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_EQ(mail[0].body.text, "Caf\xC3\xA9 au lait, s'il vous pla\xC3\xAEt.\n");
}

TEST_F(MailReaderTest, DecodesEncodedWordsInHeaders) {
  auto mail = Read(Message("a@x", "=?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <jm@x.example>",
                           "=?UTF-8?B?UmU6IFLDvGNrZ2FiZQ==?=", "Hallo\n"));
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_EQ(mail[0].message.subject,
            "Re: R\xC3\xBC"
            "ckgabe");
  EXPECT_NE(mail[0].message.author.find("J\xC3\xBCrgen"), std::string::npos);
}

TEST_F(MailReaderTest, DetectsUndeclaredEightBitText) {
  // windows-1252 bytes without a charset parameter.
  auto mail = Read(Message("a@x", kMarcus, "x",
                           "Les \xE9quipes ont re\xE7u la facture, merci beaucoup \xE0 vous.\n",
                           "Content-Type: text/plain\n"));
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_NE(mail[0].body.text.find("\xC3\xA9quipes"), std::string::npos) << mail[0].body.text;
  EXPECT_NE(mail[0].body.text.find("re\xC3\xA7u"), std::string::npos);
}

TEST_F(MailReaderTest, UnknownCharsetIsReadAndReported) {
  auto mail = Read(Message("a@x", kMarcus, "x", "plain words\n",
                           "Content-Type: text/plain; charset=x-no-such-charset\n"));
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_EQ(mail[0].body.text, "plain words\n");
}

TEST_F(MailReaderTest, PrefersPlainInAlternativeAndListsAttachments) {
  const std::string body =
      "--B\nContent-Type: multipart/alternative; boundary=\"A\"\n\n"
      "--A\nContent-Type: text/html\n\n<p>html words</p>\n"
      "--A\nContent-Type: text/plain\n\nplain words\n--A--\n"
      "--B\nContent-Type: application/pdf; name=\"report.pdf\"\n"
      "Content-Disposition: attachment; filename*=UTF-8''R%C3%A9sum%C3%A9.pdf\n"
      "Content-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n"
      "--B\nContent-Type: message/rfc822\n\nFrom: other@x\nSubject: fwd\n\nforwarded words\n"
      "--B--\n";
  auto mail =
      Read(Message("a@x", kMarcus, "x", body, "Content-Type: multipart/mixed; boundary=\"B\"\n"));
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_EQ(mail[0].body.text, "plain words");
  EXPECT_FALSE(mail[0].body.html);
  ASSERT_EQ(mail[0].body.attachments.size(), 1u);
  EXPECT_EQ(mail[0].body.attachments[0], "R\xC3\xA9sum\xC3\xA9.pdf");
  EXPECT_TRUE(mail[0].body.forwarded_message);
}

TEST_F(MailReaderTest, HtmlOnlyMessageIsMarkedHtml) {
  auto mail = Read(Message("a@x", kMarcus, "x", "<html><body><p>Hello</p></body></html>\n",
                           "Content-Type: text/html; charset=utf-8\n"));
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_TRUE(mail[0].body.html);
  EXPECT_NE(mail[0].body.text.find("<p>Hello</p>"), std::string::npos);
}

TEST_F(MailReaderTest, BoundaryThatNeverClosesStillYieldsTheText) {
  auto mail = Read(Message("a@x", kMarcus, "x",
                           "--B\nContent-Type: text/plain\n\nthe words before the cut\n",
                           "Content-Type: multipart/mixed; boundary=\"B\"\n"));
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_NE(mail[0].body.text.find("the words before the cut"), std::string::npos);
}

TEST_F(MailReaderTest, BrokenBase64DoesNotStopTheRead) {
  auto mail = Read(Message("a@x", kMarcus, "x", "SGVsbG8g!!!d29y@@bGQ=\n",
                           "Content-Transfer-Encoding: base64\n"));
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_NE(mail[0].body.text.find("Hello"), std::string::npos);
}

TEST_F(MailReaderTest, EmptyFileIsNotAMessage) {
  auto mail = Read("");
  EXPECT_TRUE(mail.empty());
  ASSERT_FALSE(result_);
  EXPECT_EQ(result_.error().where, path_);
}

TEST_F(MailReaderTest, MissingFileNamesTheFileAndTheReason) {
  std::vector<Notice> errors;
  auto r = ReadMailFile(
      dir_.path().string() + "/nope.eml", MailFormat::kMessage, [](ParsedMail&&) {}, &errors);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  EXPECT_NE(r.error().ToString().find("nope.eml: No such file"), std::string::npos);
}

std::string MboxEntry(const std::string& id, const std::string& body) {
  return "From marcus@northwind.example Tue Nov 17 09:00:00 2026\n" +
         Message(id, kMarcus, "Re: Invoice", body) + "\n";
}

TEST_F(MailReaderTest, SplitsAnMboxAndUnescapesFromLines) {
  const std::string first = MboxEntry("m1@x", "first\n>From the start it was late.\n");
  auto mail =
      Read(first + MboxEntry("m2@x", "second\n") + MboxEntry("m3@x", "third\n"), MailFormat::kMbox);
  ASSERT_TRUE(result_) << result_.error().ToString();
  EXPECT_EQ(*result_, 3u);
  ASSERT_EQ(mail.size(), 3u);
  EXPECT_EQ(mail[0].body.text, "first\nFrom the start it was late.\n");
  EXPECT_EQ(mail[2].message.id, "m3@x");
  EXPECT_EQ(mail[0].message.source_offset, 0u);
  EXPECT_EQ(mail[1].message.source_offset, first.size());
}

TEST_F(MailReaderTest, MboxWithADamagedMessageReadsTheOthers) {
  const std::string damaged = "From junk Tue Nov 17 09:00:00 2026\n\x01\x02 not headers at all\n\n";
  auto mail = Read(MboxEntry("m1@x", "first\n") + damaged + MboxEntry("m3@x", "third\n"),
                   MailFormat::kMbox);
  std::vector<std::string> ids;
  for (const auto& m : mail) ids.push_back(m.message.id);
  EXPECT_NE(std::find(ids.begin(), ids.end(), "m1@x"), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), "m3@x"), ids.end()) << AllErrors();
}

TEST_F(MailReaderTest, RespectsContentLength) {
  // The body contains a line that looks like a separator; Content-Length says it is body.
  const std::string body = "line one\n\nFrom someone else in the text\nline three\n";
  const std::string entry =
      "From a@x Tue Nov 17 09:00:00 2026\n" +
      Message("m1@x", kMarcus, "x", body, "Content-Length: " + std::to_string(body.size()) + "\n") +
      "\n";
  auto mail = Read(entry + MboxEntry("m2@x", "second\n"), MailFormat::kMbox);
  ASSERT_EQ(mail.size(), 2u) << AllErrors();
  EXPECT_NE(mail[0].body.text.find("line three"), std::string::npos);
}

TEST_F(MailReaderTest, LargeAttachmentDoesNotHideTheText) {
  std::string attachment;
  const std::string line(76, 'A');
  for (int i = 0; i < 100000; ++i) attachment += line + "\n";  // ~7.7 MB of base64
  const std::string body =
      "--B\nContent-Type: text/plain\n\nthe actual words\n--B\n"
      "Content-Type: application/octet-stream; name=big.bin\n"
      "Content-Transfer-Encoding: base64\n\n" +
      attachment + "--B--\n";
  auto mail =
      Read(Message("a@x", kMarcus, "x", body, "Content-Type: multipart/mixed; boundary=\"B\"\n"));
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_EQ(mail[0].body.text, "the actual words");
  EXPECT_EQ(mail[0].body.attachments, (std::vector<std::string>{"big.bin"}));
}

}  // namespace
}  // namespace tonewatch
