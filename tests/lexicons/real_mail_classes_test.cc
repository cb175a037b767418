// The classes of false alarm found on real mail, and the near misses that must still fire, through
// the real lexicon: code and logs, acronyms in capitals, someone else's words, the writer's own
// promises, cues aimed at nothing in particular, questions read as ultimatums, and two rules over
// the same words. Every sentence here was written for this test.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "analyzers/engine.h"
#include "analyzers/lexicon/lexicon.h"

namespace tonewatch {
namespace {

class RealMailClasses : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto lexicon = LoadLexicon(TONEWATCH_SOURCE_LEXICONS);
    ASSERT_TRUE(lexicon) << lexicon.error().ToString();
    auto engine = Engine::Create(std::move(*lexicon));
    ASSERT_TRUE(engine) << engine.error().ToString();
    engine_ = std::make_unique<Engine>(std::move(*engine));
  }
  static void TearDownTestSuite() { engine_.reset(); }

  static TextAnalysis Analyze(std::string_view text) { return engine_->Analyze(text); }

  // Every text scores 0, and whatever it lists is held back with a reason.
  static void ExpectHeldBack(const std::vector<std::string>& texts) {
    for (const std::string& text : texts) {
      SCOPED_TRACE(text);
      const TextAnalysis a = Analyze(text);
      EXPECT_EQ(a.heat, 0);
      for (const Finding& f : a.findings) {
        if (f.points != 0) continue;
        EXPECT_EQ(f.why.rfind("Not counted:", 0), 0u) << f.rule << ": " << f.why;
      }
    }
  }

  // Every text scores at least `min`.
  static void ExpectCounted(const std::vector<std::string>& texts, int min = 3) {
    for (const std::string& text : texts) {
      SCOPED_TRACE(text);
      EXPECT_GE(Analyze(text).heat, min);
    }
  }

  static inline std::unique_ptr<Engine> engine_;
};

const Finding* FindingOf(const TextAnalysis& a, std::string_view rule) {
  for (const Finding& f : a.findings) {
    if (f.rule == rule) return &f;
  }
  return nullptr;
}

TEST_F(RealMailClasses, CodeLogsAndConstantsCarryNoTone) {
  ExpectHeldBack({
      "The default is time_spec_t::ASAP, which schedules the command at once.",
      "2026-03-02 10:14:07 ERROR: worker exited immediately after start",
      "Register dump: 0x??? at offset 12, then 0x00.",
      "Set flush_now(IMMEDIATELY) in the config block;",
      "Traceback shows the job failed right away on import.",
  });
  ExpectCounted({"Please send me the config file ASAP, the service is down for our customers."});
}

TEST_F(RealMailClasses, AcronymsAndTermsInCapitalsAreNotShouting) {
  for (const std::string text : {
           "The FPGA drives the GPIO pins on the UHD board, and this delay is unacceptable.",
           "EPE and UBS filed with the IRS, and this delay is unacceptable.",
           "The EOL feed is late. The EOL desk says this delay is unacceptable.",
       }) {
    SCOPED_TRACE(text);
    EXPECT_EQ(FindingOf(Analyze(text), "intensity.all-caps"), nullptr);
  }
  // A rule's word written as a short acronym is the acronym: the airport, not "lax".
  ExpectHeldBack({"What time will you be arriving at LAX?"});
  // A label opening its line is a heading, not a raised voice.
  EXPECT_EQ(FindingOf(Analyze("RESOLUTION: restart the service and this delay is unacceptable."),
                      "intensity.all-caps"),
            nullptr);
}

TEST_F(RealMailClasses, ShoutedCommonWordsCountOnTheirOwn) {
  ExpectCounted({"I DID ALL THIS already.", "I will NOT run the script AGAIN."});
  // Headings and names in capitals, with no word of emphasis, are not a raised voice.
  ExpectHeldBack({"The GOOD NEWS is that the workshop is on.",
                  "WHAT YOU NEED TO DO: restart the laptop tonight."});
  // A long line in capitals is a notice set in capitals, not a raised voice.
  ExpectHeldBack(
      {"Note the following: IF YOU ARE A DIRECTOR OR OFFICER OF THE GROUP READ THIS "
       "NOTICE, then reply."});
}

TEST_F(RealMailClasses, TheWritersOwnPromiseIsNoPressure) {
  ExpectHeldBack({
      "We will get the revised map out asap.",
      "I'll send the signed copy over immediately.",
      "Service will be restored as soon as possible.",
      "I'd like to schedule the review call asap.",
      "Effective immediately, the desk reports to the regional office.",
  });
  ExpectCounted({"Please send me the figures ASAP.", "I need an answer asap."});
}

// A deadline with a calendar date or a recurring slot is a plan the writer made; "by COB today"
// is still pressure.
TEST_F(RealMailClasses, ADatedOrRecurringDeadlineIsAPlan) {
  ExpectHeldBack({
      "Please send your weekly summary by close of business each Friday.",
      "Please provide updates by COB 11/27 so I can forward them to the auditors.",
      "Comments on the draft by close of business Friday, September 21 would help.",
  });
  ExpectCounted({"Please send the file by COB today.", "We need a root cause by end of day."});
}

// Wry asides ("go figure", "imagine that") are shrugs at the world unless the message complains;
// "you never" in praise blames nobody.
TEST_F(RealMailClasses, WryAsidesAndPraiseAreNoJab) {
  ExpectHeldBack({
      "The cheapest fare was on the airline nobody flies. Go figure.",
      "I can imagine that both of you are busy this week.",
      "Through the whole merger you never stopped giving your best.",
      "You never let us down, and we will miss you.",
  });
  ExpectCounted({"You never stopped to check the logs.", "You never let me finish a sentence."});
  EXPECT_GT(Analyze("The invoice is wrong again, which is unacceptable. Go figure.").heat,
            Analyze("The invoice is wrong again, which is unacceptable.").heat);
}

// "I hate to sound stupid, but ..." is a hedge before a question, not frustration or an insult.
TEST_F(RealMailClasses, HedgesBeforeAQuestionAreNoFrustration) {
  ExpectHeldBack({
      "I hate to sound stupid, but do you want every letter redlined?",
      "I hate to seem picky, but could you check the second table?",
  });
  ExpectCounted({"I hate how long this is taking.", "That was a stupid decision on your part."});
}

// Waiting on the writer's own side or on someone else is a status report, not impatience.
TEST_F(RealMailClasses, WaitingOnAThirdPartyIsAStatusReport) {
  ExpectHeldBack({
      "I am still waiting to hear back from our credit desk on two of your comments.",
      "Some of the desks have moved and some of you are still waiting to be.",
  });
  ExpectCounted({"I am still waiting for you to tell me who the contact is.",
                 "We are still waiting for your refund."});
}

// A memo or notice to a whole group: its deadlines and reminders are routine, not a jab.
TEST_F(RealMailClasses, AMemoToTheWholeGroupIsRoutine) {
  ExpectHeldBack({
      "As outlined in my earlier e-mail to each of you, the certificate confirms your review.",
      "Everyone on the floor, please return your badge as soon as possible.",
      "The session matters for each and every one of you this year.",
  });
  ExpectCounted(
      {"As outlined in my earlier e-mail, this is the third late invoice and it is "
       "unacceptable."});
}

// A third party's promise, and the writer's own plan in progress, are no demand on the reader.
TEST_F(RealMailClasses, ATeamsPromiseOrTheWritersPlanIsNoPressure) {
  ExpectHeldBack({
      "Call the service desk at x4410 and they will reset the account asap.",
      "I am setting up a review with the auditors as soon as possible.",
      "We're looking to fill the analyst seat asap.",
      "Your new reporting codes are being set up ASAP.",
  });
  ExpectCounted({"I am asking you to send the signed copy ASAP.",
                 "They said you would send it, so please send it asap."});
}

// A deadline inside an offer the reader may decline, or a sign-up, puts no pressure on anyone.
TEST_F(RealMailClasses, OptInAndSignUpRequestsAreNoPressure) {
  ExpectHeldBack({
      "If you are interested in the spare monitors, let me know by close of business Friday.",
      "If anyone needs remote access during the move, tell me asap.",
      "If you would like a seat at the dinner, reply as soon as possible.",
      "Please RSVP by COB Thursday to the front desk.",
      "Please confirm your attendance at the kickoff as soon as possible.",
      "Let me know your availability asap so I can book the room.",
  });
  ExpectHeldBack({
      "Please provide any comments you may have by COB Friday.",
      "If the desk would like to weigh in, please let me know ASAP.",
      "If you have not received your badge, let us know asap.",
  });
  ExpectCounted({"Please send the revised schedule asap.",
                 "If you have not sent the figures yet, send them ASAP."});
}

// "You should have" as an expectation ("you should have a copy"), and the generic "you" ("you
// never can tell"), blame nobody; "you should have told me" does.
TEST_F(RealMailClasses, ExpectationsAndTheGenericYouAreNoBlame) {
  ExpectHeldBack({
      "You should have the signed confirms from the desk by now.",
      "You should have been given access to the shared folder this morning.",
      "You guys should have a copy of the revised tariff.",
      "The client seemed happy, but you never can tell with that group.",
      "In case you didn't listen to the call, the numbers were good.",
  });
  ExpectCounted({"You should have told me before the filing went out.",
                 "You never answered my question about the tariff."});
}

// A booster word boosts the heated words next to it, not the whole sentence.
TEST_F(RealMailClasses, BoostersBoostOnlyTheWordsNextToThem) {
  const TextAnalysis far =
      Analyze("There are very few items on the list, and the late invoice is unacceptable.");
  EXPECT_EQ(FindingOf(far, "intensity.really"), nullptr);
  const TextAnalysis near = Analyze("The late invoice is really unacceptable.");
  const Finding* booster = FindingOf(near, "intensity.really");
  ASSERT_NE(booster, nullptr);
  EXPECT_GT(booster->points, 0);
}

// In contract mail a notice of termination is a term of the deal; served on the reader, it is
// an escalation.
TEST_F(RealMailClasses, ANoticeBetweenThirdPartiesIsAContractTerm) {
  ExpectHeldBack({
      "The seller sent a notice of termination to the pipeline on the first of the month.",
      "There is no way for the buyer to issue a notice of termination before the end date.",
  });
  ExpectCounted(
      {"Please find attached our notice of termination.", "Consider this your formal notice."});
}

// A default action after a deadline ("I'll send the draft on") is how mail moves on, not a threat.
TEST_F(RealMailClasses, ADefaultActionAfterADeadlineIsNoUltimatum) {
  ExpectHeldBack(
      {"If I don't hear from you by noon, I'll send the marked-up version to the broker.",
       "If we don't hear back by Friday, we'll file the draft as it stands."});
  ExpectCounted({"If I don't hear back by Friday, we will cancel the contract."}, 10);
}

TEST_F(RealMailClasses, SomeoneElsesWordsAreNotTheWriters) {
  ExpectHeldBack({
      "\"It was a complete waste of everyone's time,\" said one analyst.",
      "According to the trade press, the rollout was a disaster.",
      "\"This is unacceptable,\" the regulator added in a statement.",
  });
  ExpectCounted({"Frankly, this is a waste of my time.",
                 "As you said yourself, this is a waste of everyone's time."});
}

TEST_F(RealMailClasses, CuesAboutAThingOrAThirdPartyDoNotCount) {
  ExpectHeldBack({
      "These have been really horrible weeks for the whole market.",
      "Sounds terrible.",
      "Batch deals always fail on the first run of the month.",
  });
  ExpectCounted({"This is unacceptable.", "I am really frustrated with how long this has taken."});
}

TEST_F(RealMailClasses, QuestionsAreNotUltimatums) {
  ExpectHeldBack({
      "Does the template exist somewhere, or do I need to re-create it?",
      "Should we wait for the audit, or do I have to file it now?",
  });
  ExpectCounted({"Fix it by Friday or we will take our business elsewhere."});
}

// On real mail these stock phrases are mostly what they say: a check, a reminder, a shared fact.
// They read as tense only beside something else that is.
TEST_F(RealMailClasses, StockPhrasesCountOnlyInATenseMessage) {
  ExpectHeldBack({
      "Not sure if my previous email got lost, but we still need the invoice.",
      "Just a friendly reminder that the team lunch is on Friday.",
      "As you know, the office moves to the fourth floor next month.",
      "I called at noon and no one was available.",
      "Please notify me immediately of any deals that fail to load.",
  });
  ExpectCounted({
      "Not sure if my previous email got lost, but this delay is unacceptable.",
      "As you know, this is the third time the report is late, and it is unacceptable.",
      "Fix this immediately, the delay is unacceptable.",
  });
}

TEST_F(RealMailClasses, TwoRulesOverTheSameWordsCountOnce) {
  const TextAnalysis a = Analyze("I will escalate this to your management.");
  int counted = 0;
  int sum = 0;
  for (const Finding& f : a.findings) {
    sum += f.points;
    if (f.category != Category::kEscalation) continue;
    if (f.points > 0) {
      ++counted;
    } else {
      EXPECT_NE(f.why.find("already count under escalation."), std::string::npos) << f.why;
    }
  }
  EXPECT_EQ(counted, 1);
  EXPECT_EQ(a.heat, sum);

  const TextAnalysis sorry = Analyze("I'm sorry for the trouble.");
  int cooling = 0;
  for (const Finding& f : sorry.findings) cooling += f.points < 0 ? 1 : 0;
  EXPECT_EQ(cooling, 1);
}

}  // namespace
}  // namespace tonewatch
