// Speaker labels as real transcripts write them (titles, parentheses, commas, affiliations, up to
// a dozen words), and lines that may be labels but are not taken: each is reported with its line,
// every time, and its words are never given to the speaker above it.
#include "analyzers/readers/transcript/speaker_label.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/transcripts/transcript_test_util.h"

namespace tonewatch {
namespace {

using testing::Fixture;
using testing::HasNotice;
using testing::ReadCues;
using testing::ReadCuesFrom;
using testing::ReadTurns;
using testing::Speakers;

TEST(SpeakerLabel, TakesTitlesParenthesesCommasAndAffiliations) {
  const char* labels[] = {
      "Ms. Dana Okafor (Brightline, Support Lead)",
      "The Chair (Mr. Tomas Berg)",
      "Hon. Ines Varga (Minister of Trade and Export Development, Copperfield)",
      "Mr. Omar bin Said (Lumen Logistics, Head of Customer Operations, via video link)",
      "Priya Nair, Head of Support and Billing, Northwind",
      "Dr. Lena van der Berg (Brightline)",
      "SEN. MARA QUINN (D-OR)",
      "Agent (Sam) (remote)",
      // Twelve words outside the parentheses, the most a label has.
      "Acting Deputy Director General Ana Ruiz Moreno Of The Northwind Regional Office",
      // Twenty-four inside them.
      "Mr. Kevin Brandt (Parliamentary Secretary to the Minister of Innovation, Science and "
      "Industry and to the Minister of Trade and Export Development, Liberal Party of the North)",
  };
  for (const char* label : labels) {
    SCOPED_TRACE(label);
    const std::string line = std::string(label) + ": We shipped it on Monday.";
    const LabelScan scan = ScanSpeakerLabel(line, false);
    ASSERT_EQ(scan.kind, LabelKind::kLabel) << scan.why;
    EXPECT_EQ(scan.label.speaker, label);
    EXPECT_EQ(scan.label.text, "We shipped it on Monday.");
  }
}

TEST(SpeakerLabel, ALabelShapeThatBreaksALimitIsANearLabelThatSaysWhy) {
  struct Case {
    const char* line;
    const char* why;
  } cases[] = {
      {"Acting Deputy Director General Ana Ruiz Moreno Of The Northwind Regional Office West: "
       "Yes.",
       "13 words; a label has at most 12 outside parentheses"},
      {"Ms. Dana Okafor (Brightline, Support Lead: We can.", "its parentheses do not pair up"},
      {"Ms. Dana Okafor (Brightline (Support)): We can.", "parentheses inside parentheses"},
      {"Dana Okafor (A) (B) (C): We can.", "3 groups in parentheses; a label has at most 2"},
      {"Dana Okafor/Priya Nair: We can.", "a character that names do not have"},
      {"Mr. Kevin Brandt (Parliamentary Secretary to the Minister of Innovation, Science and "
       "Industry and to the Minister of Trade and Export Development, Liberal Party of the North "
       "West): We can.",
       "25 words in parentheses; a label has at most 24"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    const LabelScan scan = ScanSpeakerLabel(c.line, true);
    ASSERT_EQ(scan.kind, LabelKind::kNearLabel);
    EXPECT_EQ(scan.why, c.why);
    EXPECT_FALSE(SplitSpeakerLabel(c.line, true).has_value());
  }
  const std::string long_words =
      "Dana (" + std::string(100, 'B') + " " + std::string(100, 'S') + ")";
  const LabelScan too_long = ScanSpeakerLabel(long_words + ": We can.", true);
  ASSERT_EQ(too_long.kind, LabelKind::kNearLabel);
  EXPECT_EQ(too_long.why, "208 bytes; a label has at most 200");
  const LabelScan scan = ScanSpeakerLabel("Dana Okafor/Priya Nair: We can.", false);
  EXPECT_EQ(NearLabelMessage(scan),
            "\"Dana Okafor/Priya Nair:\" may be a speaker label but is not taken as one (a "
            "character that names do not have); its words are kept apart, with an unknown "
            "speaker");
}

TEST(SpeakerLabel, ProseWithAColonIsNeitherLabelNorNearLabel) {
  for (const char* line :
       {"Back to UTF-8: d\xC3\xA9j\xC3\xA0 vu.", "Welcome to Brightline: hi.",
        "Notes of the day: none.", "Remember this: it matters.", "Why? Because: reasons.",
        "He said (quietly): no.", "10:30 works.", "(laughs): fine.", "2 things: price and time.",
        "Dana said \"Fine\": then left.", "the Chair: order."}) {
    SCOPED_TRACE(line);
    EXPECT_EQ(ScanSpeakerLabel(line, false).kind, LabelKind::kNone);
  }
}

TEST(SpeakerTextReader, CommitteeLabelsAreTakenAndNearLabelsKeptApart) {
  const auto read = ReadCues(Fixture("text/committee.txt"), TranscriptFormat::kSpeakerText);
  ASSERT_TRUE(read.ok()) << read.NoticeList();
  std::vector<std::string> speakers;
  for (const Cue& cue : read.cues) speakers.push_back(cue.speaker);
  EXPECT_EQ(speakers,
            (std::vector<std::string>{
                "The Chair (Mr. Tomas Berg)",
                "Ms. Dana Okafor (Brightline, Support Lead)",
                "Mrs. Ines Varga (Copperfield North, Independent)",
                "The Chair (Mr. Tomas Berg)",
                "Mr. Omar bin Said (Parliamentary Secretary to the Minister of Consumer Services "
                "and Trade, Lib.)",
                "Priya Nair, Head of Support and Billing, Northwind",
                "SEN. MARA QUINN (D-OR)",
                "Mr. Kevin Brandt (Lumen Logistics, Director of Customer Operations, appearing by "
                "video from the Halifax office)",
                "",
                "",
                "The Chair (Mr. Tomas Berg)",
            }));
  // A near label's line and the lines under it are one unknown speaker's, not Mr. Brandt's.
  EXPECT_EQ(read.cues[8].text,
            "Acting Deputy Director General Of The Northwind Regional Customer Care And Complaints "
            "Office: We will look into it. It will take a week.");
  EXPECT_EQ(read.cues[8].line, 11u);
  EXPECT_EQ(read.cues[9].text, "Ms. Dana Okafor (Brightline, Support Lead: We can do it in three.");
  EXPECT_EQ(read.cues[10].text, "Thank you all. Back to the agenda: item two.");
  ASSERT_EQ(read.errors.size(), 2u) << read.NoticeList();
  EXPECT_EQ(read.errors[0].where, Fixture("text/committee.txt").string() + ":11");
  EXPECT_EQ(read.errors[0].message,
            "\"Acting Deputy Director General Of The Northwind Regional Customer Care And "
            "Complaints Office:\" may be a speaker label but is not taken as one (13 words; a "
            "label has at most 12 outside parentheses); its words are kept apart, with an "
            "unknown speaker");
  EXPECT_EQ(read.errors[1].where, Fixture("text/committee.txt").string() + ":13");
  EXPECT_EQ(read.errors[1].message,
            "\"Ms. Dana Okafor (Brightline, Support Lead:\" may be a speaker label but is not "
            "taken as one (its parentheses do not pair up); its words are kept apart, with an "
            "unknown speaker");
}

TEST(SpeakerTextReader, AnAngryMemberIsNotReadAsTheChair) {
  const auto read = ReadTurns(Fixture("text/committee.txt"));
  ASSERT_TRUE(read.ok()) << read.NoticeList();
  for (const DocMessage& turn : read.turns) {
    SCOPED_TRACE(turn.author);
    const bool angry = turn.text.find("unacceptable") != std::string::npos;
    EXPECT_EQ(angry, turn.author == "Mrs. Ines Varga (Copperfield North, Independent)");
  }
}

TEST(SpeakerTextReader, EveryNearLabelIsReportedWithItsLine) {
  std::string transcript = "Dana Okafor: We start now.\n";
  const std::string near =
      "Northwind Regional Customer Care And Complaints Office Escalations Desk Night Shift Team "
      "Lead: ";
  for (int i = 0; i < 3; ++i) {
    transcript += near + "Not mine, number " + std::to_string(i) + ".\nA line under it.\n";
    transcript += "Dana Okafor: Noted.\n";
  }
  const auto read = ReadCuesFrom(transcript, "notes.txt", TranscriptFormat::kSpeakerText);
  ASSERT_TRUE(read.ok()) << read.NoticeList();
  ASSERT_EQ(read.errors.size(), 3u) << read.NoticeList();
  for (uint64_t line : {2u, 5u, 8u}) {
    SCOPED_TRACE(line);
    EXPECT_TRUE(HasNotice(read.errors, line, "may be a speaker label but is not taken as one"));
  }
  ASSERT_EQ(read.cues.size(), 7u);
  for (const Cue& cue : read.cues) {
    SCOPED_TRACE(cue.text);
    const bool dana = cue.text == "We start now." || cue.text == "Noted.";
    EXPECT_EQ(cue.speaker, dana ? "Dana Okafor" : "");
  }
}

TEST(SrtReader, ACueThatMayOpenWithALabelIsNotThePreviousSpeakers) {
  const auto read = ReadCuesFrom(
      "1\n00:00:01,000 --> 00:00:03,000\nDana Okafor: We start now.\n\n"
      "2\n00:00:03,500 --> 00:00:05,000\nDana Okafor (Brightline, Support: Not hers.\n\n"
      "3\n00:00:05,500 --> 00:00:07,000\nAnd hers again.\n",
      "call.srt", TranscriptFormat::kSrt);
  ASSERT_TRUE(read.ok()) << read.NoticeList();
  ASSERT_EQ(read.cues.size(), 3u);
  EXPECT_EQ(read.cues[0].speaker, "Dana Okafor");
  EXPECT_EQ(read.cues[1].speaker, "");
  EXPECT_EQ(read.cues[1].text, "Dana Okafor (Brightline, Support: Not hers.");
  // Said at the cue's timing line, as the reader's other notices are.
  ASSERT_EQ(read.errors.size(), 1u) << read.NoticeList();
  EXPECT_TRUE(HasNotice(read.errors, 6, "its parentheses do not pair up")) << read.NoticeList();
}

}  // namespace
}  // namespace tonewatch
