#include "analyzers/readers/text_reader.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "analyzers/readers/byte_source.h"
#include "tests/support/test_support.h"

namespace tonewatch {
namespace {

using testing::PipeFeed;
using testing::TempDir;
using testing::WriteFile;

// More than any test here should ever see: a reader that does not stop fails the test instead of
// hanging it.
constexpr size_t kRunaway = 100000;

struct Piece {
  std::string text;
  uint64_t offset = 0;
};

std::vector<Piece> AllPieces(ByteSource& source, size_t max_piece) {
  PieceReader reader(source, max_piece);
  std::vector<Piece> pieces;
  for (;;) {
    Piece p;
    auto more = reader.Next(&p.text, &p.offset);
    EXPECT_TRUE(more) << more.error().ToString();
    if (!more || !*more) break;
    pieces.push_back(std::move(p));
    if (pieces.size() > kRunaway) {
      ADD_FAILURE() << "PieceReader does not stop";
      break;
    }
  }
  return pieces;
}

std::vector<Line> AllLines(ByteSource& source, size_t max_line) {
  LineReader reader(source, max_line);
  std::vector<Line> lines;
  for (;;) {
    Line line;
    auto more = reader.Next(&line);
    EXPECT_TRUE(more) << more.error().ToString();
    if (!more || !*more) break;
    lines.push_back(std::move(line));
    if (lines.size() > kRunaway) {
      ADD_FAILURE() << "LineReader does not stop: " << lines.size() << " lines so far";
      break;
    }
  }
  return lines;
}

ByteSource OpenOrDie(const std::string& path) {
  auto source = ByteSource::Open(path);
  EXPECT_TRUE(source) << source.error().ToString();
  if (!source) std::abort();
  return std::move(*source);
}

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The pieces cover the input exactly, each at most `max`, none starting inside a character, and
// each offset is the sum of the sizes before it.
void ExpectPiecesOf(const std::string& input, const std::vector<Piece>& pieces, size_t max) {
  std::string joined;
  for (const Piece& p : pieces) {
    EXPECT_EQ(p.offset, joined.size());
    EXPECT_LE(p.text.size(), max);
    EXPECT_FALSE(p.text.empty());
    EXPECT_FALSE(IsContinuation(p.text[0])) << "piece at " << p.offset << " starts mid-character";
    joined += p.text;
  }
  EXPECT_TRUE(joined == input) << "pieces do not add up to the input";
}

std::string Sentences(size_t bytes) {
  static const std::vector<std::string> kLines = {
      "Thanks for the update on the release.",
      "We waited all week and this is unacceptable.",
      "J\xC3\xBCrgen said the \xE2\x80\x9C"
      "fix\xE2\x80\x9D is live \xF0\x9F\x98\x80 now.",
      "Stra\xC3\x9F"
      "e and \xE6\x97\xA5\xE6\x9C\xAC are on the list.",
  };
  std::string out;
  for (size_t i = 0; out.size() < bytes; ++i) {
    out += kLines[i % kLines.size()];
    out += (i % 3 == 2) ? "\n" : " ";
  }
  return out;
}

TEST(PieceReader, CutsAfterALineBreakWhenThereIsOne) {
  TempDir dir;
  const std::string input = Sentences(50000);
  WriteFile(dir.File("in.txt"), input);
  ByteSource source = OpenOrDie(dir.File("in.txt"));
  const std::vector<Piece> pieces = AllPieces(source, 1000);
  ExpectPiecesOf(input, pieces, 1000);
  ASSERT_GT(pieces.size(), 40u);
  // Lines are well under half a piece, so every piece but the last ends a line.
  for (size_t i = 0; i + 1 < pieces.size(); ++i) {
    EXPECT_EQ(pieces[i].text.back(), '\n') << "piece " << i;
    EXPECT_GE(pieces[i].text.size(), 500u) << "piece " << i;
  }
}

TEST(PieceReader, CutsAfterASpaceWithoutLineBreaks) {
  TempDir dir;
  std::string input;
  while (input.size() < 30000) input += "caf\xC3\xA9 is closed today \xF0\x9F\x98\x80 ";
  WriteFile(dir.File("in.txt"), input);
  ByteSource source = OpenOrDie(dir.File("in.txt"));
  const std::vector<Piece> pieces = AllPieces(source, 700);
  ExpectPiecesOf(input, pieces, 700);
  for (size_t i = 0; i + 1 < pieces.size(); ++i) EXPECT_EQ(pieces[i].text.back(), ' ') << i;
}

TEST(PieceReader, NeverCutsInsideACharacterWithoutSpaces) {
  // 2-, 3- and 4-byte characters and no break anywhere: cuts land on character boundaries.
  for (const std::string unit :
       {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"}) {
    SCOPED_TRACE(unit);
    TempDir dir;
    std::string input;
    while (input.size() < 20000) input += unit;
    WriteFile(dir.File("in.txt"), input);
    for (size_t max : {4096u, 4097u, 4098u, 4099u}) {
      SCOPED_TRACE(max);
      ByteSource again = OpenOrDie(dir.File("in.txt"));
      const std::vector<Piece> pieces = AllPieces(again, max);
      ExpectPiecesOf(input, pieces, max);
      for (const Piece& p : pieces) {
        EXPECT_GE(p.text.size() + 3, std::min<size_t>(max, input.size() - p.offset));
      }
    }
  }
}

TEST(PieceReader, SmallInputIsOnePieceAndEmptyInputNone) {
  TempDir dir;
  WriteFile(dir.File("small.txt"), "just this");
  WriteFile(dir.File("empty.txt"), "");
  ByteSource small = OpenOrDie(dir.File("small.txt"));
  const std::vector<Piece> pieces = AllPieces(small, 4096);
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_EQ(pieces[0].text, "just this");
  ByteSource empty = OpenOrDie(dir.File("empty.txt"));
  EXPECT_TRUE(AllPieces(empty, 4096).empty());
}

TEST(PieceReader, PipeDeliveringOddChunks) {
  const std::string input = Sentences(40000);
  PipeFeed feed(input, 777);
  ExpectPiecesOf(input, AllPieces(feed.source(), 4096), 4096);
}

std::vector<std::string> Texts(const std::vector<Line>& lines) {
  std::vector<std::string> out;
  for (const Line& l : lines) out.push_back(l.text);
  return out;
}

TEST(LineReader, StripsLineBreaksAndNumbersLines) {
  TempDir dir;
  WriteFile(dir.File("in.txt"), "first\r\nsecond\n\nfourth\r\n");
  ByteSource source = OpenOrDie(dir.File("in.txt"));
  const std::vector<Line> lines = AllLines(source, 100);
  EXPECT_EQ(Texts(lines), (std::vector<std::string>{"first", "second", "", "fourth"}));
  ASSERT_EQ(lines.size(), 4u);
  for (size_t i = 0; i < lines.size(); ++i) {
    EXPECT_EQ(lines[i].number, i + 1);
    EXPECT_FALSE(lines[i].too_long);
    EXPECT_EQ(lines[i].length, lines[i].text.size());
  }
  EXPECT_EQ(lines[0].offset, 0u);
  EXPECT_EQ(lines[1].offset, 7u);
  EXPECT_EQ(lines[2].offset, 14u);
  EXPECT_EQ(lines[3].offset, 15u);
}

TEST(LineReader, LastLineWithoutLineBreakIsStillALine) {
  TempDir dir;
  WriteFile(dir.File("in.txt"), "one\ntwo");
  ByteSource source = OpenOrDie(dir.File("in.txt"));
  EXPECT_EQ(Texts(AllLines(source, 100)), (std::vector<std::string>{"one", "two"}));
}

TEST(LineReader, SingleLineWithoutLineBreak) {
  TempDir dir;
  WriteFile(dir.File("in.txt"), "only line");
  ByteSource source = OpenOrDie(dir.File("in.txt"));
  EXPECT_EQ(Texts(AllLines(source, 100)), (std::vector<std::string>{"only line"}));
}

TEST(LineReader, EmptyInputHasNoLines) {
  TempDir dir;
  WriteFile(dir.File("empty.txt"), "");
  ByteSource source = OpenOrDie(dir.File("empty.txt"));
  EXPECT_TRUE(AllLines(source, 100).empty());
}

TEST(LineReader, OnlyLineBreaksAreEmptyLines) {
  TempDir dir;
  WriteFile(dir.File("in.txt"), "\n\r\n\n");
  ByteSource source = OpenOrDie(dir.File("in.txt"));
  EXPECT_EQ(Texts(AllLines(source, 100)), (std::vector<std::string>{"", "", ""}));
}

TEST(LineReader, TooLongLineIsReportedWithItsLengthAndSkipped) {
  TempDir dir;
  const std::string input = "short\n" + std::string(25, 'x') + "\nafter\n";
  WriteFile(dir.File("in.txt"), input);
  ByteSource source = OpenOrDie(dir.File("in.txt"));
  const std::vector<Line> lines = AllLines(source, 10);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].text, "short");
  EXPECT_FALSE(lines[0].too_long);
  EXPECT_TRUE(lines[1].too_long);
  EXPECT_EQ(lines[1].length, 25u);
  EXPECT_EQ(lines[1].number, 2u);
  EXPECT_EQ(lines[1].offset, 6u);
  EXPECT_TRUE(lines[1].text.empty());
  EXPECT_EQ(lines[2].text, "after");
  EXPECT_EQ(lines[2].number, 3u);
  EXPECT_EQ(lines[2].offset, 32u);
  EXPECT_FALSE(lines[2].too_long);
}

TEST(LineReader, LineOfExactlyTheLimitIsNotTooLong) {
  TempDir dir;
  WriteFile(dir.File("in.txt"), "0123456789\n0123456789x\n");
  ByteSource source = OpenOrDie(dir.File("in.txt"));
  const std::vector<Line> lines = AllLines(source, 10);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_FALSE(lines[0].too_long);
  EXPECT_EQ(lines[0].text, "0123456789");
  EXPECT_TRUE(lines[1].too_long);
  EXPECT_EQ(lines[1].length, 11u);
}

// "\r\n" is the line break, not part of the line: it counts neither for the limit nor the length.
TEST(LineReader, CrLfDoesNotCountTowardsTheLimit) {
  TempDir dir;
  WriteFile(dir.File("in.txt"), "0123456789\r\n" + std::string(12, 'y') + "\r\nok\r\n");
  ByteSource source = OpenOrDie(dir.File("in.txt"));
  const std::vector<Line> lines = AllLines(source, 10);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_FALSE(lines[0].too_long);
  EXPECT_EQ(lines[0].text, "0123456789");
  EXPECT_EQ(lines[0].length, 10u);
  EXPECT_TRUE(lines[1].too_long);
  EXPECT_EQ(lines[1].length, 12u);
  EXPECT_EQ(lines[2].text, "ok");
}

TEST(LineReader, HugeLineAcrossManyReadsThenNormalLines) {
  // Longer than the reader's internal chunk several times over, through a pipe in odd pieces.
  const std::string huge(300000, 'z');
  const std::string input = "before\n" + huge + "\nafter one\nafter two\n";
  PipeFeed feed(input, 4093);
  const std::vector<Line> lines = AllLines(feed.source(), 1000);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].text, "before");
  EXPECT_TRUE(lines[1].too_long);
  EXPECT_EQ(lines[1].length, huge.size());
  EXPECT_EQ(lines[1].offset, 7u);
  EXPECT_EQ(lines[2].text, "after one");
  EXPECT_EQ(lines[2].offset, 7u + huge.size() + 1);
  EXPECT_EQ(lines[3].text, "after two");
}

TEST(LineReader, HugeLastLineWithoutLineBreak) {
  const std::string input = "before\n" + std::string(200000, 'z');
  PipeFeed feed(input, 65536);
  const std::vector<Line> lines = AllLines(feed.source(), 1000);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(lines[1].too_long);
  EXPECT_EQ(lines[1].length, 200000u);
}

TEST(LineReader, LinesOverAPipeMatchTheFile) {
  const std::string input = Sentences(100000);
  PipeFeed feed(input, 1000);
  const std::vector<Line> lines = AllLines(feed.source(), 4096);
  std::string joined;
  for (const Line& l : lines) {
    EXPECT_EQ(l.offset, joined.size());
    joined += l.text + "\n";
  }
  EXPECT_TRUE(joined == input || joined == input + "\n");
}

TEST(ByteSource, MissingFileIsNotFoundAndSaysSo) {
  TempDir dir;
  const std::string path = dir.File("no-such.txt");
  auto source = ByteSource::Open(path);
  ASSERT_FALSE(source);
  EXPECT_EQ(source.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(source.error().where, path);
  EXPECT_NE(source.error().ToString().find(path), std::string::npos);
  EXPECT_NE(source.error().ToString().find("No such file"), std::string::npos)
      << source.error().ToString();
}

TEST(ByteSource, DirectoryIsUnreadable) {
  TempDir dir;
  auto source = ByteSource::Open(dir.path().string());
  ASSERT_FALSE(source);
  EXPECT_EQ(source.error().code, ErrorCode::kUnreadable);
  EXPECT_NE(source.error().ToString().find(dir.path().string()), std::string::npos);
  EXPECT_NE(source.error().ToString().find("directory"), std::string::npos)
      << source.error().ToString();
}

TEST(ByteSource, FileWithoutReadPermissionIsUnreadable) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads any file: permissions cannot be tested";
  TempDir dir;
  const std::string path = dir.File("secret.txt");
  WriteFile(path, "private");
  ASSERT_EQ(::chmod(path.c_str(), 0), 0);
  auto source = ByteSource::Open(path);
  ASSERT_FALSE(source);
  EXPECT_EQ(source.error().code, ErrorCode::kUnreadable);
  EXPECT_NE(source.error().ToString().find(path), std::string::npos);
  EXPECT_NE(source.error().ToString().find("Permission denied"), std::string::npos)
      << source.error().ToString();
}

TEST(ByteSource, ReadsToTheEndAndAppends) {
  TempDir dir;
  WriteFile(dir.File("in.txt"), "hello world");
  ByteSource source = OpenOrDie(dir.File("in.txt"));
  EXPECT_EQ(source.name(), dir.File("in.txt"));
  std::string out = ">";
  size_t total = 0;
  for (;;) {
    auto n = source.ReadAppend(out, 4);
    ASSERT_TRUE(n);
    if (*n == 0) break;
    EXPECT_LE(*n, 4u);
    total += *n;
  }
  EXPECT_EQ(out, ">hello world");
  EXPECT_EQ(total, 11u);
  auto again = source.ReadAppend(out, 4);
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, 0u);
  EXPECT_EQ(out, ">hello world");
}

TEST(ByteSource, PushedBackBytesComeFirstAndSurviveAMove) {
  TempDir dir;
  WriteFile(dir.File("in.txt"), "world");
  ByteSource source = OpenOrDie(dir.File("in.txt"));
  source.PushBack("lo ");
  source.PushBack("hel");  // in front of what was pushed before
  ByteSource moved = std::move(source);
  std::string out;
  for (;;) {
    auto n = moved.ReadAppend(out, 2);
    ASSERT_TRUE(n);
    if (*n == 0) break;
  }
  EXPECT_EQ(out, "hello world");
}

TEST(ByteSource, ReadAllStopsPastItsLimitNamingTheSource) {
  TempDir dir;
  const std::string path = dir.File("big.txt");
  WriteFile(path, std::string(3 << 20, 'a'));
  ByteSource source = OpenOrDie(path);
  auto all = source.ReadAll(2 << 20);
  ASSERT_FALSE(all);
  EXPECT_EQ(all.error().code, ErrorCode::kBadInput);
  EXPECT_EQ(all.error().where, path);

  ByteSource again = OpenOrDie(path);
  auto fits = again.ReadAll(3 << 20);
  ASSERT_TRUE(fits) << fits.error().ToString();
  EXPECT_EQ(fits->size(), size_t{3} << 20);
}

TEST(ByteSource, DashIsStandardInput) {
  auto source = ByteSource::Open("-");
  ASSERT_TRUE(source);
  EXPECT_EQ(source->name(), "<stdin>");
}

}  // namespace
}  // namespace tonewatch
