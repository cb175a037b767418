// WebVTT: the structures of the format, the speakers, and the damaged files (fixtures/vtt/).
#include "analyzers/readers/transcript/vtt_reader.h"

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

constexpr auto kVtt = TranscriptFormat::kVtt;

TEST(VttReader, VoiceTagsNameSpeakersAndMarkupGoes) {
  const auto read = ReadCues(Fixture("vtt/voices.vtt"));
  ASSERT_TRUE(read.ok()) << read.NoticeList();
  ASSERT_EQ(read.cues.size(), 5u);
  EXPECT_EQ(read.cues[0].speaker, "Maria Lopez");
  EXPECT_EQ(read.cues[0].text, "Good morning, this is Maria.");
  EXPECT_EQ(read.cues[1].speaker, "Tom Becker");  // <v.loud Tom Becker>
  EXPECT_EQ(read.cues[1].text, "Morning. I have a serious question & a complaint.");
  EXPECT_EQ(read.cues[2].text, "The report still shows the old numbers <again>.");
  // One cue, two voices: two cues with the cue's times.
  EXPECT_EQ(read.cues[3].speaker, "Maria Lopez");
  EXPECT_EQ(read.cues[4].speaker, "Tom Becker");
  EXPECT_EQ(read.cues[4].text, "Thanks.");
  EXPECT_EQ(read.cues[4].start_ms, 8200);
  EXPECT_EQ(read.cues[4].line, 12u);
  EXPECT_TRUE(read.errors.empty()) << read.NoticeList();
}

TEST(VttReader, ConsecutiveCuesOfOneVoiceAreOneTurn) {
  const auto read = ReadTurns(Fixture("vtt/voices.vtt"));
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(Speakers(read.turns),
            (std::vector<std::string>{"Maria Lopez", "Tom Becker", "Maria Lopez", "Tom Becker"}));
  EXPECT_EQ(read.turns[1].start_ms, 3500);
  EXPECT_EQ(read.turns[1].end_ms, 8000);
}

TEST(VttReader, HeaderNotesStylesRegionsIdentifiersAndSettings) {
  const auto read = ReadCues(Fixture("vtt/structure.vtt"));
  ASSERT_TRUE(read.ok()) << read.NoticeList();
  ASSERT_EQ(read.cues.size(), 3u);
  EXPECT_EQ(read.cues[0].text, "Hello and welcome to the call.");  // two lines, one cue
  EXPECT_EQ(read.cues[0].start_ms, 1000);                          // "00:01.000": no hours
  EXPECT_EQ(read.cues[0].end_ms, 4000);
  EXPECT_EQ(read.cues[0].speaker, "");
  EXPECT_EQ(read.cues[1].speaker, "Speaker 2");  // a "Name:" label in a cue
  EXPECT_EQ(read.cues[1].text, "Thanks for having me.");
  // No blank line before it: the timing line still starts a cue, by the same speaker.
  EXPECT_EQ(read.cues[2].start_ms, 6250);
  EXPECT_EQ(read.cues[2].speaker, "Speaker 2");
  EXPECT_TRUE(read.errors.empty()) << read.NoticeList();
}

TEST(VttReader, ShortTeamsTimestamps) {
  const auto read = ReadTurns(Fixture("vtt/teams.vtt"));
  ASSERT_TRUE(read.ok()) << read.NoticeList();
  ASSERT_EQ(read.turns.size(), 3u);
  EXPECT_EQ(read.turns[0].end_ms, 2570);
  EXPECT_EQ(read.turns[1].start_ms, 2210);
  EXPECT_EQ(read.turns[2].start_ms, 4500);
  EXPECT_EQ(read.turns[2].end_ms, 7250);
  EXPECT_TRUE(read.errors.empty()) << read.NoticeList();
}

TEST(VttReader, HeaderOnlyFileHasNoTurnsAndNoError) {
  const auto read = ReadTurns(Fixture("vtt/header-only.vtt"));
  ASSERT_TRUE(read.ok()) << read.NoticeList();
  EXPECT_TRUE(read.turns.empty());
  EXPECT_TRUE(read.errors.empty());
  EXPECT_TRUE(testing::ReadTurnsFrom("WEBVTT", "bare.vtt").ok());
}

TEST(VttReader, TruncatedLastCueIsReportedAndTheRestRead) {
  const auto read = ReadTurns(Fixture("vtt/truncated.vtt"));
  ASSERT_TRUE(read.ok()) << read.NoticeList();
  ASSERT_EQ(read.turns.size(), 2u);
  EXPECT_EQ(read.turns[1].text, "Second cue is complete too.");
  EXPECT_TRUE(HasNotice(read.errors, 9,
                        "malformed timing line \"00:00:05.000 --> 00:00:0\" at the "
                        "end of the file (truncated?)"))
      << read.NoticeList();
  EXPECT_EQ(read.errors[0].where, Fixture("vtt/truncated.vtt").string() + ":9");
}

TEST(VttReader, TimingLineWithoutTextAtTheEndIsReported) {
  const auto read = ReadCuesFrom(
      "WEBVTT\n\n00:01.000 --> 00:02.000\nHi.\n\n00:03.000 --> 00:04.000\n", "cut.vtt");
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read.cues.size(), 1u);
  EXPECT_TRUE(HasNotice(read.errors, 6, "the last cue has no text (file truncated?)"))
      << read.NoticeList();
}

TEST(VttReader, OverlappingAndBackwardTimesAreReportedAndKept) {
  const auto read = ReadTurns(Fixture("vtt/timing-problems.vtt"));
  ASSERT_TRUE(read.ok()) << read.NoticeList();
  EXPECT_EQ(Speakers(read.turns), (std::vector<std::string>{"Ana", "Ben", "Ana"}));
  EXPECT_EQ(read.turns[0].text, "One. Two overlaps one.");
  EXPECT_TRUE(HasNotice(read.errors, 6, "before the previous cue of Ana (line 3) ended"));
  EXPECT_TRUE(HasNotice(read.errors, 9, "before the previous cue (line 6) started"));
  EXPECT_TRUE(HasNotice(read.errors, 12, "before it starts"));
  EXPECT_EQ(read.errors.size(), 3u) << read.NoticeList();
}

TEST(VttReader, CueWithoutTextIsReportedAndSkipped) {
  const auto read = ReadTurns(Fixture("vtt/no-text.vtt"));
  ASSERT_TRUE(read.ok()) << read.NoticeList();
  EXPECT_EQ(Speakers(read.turns), (std::vector<std::string>{"Ana", "Ben"}));
  EXPECT_TRUE(HasNotice(read.errors, 6, "cue without text; skipped"));
  EXPECT_TRUE(HasNotice(read.errors, 11, "cue without text; skipped"));  // markup only
  EXPECT_EQ(read.errors.size(), 2u) << read.NoticeList();
}

TEST(VttReader, MalformedTimingAndStrayTextAreSkipped) {
  const auto read = ReadCues(Fixture("vtt/bad-blocks.vtt"));
  ASSERT_TRUE(read.ok()) << read.NoticeList();
  ASSERT_EQ(read.cues.size(), 2u);
  EXPECT_EQ(read.cues[1].text, "Good two.");
  EXPECT_TRUE(HasNotice(read.errors, 6,
                        "malformed timing line \"00:00:02.000 --> 00:00:0x.000\"; "
                        "cue skipped"));
  EXPECT_TRUE(HasNotice(read.errors, 9, "text outside a cue (no timing line); skipped"));
}

TEST(VttReader, ForcedOnAFileWithoutTheHeaderFails) {
  const auto read = ReadTurns(Fixture("vtt/no-header.vtt"), kVtt);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.result.error().code, ErrorCode::kBadInput);
  EXPECT_EQ(read.result.error().where, Fixture("vtt/no-header.vtt").string() + ":1");
  EXPECT_NE(read.result.error().message.find("must be \"WEBVTT\""), std::string::npos);
}

TEST(VttReader, WithoutTheHeaderDetectionReadsItAsSrt) {
  const auto read = ReadCues(Fixture("vtt/no-header.vtt"));
  ASSERT_TRUE(read.ok()) << read.NoticeList();
  EXPECT_EQ(read.cues.size(), 2u);
}

TEST(VttReader, BinaryJunkWithAVttNameIsAClearError) {
  const auto read = ReadTurns(Fixture("vtt/junk.vtt"));
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.result.error().code, ErrorCode::kBadInput);
  EXPECT_EQ(read.result.error().where, Fixture("vtt/junk.vtt").string());
  EXPECT_NE(read.result.error().message.find("binary data"), std::string::npos)
      << read.result.error().ToString();
  // Forcing the format changes nothing: junk is junk.
  EXPECT_FALSE(ReadTurns(Fixture("vtt/junk.vtt"), kVtt).ok());
  EXPECT_TRUE(read.turns.empty());
}

}  // namespace
}  // namespace tonewatch
