// Timestamps and timing lines as caption tools write them, and the "Name:" speaker labels.
#include "analyzers/readers/transcript/timestamp.h"

#include <gtest/gtest.h>

#include "analyzers/readers/transcript/speaker_label.h"

namespace tonewatch {
namespace {

TEST(Timestamp, ReadsTheFormsToolsWrite) {
  struct Case {
    const char* text;
    int64_t ms;
  };
  const Case cases[] = {
      {"00:00:06,500", 6500},          // SRT
      {"00:00:06.500", 6500},          // WebVTT
      {"01:02:03.004", 3723004},       //
      {"02:03.250", 123250},           // WebVTT without hours
      {"0:0:0.570", 570},              // Microsoft Teams
      {"0:0:4.5", 4500},               // one fraction digit is tenths
      {"0:0:7.25", 7250},              //
      {"00:00:01", 1000},              // no fraction
      {"1088:42:00.500", 3919320500},  // HLS timestamps run past 24 hours
      {"00:00:01.123456", 1123},       // extra fraction digits are cut, not rounded
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    ASSERT_TRUE(ParseTimestamp(c.text).has_value());
    EXPECT_EQ(*ParseTimestamp(c.text), c.ms);
  }
}

TEST(Timestamp, RejectsDamage) {
  for (const char* text : {"", "12", "00:00:1d.890", "00:60:00.000", "00:00:60.000", "1:2:3:4",
                           "00:00:01.", "00: 00:01", "-00:00:01", "00:00:01.5x", "a:00:01"}) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(ParseTimestamp(text).has_value());
  }
}

TEST(TimingLine, ReadsStartEndAndIgnoresSettings) {
  auto timing = ParseTimingLine("00:00:01.000 --> 00:00:02.500 align:start position:10%");
  ASSERT_TRUE(timing.has_value());
  EXPECT_EQ(timing->start_ms, 1000);
  EXPECT_EQ(timing->end_ms, 2500);
  timing = ParseTimingLine("00:00:21,501 --> 00:00:22,500  X1:000 X2:000 Y1:050 Y2:100");
  ASSERT_TRUE(timing.has_value());
  EXPECT_EQ(timing->end_ms, 22500);
  timing = ParseTimingLine("00:00:01,000-->00:00:02,000");
  ASSERT_TRUE(timing.has_value());
  EXPECT_EQ(timing->end_ms, 2000);
}

TEST(TimingLine, RejectsAMalformedSide) {
  EXPECT_FALSE(ParseTimingLine("00:00:07.000 --> 00:00:1d.890"));
  EXPECT_FALSE(ParseTimingLine("00:00:05.000 --> 00:00:0"));
  EXPECT_FALSE(ParseTimingLine("00:00:05.000 00:00:06.000"));
  EXPECT_TRUE(HasTimingArrow("00:00:05.000 --> 00:00:0"));
}

TEST(Timestamp, FormatsForMessages) {
  EXPECT_EQ(FormatTimestamp(6500), "0:06.500");
  EXPECT_EQ(FormatTimestamp(3723004), "1:02:03.004");
}

TEST(SpeakerLabel, SplitsNamesFromText) {
  struct Case {
    const char* line;
    const char* speaker;
    const char* text;
  };
  const Case cases[] = {
      {"Jordan Reyes: It failed again.", "Jordan Reyes", "It failed again."},
      {"Speaker 2: Yes.", "Speaker 2", "Yes."},
      {"Dr. O'Brien-Smith: Noted.", "Dr. O'Brien-Smith", "Noted."},
      {"Émilie: Bonjour.", "Émilie", "Bonjour."},
      {"Agent (Sam): One moment.", "Agent (Sam)", "One moment."},
      {"Customer:", "Customer", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    auto label = SplitSpeakerLabel(c.line, false);
    ASSERT_TRUE(label.has_value());
    EXPECT_EQ(label->speaker, c.speaker);
    EXPECT_EQ(label->text, c.text);
  }
}

TEST(SpeakerLabel, SentencesWithColonsAreNotLabels) {
  for (const char* line :
       {"Remember this: it matters.", "10:30 works for me.", "See http://x.y",
        "The thing we said last week: no.", "2 things: price and time.", "Why? Because: reasons.",
        "A Very Long Name Of Thirteen Words That Goes On And On Still: words"}) {
    SCOPED_TRACE(line);
    EXPECT_FALSE(SplitSpeakerLabel(line, false).has_value());
  }
}

TEST(SpeakerLabel, OneLowerCaseWordOnlyWhenAllowed) {
  EXPECT_FALSE(SplitSpeakerLabel("agent: hello", false).has_value());
  ASSERT_TRUE(SplitSpeakerLabel("agent: hello", true).has_value());
  EXPECT_FALSE(SplitSpeakerLabel("so what I mean: hello", true).has_value());
}

}  // namespace
}  // namespace tonewatch
