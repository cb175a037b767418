// Cues into turns: merging, the size bound, the timing checks and inferred ends.
#include "analyzers/readers/transcript/turn_builder.h"

#include <gtest/gtest.h>

#include <vector>

#include "tests/transcripts/transcript_test_util.h"

namespace tonewatch {
namespace {

using testing::HasNotice;

// Feeds cues to a TurnBuilder and keeps what comes out.
class Builder {
 public:
  explicit Builder(size_t max_turn_bytes = kMaxTurnBytes)
      : log_("call.vtt", &errors_),
        builder_(
            log_, [this](DocMessage&& t) { turns_.push_back(std::move(t)); }, max_turn_bytes) {}

  Builder& Say(std::string speaker, std::string text, std::optional<int64_t> start = std::nullopt,
               std::optional<int64_t> end = std::nullopt) {
    builder_.Add(Cue{std::move(speaker), start, end, std::move(text), ++line_});
    return *this;
  }
  const std::vector<DocMessage>& Turns() {
    builder_.Finish();
    return turns_;
  }
  const std::vector<Notice>& errors() const { return errors_; }

 private:
  std::vector<Notice> errors_;
  NoticeLog log_;
  TurnBuilder builder_;
  std::vector<DocMessage> turns_;
  uint64_t line_ = 0;
};

TEST(TurnBuilder, ConsecutiveCuesOfOneSpeakerMerge) {
  Builder b;
  b.Say("Ana", "Hello.", 0, 1000).Say("Ana", "Still me.", 1000, 2500).Say("Ben", "Hi.", 3000, 4000);
  const auto& turns = b.Turns();
  ASSERT_EQ(turns.size(), 2u);
  EXPECT_EQ(turns[0].id, "turn-1");
  EXPECT_EQ(turns[0].author, "Ana");
  EXPECT_EQ(turns[0].text, "Hello. Still me.");
  EXPECT_EQ(turns[0].start_ms, 0);
  EXPECT_EQ(turns[0].end_ms, 2500);
  EXPECT_EQ(turns[0].source_offset, 1u);
  EXPECT_EQ(turns[1].id, "turn-2");
  EXPECT_EQ(turns[1].source_offset, 3u);
  EXPECT_TRUE(b.errors().empty());
}

TEST(TurnBuilder, UnknownSpeakersMergeWithEachOtherOnly) {
  Builder b;
  b.Say("", "One.").Say("", "Two.").Say("Ana", "Three.").Say("", "Four.");
  const auto& turns = b.Turns();
  ASSERT_EQ(turns.size(), 3u);
  EXPECT_EQ(turns[0].text, "One. Two.");
}

TEST(TurnBuilder, AFullTurnContinuesInANewTurnOfTheSameSpeaker) {
  Builder b(16);
  b.Say("Ana", "0123456789", 0, 1000).Say("Ana", "abcdefghij", 1000, 2000);
  const auto& turns = b.Turns();
  ASSERT_EQ(turns.size(), 2u);
  EXPECT_EQ(turns[1].author, "Ana");
  EXPECT_EQ(turns[1].text, "abcdefghij");
  EXPECT_EQ(turns[1].start_ms, 1000);
}

TEST(TurnBuilder, AnOverlongCueIsCutAndOnlyTheFirstPieceIsTimed) {
  Builder b(12);
  b.Say("Ana", "aaaa bbbb cccc dddd eeee", 0, 9000);
  const auto& turns = b.Turns();
  ASSERT_EQ(turns.size(), 3u);
  EXPECT_EQ(turns[0].text, "aaaa bbbb");
  EXPECT_EQ(turns[1].text, "cccc dddd");
  EXPECT_EQ(turns[2].text, "eeee");
  EXPECT_EQ(turns[0].end_ms, 9000);
  EXPECT_FALSE(turns[1].start_ms.has_value());
  EXPECT_FALSE(turns[2].end_ms.has_value());
  for (const auto& t : turns) EXPECT_LE(t.text.size(), 12u);
}

TEST(TurnBuilder, TimingProblemsAreReportedAndKept) {
  Builder b;
  b.Say("Ana", "One.", 1000, 4000)           // line 1
      .Say("Ana", "Overlaps.", 3000, 5000)   // line 2: same speaker, starts before One ended
      .Say("Ben", "Backwards.", 2000, 2500)  // line 3: before the previous start
      .Say("Ana", "Inverted.", 9000, 8000)   // line 4: ends before it starts
      .Say("Ben", "Next.", 9000, 9500);      // line 5: fine
  const auto& turns = b.Turns();
  ASSERT_EQ(turns.size(), 4u);
  EXPECT_TRUE(
      HasNotice(b.errors(), 2, "before the previous cue of Ana (line 1) ended at 0:04.000"));
  EXPECT_TRUE(HasNotice(b.errors(), 3, "before the previous cue (line 2) started at 0:03.000"));
  EXPECT_TRUE(HasNotice(b.errors(), 4, "ends at 0:08.000, before it starts at 0:09.000"));
  EXPECT_EQ(b.errors().size(), 3u);
  EXPECT_EQ(turns[2].end_ms, 9000);  // taken as ending when it starts
}

TEST(TurnBuilder, AnotherSpeakerStartingEarlyIsAnInterruptionNotAProblem) {
  Builder b;
  b.Say("Ana", "One.", 1000, 4000).Say("Ben", "Cuts in.", 3000, 5000);
  EXPECT_EQ(b.Turns().size(), 2u);
  EXPECT_TRUE(b.errors().empty());
}

TEST(TurnBuilder, ATurnWithoutAnEndEndsWhereTheNextStarts) {
  Builder b;
  b.Say("Dana", "Hi.", 5000)
      .Say("Dana", "More.")
      .Say("Lee", "Hello.", 9000)
      .Say("Dana", "Bye.", 12000);
  const auto& turns = b.Turns();
  ASSERT_EQ(turns.size(), 3u);
  EXPECT_EQ(turns[0].end_ms, 9000);
  EXPECT_EQ(turns[1].end_ms, 12000);
  EXPECT_FALSE(turns[2].end_ms.has_value());
}

}  // namespace
}  // namespace tonewatch
