// Input that is not a transcript, and input that tests the memory bounds: the errors say what and
// where, and nothing grows without limit.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "analyzers/readers/transcript/json_transcript_reader.h"
#include "analyzers/readers/transcript/notice_log.h"
#include "analyzers/readers/transcript/transcript_lines.h"
#include "tests/transcripts/transcript_test_util.h"

namespace tonewatch {
namespace {

using testing::HasNotice;
using testing::ReadCuesFrom;
using testing::ReadTurnsFrom;

TEST(BadInput, EmptyFileIsAnError) {
  const auto read = ReadTurnsFrom("", "empty.vtt");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.result.error().code, ErrorCode::kBadInput);
  EXPECT_EQ(read.result.error().message, "is empty");
}

TEST(BadInput, ProseIsNotATranscriptUnlessForced) {
  const std::string prose = "Hi team,\nthe release slipped again.\n";
  const auto read = ReadTurnsFrom(prose, "notes.txt");
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.result.error().message.find("not a transcript"), std::string::npos);
  EXPECT_NE(read.result.error().hint.find("--input-format"), std::string::npos);
  // Forced, it is one speaker's text.
  const auto forced = ReadTurnsFrom(prose, "notes.txt", TranscriptFormat::kSpeakerText);
  ASSERT_TRUE(forced.ok());
  ASSERT_EQ(forced.turns.size(), 1u);
  EXPECT_EQ(forced.turns[0].text, "Hi team, the release slipped again.");
}

TEST(BadInput, ForcedSrtOnJsonFindsNoCue) {
  const auto read = ReadTurnsFrom("[{\"text\": \"Hi\"}]\n", "call.json", TranscriptFormat::kSrt);
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.result.error().message.find("no usable srt cue"), std::string::npos)
      << read.result.error().ToString();
}

TEST(BadInput, ControlCharactersMakeItBinary) {
  std::string bytes = "WEBVTT\n";
  for (int i = 0; i < 100; ++i) bytes += "\x01\x02\x03\x04 ";
  const auto read = ReadTurnsFrom(bytes, "controls.vtt");
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.result.error().message.find("control bytes"), std::string::npos);
}

TEST(BadInput, AMonologueOnOneHugeLineBecomesSeveralBoundedTurns) {
  std::string line = "Dana: ";
  while (line.size() < 3 * kMaxTurnBytes) line += "word ";
  // The format is named: the first KiBs hold one speaker's label only, which detection does not
  // take for a conversation (a mail body opening with "Dana:" looks the same).
  const auto read =
      ReadTurnsFrom(line + "\nLee: Done?\n", "long.txt", TranscriptFormat::kSpeakerText);
  ASSERT_TRUE(read.ok()) << read.NoticeList();
  ASSERT_GE(read.turns.size(), 4u);
  size_t words = 0;
  for (size_t i = 0; i + 1 < read.turns.size(); ++i) {
    EXPECT_EQ(read.turns[i].author, "Dana");
    EXPECT_LE(read.turns[i].text.size(), kMaxTurnBytes);
    words +=
        static_cast<size_t>(std::count(read.turns[i].text.begin(), read.turns[i].text.end(), ' ')) +
        1;
  }
  EXPECT_EQ(words, (line.size() - 6) / 5);  // every word kept, none cut in two
  EXPECT_EQ(read.turns.back().author, "Lee");
}

TEST(BadInput, AJsonValuePastTheBoundStopsTheReading) {
  // The bound is 16 MiB in use; a small one here keeps the test fast.
  constexpr size_t kBound = 4096;
  std::string bytes = "[{\"speaker\": \"A\", \"text\": \"Before.\"},\n {\"text\": \"";
  bytes.append(kBound + 10, 'x');
  bytes += "\"}]\n";
  auto source = ByteSource::Open(testing::ScratchFile(bytes, "huge.json").string());
  ASSERT_TRUE(source.has_value());
  auto stream = Utf8Stream::Open(*source);
  ASSERT_TRUE(stream.has_value());
  std::vector<Notice> errors;
  NoticeLog log("huge.json", &errors);
  TranscriptLines lines(*stream, log);
  std::vector<Cue> cues;
  auto stats = ReadJsonCues(
      lines, log, [&](Cue&& cue) { cues.push_back(std::move(cue)); }, kBound);
  ASSERT_TRUE(stats.has_value());
  ASSERT_EQ(cues.size(), 1u);
  EXPECT_EQ(cues[0].text, "Before.");
  EXPECT_TRUE(HasNotice(errors, 2, "a JSON value longer than 4096 bytes; stopped reading here"));
}

TEST(BadInput, ManyCuesStream) {
  std::string bytes = "WEBVTT\n\n";
  constexpr int kCues = 20000;
  for (int i = 0; i < kCues; ++i) {
    bytes += fmt::format("{:02}:{:02}.000 --> {:02}:{:02}.500\n<v {}>Line {}.</v>\n\n", i / 60 % 60,
                         i % 60, i / 60 % 60, i % 60, i % 2 ? "Ana" : "Ben", i);
  }
  const auto read = ReadCuesFrom(bytes, "many.vtt");
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read.cues.size(), static_cast<size_t>(kCues));
  EXPECT_EQ(read.cues.back().text, fmt::format("Line {}.", kCues - 1));
}

TEST(BadInput, NoticesAreCappedAndCounted) {
  std::string bytes = "WEBVTT\n\n";
  for (int i = 0; i < 1000; ++i) bytes += "stray text\n\n";
  bytes += "00:01.000 --> 00:02.000\nOne real cue.\n";
  const auto read = ReadCuesFrom(bytes, "noisy.vtt");
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read.cues.size(), 1u);
  ASSERT_EQ(read.errors.size(), NoticeLog::kMaxNotices + 1);
  EXPECT_EQ(read.errors.back().message, "800 more problems not listed");
}

TEST(BadInput, InvalidUtf8IsReplacedAndReportedWithTheLine) {
  // Enough valid UTF-8 around the damage that the file is still taken as UTF-8.
  const auto read = ReadCuesFrom(
      "WEBVTT\n\n00:01.000 --> 00:02.000\ncafé naïve résumé, bad \xC3\x28 and \xFF\xFE here\n",
      "damaged.vtt");
  ASSERT_TRUE(read.ok());
  ASSERT_EQ(read.cues.size(), 1u);
  EXPECT_EQ(read.cues[0].text,
            "café naïve résumé, bad \xEF\xBF\xBD( and \xEF\xBF\xBD\xEF\xBF\xBD here");
  EXPECT_TRUE(HasNotice(read.errors, 4, "3 invalid UTF-8 sequences replaced with U+FFFD"))
      << read.NoticeList();
}

TEST(BadInput, LinesArriveInBoundedPieces) {
  std::string bytes(TranscriptLines::kMaxLineBytes * 2 + 100, 'a');
  bytes += "\nnext\n";
  auto source = ByteSource::Open(testing::ScratchFile(bytes, "pieces.txt").string());
  ASSERT_TRUE(source.has_value());
  auto stream = Utf8Stream::Open(*source);
  ASSERT_TRUE(stream.has_value());
  NoticeLog log("pieces.txt", nullptr);
  TranscriptLines lines(*stream, log);
  TextLine line;
  std::vector<TextLine> got;
  while (*lines.Next(&line)) got.push_back(line);
  ASSERT_EQ(got.size(), 4u);
  EXPECT_EQ(got[0].text.size(), TranscriptLines::kMaxLineBytes);
  EXPECT_FALSE(got[0].continued);
  EXPECT_TRUE(got[1].continued);
  EXPECT_TRUE(got[2].continued);
  EXPECT_EQ(got[2].number, 1u);
  EXPECT_EQ(got[3].text, "next");
  EXPECT_EQ(got[3].number, 2u);
}

}  // namespace
}  // namespace tonewatch
