// SRT: indices or none, markup, speakers, every charset, and the damaged files (fixtures/srt/).
#include "analyzers/readers/transcript/srt_reader.h"

#include <gtest/gtest.h>

#include "tests/transcripts/transcript_test_util.h"

namespace tonewatch {
namespace {

using testing::Fixture;
using testing::HasNotice;
using testing::ReadCues;
using testing::ReadCuesFrom;
using testing::ReadTurns;
using testing::Speakers;

TEST(SrtReader, IndicesMarkupCoordinatesAndCrLf) {
  const auto read = ReadCues(Fixture("srt/basic.srt"));
  ASSERT_TRUE(read.ok()) << read.NoticeList();
  ASSERT_EQ(read.cues.size(), 3u);
  EXPECT_EQ(read.cues[0].text, "Hello, and thanks for joining.");
  EXPECT_EQ(read.cues[0].start_ms, 1000);
  EXPECT_EQ(read.cues[0].end_ms, 3000);
  EXPECT_EQ(read.cues[1].text, "We will start soon.");
  EXPECT_EQ(read.cues[1].end_ms, 6000);
  EXPECT_EQ(read.cues[2].text, "2<3 and 5>1 stay as text.");
  EXPECT_EQ(read.cues[2].line, 11u);  // its timing line
  EXPECT_TRUE(read.errors.empty()) << read.NoticeList();
}

TEST(SrtReader, SubtitlesWithoutSpeakersAreOneTurn) {
  const auto read = ReadTurns(Fixture("srt/basic.srt"));
  ASSERT_TRUE(read.ok());
  ASSERT_EQ(read.turns.size(), 1u);
  EXPECT_EQ(read.turns[0].author, "");
  EXPECT_EQ(read.turns[0].start_ms, 1000);
  EXPECT_EQ(read.turns[0].end_ms, 8000);
}

TEST(SrtReader, WithoutIndicesAndWithDotsBeforeMilliseconds) {
  const auto read = ReadCues(Fixture("srt/no-indices.srt"));
  ASSERT_TRUE(read.ok()) << read.NoticeList();
  ASSERT_EQ(read.cues.size(), 2u);
  EXPECT_EQ(read.cues[1].start_ms, 2500);
  EXPECT_EQ(read.cues[1].text, "Second.");
}

TEST(SrtReader, NameLabelsStartTurnsAndUnlabelledCuesContinueThem) {
  const auto read = ReadTurns(Fixture("srt/speakers.srt"));
  ASSERT_TRUE(read.ok()) << read.NoticeList();
  EXPECT_EQ(Speakers(read.turns), (std::vector<std::string>{"Priya Nair", "Agent", "Priya Nair"}));
  EXPECT_EQ(read.turns[0].text, "Hi, I'm calling about my order. It hasn't arrived yet.");
  EXPECT_EQ(read.turns[0].end_ms, 4000);
  // The index after "Let me check." had no blank line before it.
  EXPECT_EQ(read.turns[1].text, "Sorry about that. Let me check.");
  EXPECT_EQ(read.turns[2].text, "Thanks.");
  EXPECT_TRUE(read.errors.empty()) << read.NoticeList();
}

TEST(SrtReader, EveryUnicodeEncodingWithABomReadsTheSame) {
  for (const char* name :
       {"srt/utf8-bom.srt", "srt/utf16le-bom.srt", "srt/utf16be-bom.srt", "srt/utf32le-bom.srt",
        "srt/utf32be-bom.srt", "srt/utf16le-no-bom.srt"}) {
    SCOPED_TRACE(name);
    const auto read = ReadCues(Fixture(name));
    ASSERT_TRUE(read.ok()) << read.NoticeList();
    ASSERT_EQ(read.cues.size(), 2u);
    EXPECT_EQ(read.cues[0].speaker, "Zoë");
    EXPECT_EQ(read.cues[0].text, "Ça va? Grüße aus Köln — 東京 too 🙂.");
    EXPECT_EQ(read.cues[0].start_ms, 1000);
    EXPECT_EQ(read.cues[1].speaker, "Émile");
    EXPECT_EQ(read.cues[1].line, 6u);
  }
}

TEST(SrtReader, LegacyEightBitIsDetectedAndSaidSo) {
  const auto read = ReadCues(Fixture("srt/windows-1252.srt"));
  ASSERT_TRUE(read.ok()) << read.NoticeList();
  ASSERT_EQ(read.cues.size(), 3u);
  EXPECT_EQ(read.cues[0].speaker, "Señora Núñez");
  EXPECT_EQ(read.cues[1].text, "El envío llegó dañado otra vez. Es “inaceptable”, señora.");
  EXPECT_TRUE(HasNotice(read.errors, 0, "read as windows-1252 (detected)")) << read.NoticeList();
}

TEST(SrtReader, MixedEncodingsAreRepairedAndReportedByLine) {
  const auto read = ReadCues(Fixture("srt/mixed-encodings.srt"));
  ASSERT_TRUE(read.ok()) << read.NoticeList();
  ASSERT_EQ(read.cues.size(), 3u);
  EXPECT_EQ(read.cues[0].text, "Café crème, naïve résumé.");
  EXPECT_EQ(read.cues[1].text, "Caf\xEF\xBF\xBD in Latin-1 here.");
  EXPECT_EQ(read.cues[2].text, "Back to UTF-8: déjà vu.");
  EXPECT_TRUE(HasNotice(read.errors, 7, "1 invalid UTF-8 sequence replaced with U+FFFD"))
      << read.NoticeList();
  EXPECT_EQ(read.errors.size(), 1u);
}

TEST(SrtReader, DamagedCuesAreReportedWithTheirLinesAndTheRestRead) {
  const auto read = ReadCues(Fixture("srt/problems.srt"));
  ASSERT_TRUE(read.ok()) << read.NoticeList();
  ASSERT_EQ(read.cues.size(), 2u);
  EXPECT_EQ(read.cues[0].text, "Fine.");
  EXPECT_EQ(read.cues[1].text, "Also fine.");
  EXPECT_TRUE(HasNotice(read.errors, 5, "cue 2 has no timing line; skipped"));
  EXPECT_TRUE(HasNotice(read.errors, 9, "cue without text; skipped"));
  EXPECT_TRUE(
      HasNotice(read.errors, 12, "malformed timing line \"00:00:05,000 --> 00:00:0-6,000\""));
  EXPECT_TRUE(HasNotice(read.errors, 20, "the last cue has no text (file truncated?)"));
  EXPECT_EQ(read.errors.size(), 4u) << read.NoticeList();
}

TEST(SrtReader, NothingUsableIsAnErrorNamingTheFirstProblem) {
  const auto read = ReadCues(Fixture("srt/only-junk.srt"));
  ASSERT_FALSE(read.ok());
  const Error& error = read.result.error();
  EXPECT_EQ(error.code, ErrorCode::kBadInput);
  EXPECT_EQ(error.where, Fixture("srt/only-junk.srt").string());
  EXPECT_NE(error.message.find("no usable srt cue"), std::string::npos) << error.ToString();
  EXPECT_NE(error.message.find(":1: text outside a cue"), std::string::npos) << error.ToString();
}

TEST(SrtReader, ADigitsLineInsideACueIsText) {
  const auto read =
      ReadCuesFrom("1\n00:00:01,000 --> 00:00:02,000\nThe year was\n1984\n\n", "y.srt");
  ASSERT_TRUE(read.ok());
  ASSERT_EQ(read.cues.size(), 1u);
  EXPECT_EQ(read.cues[0].text, "The year was 1984");
}

}  // namespace
}  // namespace tonewatch
