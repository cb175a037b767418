// Speaker-labelled text: labels, stamps in their several places, headings, continuations.
#include "analyzers/readers/transcript/speaker_text_reader.h"

#include <gtest/gtest.h>

#include "tests/transcripts/transcript_test_util.h"

namespace tonewatch {
namespace {

using testing::Fixture;
using testing::HasNotice;
using testing::ReadCues;
using testing::ReadTurns;
using testing::Speakers;

TEST(SpeakerTextReader, LabelsAndContinuationLines) {
  const auto read = ReadCues(Fixture("text/labelled.txt"), TranscriptFormat::kSpeakerText);
  ASSERT_TRUE(read.ok()) << read.NoticeList();
  ASSERT_EQ(read.cues.size(), 5u);
  EXPECT_EQ(read.cues[0].speaker, "");
  EXPECT_EQ(read.cues[0].text, "Title line before any label.");
  EXPECT_EQ(read.cues[2].speaker, "Support");
  EXPECT_EQ(read.cues[2].text,
            "I'm sorry about that. Let me look into it. It can take a minute to load.");
  EXPECT_EQ(read.cues[2].line, 3u);
  EXPECT_EQ(read.cues[3].speaker, "agent");
  EXPECT_EQ(read.cues[4].speaker, "Customer");
  EXPECT_FALSE(read.cues[4].start_ms.has_value());
  EXPECT_TRUE(HasNotice(read.errors, 1,
                        "text before the first speaker label; kept with an "
                        "unknown speaker"));
  EXPECT_EQ(read.errors.size(), 1u) << read.NoticeList();
}

TEST(SpeakerTextReader, StampsBeforeOrAfterTheName) {
  const auto read = ReadTurns(Fixture("text/stamped.txt"));
  ASSERT_TRUE(read.ok()) << read.NoticeList();
  EXPECT_EQ(Speakers(read.turns), (std::vector<std::string>{"Dana Smith", "Lee Wong", "Dana Smith",
                                                            "Lee Wong", "Dana Smith"}));
  EXPECT_EQ(read.turns[0].start_ms, 5000);
  EXPECT_EQ(read.turns[0].end_ms, 9000);  // where the next turn starts
  EXPECT_EQ(read.turns[1].start_ms, 9000);
  // "[00:00:20] And the first point..." is Dana again, with a stamp: the same turn.
  EXPECT_EQ(read.turns[2].text, "Let's begin. And the first point is pricing.");
  EXPECT_EQ(read.turns[2].start_ms, 12000);
  EXPECT_EQ(read.turns[2].end_ms, 31000);
  // "Lee Wong (00:00:31):", and "10:30 works for me" is words, not a stamp.
  EXPECT_EQ(read.turns[3].start_ms, 31000);
  EXPECT_EQ(read.turns[3].text,
            "Pricing is the problem. 10:30 works for me as a start time, by the way.");
  EXPECT_EQ(read.turns[4].start_ms, 45000);  // "[00:45]"
  EXPECT_FALSE(read.turns[4].end_ms.has_value());
  EXPECT_TRUE(read.errors.empty()) << read.NoticeList();
}

TEST(SpeakerTextReader, SpeakerHeadingsAsMeetingToolsExportThem) {
  const auto read = ReadTurns(Fixture("text/headings.txt"));
  ASSERT_TRUE(read.ok()) << read.NoticeList();
  ASSERT_EQ(read.turns.size(), 2u);
  EXPECT_EQ(read.turns[0].author, "Dana Smith");
  EXPECT_EQ(read.turns[0].text, "Thanks for joining today. Let's get started.");
  EXPECT_EQ(read.turns[0].start_ms, 3000);
  EXPECT_EQ(read.turns[1].author, "Lee Wong");
  EXPECT_EQ(read.turns[1].start_ms, 9000);
}

TEST(SpeakerTextReader, ParsesOneLine) {
  const SpeakerTextLine line = ParseSpeakerTextLine("[01:02:03.500] | Dana: Hi");
  ASSERT_TRUE(line.speaker.has_value());
  EXPECT_EQ(*line.speaker, "Dana");
  EXPECT_EQ(line.stamp_ms, 3723500);
  EXPECT_EQ(line.text, "Hi");
  EXPECT_FALSE(ParseSpeakerTextLine("Just words here.").speaker.has_value());
}

}  // namespace
}  // namespace tonewatch
