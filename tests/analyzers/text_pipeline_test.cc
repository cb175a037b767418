#include "analyzers/pipeline/text_pipeline.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "analyzers/text/utf8.h"
#include "tests/support/test_support.h"

namespace tonewatch {
namespace {

using testing::FixtureEngine;
using testing::PipeFeed;
using testing::TempDir;
using testing::WriteFile;

Result<ThreadReport> AnalyzeFile(const std::string& path,
                                 size_t piece_bytes = Engine::kMaxTextBytes) {
  auto source = ByteSource::Open(path);
  if (!source) return source.error();
  return AnalyzeTextSource(FixtureEngine(), *source, piece_bytes);
}

bool HasNotice(const std::vector<Notice>& notices, const std::string& where,
               const std::string& message) {
  return std::any_of(notices.begin(), notices.end(),
                     [&](const Notice& n) { return n.where == where && n.message == message; });
}

std::string Dump(const std::vector<Notice>& notices) {
  std::string out;
  for (const Notice& n : notices) out += n.where + ": " + n.message + "\n";
  return out;
}

size_t CountRule(const std::vector<Finding>& findings, std::string_view rule) {
  return std::count_if(findings.begin(), findings.end(),
                       [&](const Finding& f) { return f.rule == rule; });
}

TEST(AnalyzeTextSource, BinaryDataIsRefusedNamingTheFile) {
  TempDir dir;
  const std::string path = dir.File("archive.zip");
  WriteFile(path, std::string("PK\x03\x04\x14\0\0\0", 8) + "This is unacceptable.");
  auto report = AnalyzeFile(path);
  ASSERT_FALSE(report);
  EXPECT_EQ(report.error().code, ErrorCode::kBadInput);
  EXPECT_EQ(report.error().where, path);
  const std::string text = report.error().ToString();
  EXPECT_NE(text.find(path), std::string::npos) << text;
  EXPECT_NE(text.find("binary"), std::string::npos) << text;
  EXPECT_NE(text.find("NUL byte at offset 5"), std::string::npos) << text;
}

TEST(AnalyzeTextSource, ControlBytesAreBinaryToo) {
  TempDir dir;
  const std::string path = dir.File("data.bin");
  std::string bytes;
  for (int i = 0; i < 300; ++i) bytes.push_back(static_cast<char>(1 + i % 8));
  WriteFile(path, bytes);
  auto report = AnalyzeFile(path);
  ASSERT_FALSE(report);
  EXPECT_EQ(report.error().code, ErrorCode::kBadInput);
  EXPECT_NE(report.error().ToString().find("control bytes"), std::string::npos)
      << report.error().ToString();
}

TEST(AnalyzeTextSource, InvalidUtf8IsListedWithItsOffsetAndAnalysisGoesOn) {
  TempDir dir;
  const std::string path = dir.File("mail.txt");
  const std::string input = "Fine here.\xFF\xE2\x82 This is unacceptable.\n";
  WriteFile(path, input);
  auto report = AnalyzeFile(path);
  ASSERT_TRUE(report) << report.error().ToString();
  EXPECT_TRUE(
      HasNotice(report->errors, path + ":byte 10", "invalid UTF-8 (1 byte) replaced with U+FFFD"))
      << Dump(report->errors);
  EXPECT_TRUE(
      HasNotice(report->errors, path + ":byte 11", "invalid UTF-8 (2 bytes) replaced with U+FFFD"))
      << Dump(report->errors);
  EXPECT_EQ(report->errors.size(), 2u) << Dump(report->errors);

  ASSERT_EQ(report->messages.size(), 1u);
  const MessageReport& message = report->messages[0];
  ASSERT_EQ(message.findings.size(), 1u);
  const Finding& f = message.findings[0];
  EXPECT_EQ(f.rule, "hostility.unacceptable");
  // Offsets index the sanitized text, where each damaged place is one U+FFFD.
  const std::string sanitized = SanitizeUtf8(input).text;
  EXPECT_EQ(sanitized.substr(f.span.begin, f.span.size()), "unacceptable");
  EXPECT_EQ(f.span.begin, sanitized.find("unacceptable"));
  EXPECT_EQ(message.heat, 20);
  EXPECT_EQ(report->heat, 20);
}

// One stray NUL near the start is damage in a text, not the mark of a binary file: it becomes
// U+FFFD, is reported at its offset, and the words around it are analyzed.
TEST(AnalyzeTextSource, StrayNulNearTheStartIsReplacedNotFatal) {
  TempDir dir;
  const std::string path = dir.File("notes.txt");
  const std::string input =
      std::string("Tomas, the ledger\0 is late.", 27) + " This is unacceptable.";
  WriteFile(path, input);
  auto report = AnalyzeFile(path);
  ASSERT_TRUE(report) << report.error().ToString();
  EXPECT_TRUE(HasNotice(report->errors, fmt::format("{}:byte {}", path, input.find('\0')),
                        "NUL byte replaced with U+FFFD"))
      << Dump(report->errors);
  EXPECT_EQ(CountRule(report->messages.at(0).findings, "hostility.unacceptable"), 1u);
}

TEST(AnalyzeTextSource, NulPastTheSniffedStartIsReplacedNotFatal) {
  TempDir dir;
  const std::string path = dir.File("long.txt");
  std::string input;
  while (input.size() < 9000) input += "All good so far. ";
  const size_t nul_at = input.size();
  input += std::string(1, '\0') + " This is unacceptable.";
  WriteFile(path, input);
  auto report = AnalyzeFile(path);
  ASSERT_TRUE(report) << report.error().ToString();
  EXPECT_TRUE(HasNotice(report->errors, fmt::format("{}:byte {}", path, nul_at),
                        "NUL byte replaced with U+FFFD"))
      << Dump(report->errors);
  EXPECT_EQ(CountRule(report->messages.at(0).findings, "hostility.unacceptable"), 1u);
}

// A long text read in small pieces: every finding's offsets still index the sanitized text as a
// whole, every cue is found once, and every damaged byte is reported at its offset in the file.
TEST(AnalyzeTextSource, SmallPiecesKeepOffsetsIntoTheWholeText) {
  TempDir dir;
  const std::string path = dir.File("big.txt");
  const std::vector<std::string> calm = {
      "Thanks for the update on the release, see you Monday.",
      "J\xC3\xBCrgen sent the \xE2\x80\x9C"
      "final\xE2\x80\x9D draft \xF0\x9F\x98\x80 yesterday.",
      "The \xEF\xBC\xB7orkshop in Stra\xC3\x9F"
      "e 5 starts at nine.",
      "We\xC2\xA0"
      "can\xC2\xA0talk tomorrow.",
  };
  std::string input;
  size_t planted = 0;
  std::vector<size_t> damaged;
  for (size_t line = 0; input.size() < 200 * 1024; ++line) {
    if (line % 7 == 3) {
      input += "Frankly this is unacceptable.";
      ++planted;
    } else {
      input += calm[line % calm.size()];
    }
    if (line % 40 == 11) {
      damaged.push_back(input.size());
      input += "\xFF";
    }
    input += "\n";
  }
  WriteFile(path, input);

  auto report = AnalyzeFile(path, 4096);
  ASSERT_TRUE(report) << report.error().ToString();
  const std::string sanitized = SanitizeUtf8(input).text;
  const std::vector<Finding>& findings = report->messages.at(0).findings;
  EXPECT_EQ(CountRule(findings, "hostility.unacceptable"), planted);
  EXPECT_EQ(findings.size(), planted);
  for (const Finding& f : findings) {
    ASSERT_LE(f.span.end, sanitized.size());
    EXPECT_EQ(sanitized.substr(f.span.begin, f.span.size()), f.text)
        << "finding at " << f.span.begin;
    EXPECT_EQ(f.text, "unacceptable");
  }
  for (size_t i = 1; i < findings.size(); ++i) {
    EXPECT_LT(findings[i - 1].span.begin, findings[i].span.begin);
  }
  EXPECT_EQ(report->errors.size(), damaged.size()) << Dump(report->errors);
  for (size_t offset : damaged) {
    EXPECT_TRUE(HasNotice(report->errors, fmt::format("{}:byte {}", path, offset),
                          "invalid UTF-8 (1 byte) replaced with U+FFFD"))
        << offset;
  }
  EXPECT_EQ(report->heat, kMaxHeat);
}

TEST(AnalyzeTextSource, FindingsPastTheLimitAreCountedNotListed) {
  TempDir dir;
  const std::string path = dir.File("rant.txt");
  std::string input;
  for (size_t i = 0; i < kMaxFindingsPerMessage + 100; ++i) input += "This is unacceptable.\n";
  WriteFile(path, input);
  auto report = AnalyzeFile(path);
  ASSERT_TRUE(report) << report.error().ToString();
  const MessageReport& message = report->messages.at(0);
  EXPECT_EQ(message.findings.size(), kMaxFindingsPerMessage);
  EXPECT_EQ(message.omitted_findings, 100u);
  EXPECT_TRUE(HasNotice(report->errors, path, "100 findings past the first 1000 not listed"))
      << Dump(report->errors);
  EXPECT_EQ(message.heat, kMaxHeat);
}

TEST(AnalyzeTextSource, EmptyFileIsOneCalmMessage) {
  TempDir dir;
  const std::string path = dir.File("empty.txt");
  WriteFile(path, "");
  auto report = AnalyzeFile(path);
  ASSERT_TRUE(report) << report.error().ToString();
  EXPECT_EQ(report->source, path);
  EXPECT_EQ(report->heat, 0);
  EXPECT_EQ(report->trend, "unknown");
  EXPECT_FALSE(report->move_off_email.has_value());
  EXPECT_TRUE(report->errors.empty());
  ASSERT_EQ(report->messages.size(), 1u);
  EXPECT_TRUE(report->messages[0].findings.empty());
  EXPECT_EQ(report->messages[0].heat, 0);
  EXPECT_FALSE(report->thread.empty());
  EXPECT_FALSE(report->messages[0].id.empty());
}

TEST(AnalyzeTextSource, ReadsFromAPipe) {
  std::string input;
  for (int i = 0; i < 500; ++i) input += "We waited. This is unacceptable.\n";
  PipeFeed feed(input, 1000);
  auto report = AnalyzeTextSource(FixtureEngine(), feed.source(), 4096);
  ASSERT_TRUE(report) << report.error().ToString();
  EXPECT_EQ(CountRule(report->messages.at(0).findings, "hostility.unacceptable"), 500u);
}

// --each-line

std::vector<LineResult> RunLines(ByteSource& source, size_t max_line) {
  std::vector<LineResult> out;
  auto done = AnalyzeLines(FixtureEngine(), source, max_line, [&](const LineResult& line) {
    out.push_back(line);
    // A reader that never stops would hang the test: stop it by force.
    if (out.size() > 10000) throw std::runtime_error("AnalyzeLines does not stop");
  });
  EXPECT_TRUE(done) << done.error().ToString();
  return out;
}

std::vector<LineResult> RunLinesOf(const std::string& input, size_t max_line,
                                   std::string* name = nullptr) {
  TempDir dir;
  const std::string path = dir.File("lines.txt");
  WriteFile(path, input);
  if (name != nullptr) *name = path;
  auto source = ByteSource::Open(path);
  EXPECT_TRUE(source);
  if (!source) return {};
  try {
    return RunLines(*source, max_line);
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
    return {};
  }
}

TEST(AnalyzeLines, OneResultPerLineInOrder) {
  const std::vector<LineResult> lines = RunLinesOf(
      "This is unacceptable.\n\nthank you\nOK. I will escalate this.\n", kDefaultMaxLineBytes);
  ASSERT_EQ(lines.size(), 4u);
  const std::vector<int> heats = {20, 0, 0, 15};
  for (size_t i = 0; i < lines.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(lines[i].line, i + 1);
    EXPECT_EQ(lines[i].analysis.heat, heats[i]);
    EXPECT_TRUE(lines[i].errors.empty());
  }
  // Offsets are into the line, not the file.
  ASSERT_EQ(lines[3].analysis.findings.size(), 1u);
  EXPECT_EQ(lines[3].analysis.findings[0].span, (Span{11, 24}));
  EXPECT_EQ(lines[3].analysis.findings[0].text, "escalate this");
}

TEST(AnalyzeLines, LastLineWithoutLineBreakIsAnalyzedOnce) {
  const std::vector<LineResult> lines = RunLinesOf("calm\nThis is unacceptable.", 1000);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1].analysis.heat, 20);
}

TEST(AnalyzeLines, TooLongLineIsAnErrorAndTheNextLineIsStillAnalyzed) {
  std::string name;
  const std::vector<LineResult> lines = RunLinesOf(
      "This is unacceptable.\n" + std::string(100, 'x') + "\nI will escalate this.\n", 64, &name);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].analysis.heat, 20);
  EXPECT_EQ(lines[1].line, 2u);
  EXPECT_EQ(lines[1].analysis.heat, 0);
  EXPECT_TRUE(lines[1].analysis.findings.empty());
  ASSERT_EQ(lines[1].errors.size(), 1u);
  EXPECT_EQ(lines[1].errors[0].where, name + ":2");
  EXPECT_EQ(lines[1].errors[0].message, "line is 100 bytes; lines over 64 bytes are not analyzed");
  EXPECT_EQ(lines[2].line, 3u);
  EXPECT_EQ(lines[2].analysis.heat, 15);
  EXPECT_TRUE(lines[2].errors.empty());
}

TEST(AnalyzeLines, DamageIsReportedAtItsOffsetInTheSource) {
  std::string name;
  const std::vector<LineResult> lines =
      RunLinesOf("ok\nbad \xFF here, unacceptable\n", 1000, &name);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(lines[0].errors.empty());
  ASSERT_EQ(lines[1].errors.size(), 1u);
  EXPECT_EQ(lines[1].errors[0].where, name + ":byte 7");
  EXPECT_EQ(lines[1].errors[0].message, "invalid UTF-8 (1 byte) replaced with U+FFFD");
  ASSERT_EQ(lines[1].analysis.findings.size(), 1u);
  // The finding's offsets are into the sanitized line.
  const std::string sanitized = "bad \xEF\xBF\xBD here, unacceptable";
  const Finding& f = lines[1].analysis.findings[0];
  EXPECT_EQ(sanitized.substr(f.span.begin, f.span.size()), "unacceptable");
}

TEST(AnalyzeLines, ManyLinesFromAPipeStayInOrder) {
  std::string input;
  for (int i = 0; i < 2000; ++i) input += (i % 2 == 0) ? "calm line\n" : "This is unacceptable.\n";
  PipeFeed feed(input, 333);
  std::vector<LineResult> lines;
  try {
    lines = RunLines(feed.source(), 1000);
  } catch (const std::exception& e) {
    FAIL() << e.what();
  }
  ASSERT_EQ(lines.size(), 2000u);
  for (size_t i = 0; i < lines.size(); ++i) {
    ASSERT_EQ(lines[i].line, i + 1);
    ASSERT_EQ(lines[i].analysis.heat, i % 2 == 0 ? 0 : 20) << i;
  }
}

}  // namespace
}  // namespace tonewatch
