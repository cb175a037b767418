// Cue markup: what is dropped, what is decoded, what stays text, and who speaks.
#include "analyzers/readers/transcript/cue_text.h"

#include <gtest/gtest.h>

namespace tonewatch {
namespace {

TEST(VttCueText, DropsTagsAndDecodesReferences) {
  const auto voices = CleanVttCue({"<c.colorE5E5E5>this<00:05:04.199><c> will</c></c> &amp; "
                                   "<i>won't</i> &lt;3&gt; &#233;&#x4E2D;"},
                                  {});
  ASSERT_EQ(voices.size(), 1u);
  EXPECT_EQ(voices[0].speaker, "");
  EXPECT_EQ(voices[0].text, "this will & won't <3> é中");
}

TEST(VttCueText, JoinsLinesWithOneSpace) {
  const auto voices = CleanVttCue({"  Hello and welcome ", "", "to   the call.  "}, {});
  ASSERT_EQ(voices.size(), 1u);
  EXPECT_EQ(voices[0].text, "Hello and welcome to the call.");
}

TEST(VttCueText, VoiceTagsWithClassesNameTheSpeaker) {
  const auto voices = CleanVttCue({"<v.loud.fast Tom Becker>Hi.</v>"}, {});
  ASSERT_EQ(voices.size(), 1u);
  EXPECT_EQ(voices[0].speaker, "Tom Becker");
  EXPECT_EQ(voices[0].text, "Hi.");
}

TEST(VttCueText, SeveralVoicesInOneCueSplit) {
  const auto voices =
      CleanVttCue({"<v Ana>Are you there?</v>", "<v Ben>Yes.</v> <v Ana>Good.</v>"}, {});
  ASSERT_EQ(voices.size(), 3u);
  EXPECT_EQ(voices[0].speaker, "Ana");
  EXPECT_EQ(voices[1].speaker, "Ben");
  EXPECT_EQ(voices[1].text, "Yes.");
  EXPECT_EQ(voices[2].speaker, "Ana");
  EXPECT_EQ(voices[2].text, "Good.");
}

TEST(VttCueText, MarkupOnlyLeavesNothing) {
  EXPECT_TRUE(CleanVttCue({"<i></i>", "<v Ana></v>"}, {}).empty());
}

TEST(VttCueText, ALoneLessThanIsText) {
  const auto voices = CleanVttCue({"2 < 3 and <"}, {});
  ASSERT_EQ(voices.size(), 1u);
  EXPECT_EQ(voices[0].text, "2 < 3 and <");
}

TEST(SrtCueText, DropsHtmlTagsAndAssOverrides) {
  EXPECT_EQ(CleanSrtCue({"{\\an8}<font color=\"#ff00ff\"><i>Some italic</i></font> text",
                         "<b>bold</b> &amp; <u>under</u>"}),
            "Some italic text bold & under");
}

TEST(SrtCueText, ComparisonsAreNotTags) {
  EXPECT_EQ(CleanSrtCue({"2<3,5>1,4<6"}), "2<3,5>1,4<6");
  EXPECT_EQ(CleanSrtCue({">", "<"}), "> <");
}

TEST(TextCut, PrefersASpaceInTheSecondHalf) {
  EXPECT_EQ(TextCutPoint("aaaa bbbb cccc", 12), 10u);
  // No space in the second half: the last character boundary (é is two bytes).
  EXPECT_EQ(TextCutPoint("aaaaé", 5), 4u);
}

}  // namespace
}  // namespace tonewatch
