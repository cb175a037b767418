// Recall of criticism in the polite register clients really write (lexicons/en/criticism.toml):
// verdicts on the reader's work, what was expected of someone in the reader's position, sarcasm,
// answering criticism with criticism, formal reprimands, veiled warnings. Each class fires on
// several phrasings and stays quiet on its near misses: praise, neutral requests and notices, the
// writer judging their own work, and the same words about a thing or a third party. Every sentence
// here was written for this test.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "analyzers/engine.h"
#include "analyzers/lexicon/lexicon.h"

namespace tonewatch {
namespace {

class CriticismRecall : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto lexicon = LoadLexicon(TONEWATCH_SOURCE_LEXICONS);
    ASSERT_TRUE(lexicon) << lexicon.error().ToString();
    auto engine = Engine::Create(std::move(*lexicon));
    ASSERT_TRUE(engine) << engine.error().ToString();
    engine_ = std::make_unique<Engine>(std::move(*engine));
  }
  static void TearDownTestSuite() { engine_.reset(); }

  static const Finding* Counted(const TextAnalysis& a, std::string_view rule) {
    for (const Finding& f : a.findings) {
      if (f.rule == rule && f.points > 0) return &f;
    }
    return nullptr;
  }

  // `rule` counts (points above 0, with a suggestion) on every text.
  static void ExpectFires(std::string_view rule, const std::vector<std::string>& texts) {
    for (const std::string& text : texts) {
      SCOPED_TRACE(text);
      const TextAnalysis a = engine_->Analyze(text);
      const Finding* f = Counted(a, rule);
      ASSERT_NE(f, nullptr) << rule << " did not count";
      EXPECT_TRUE(f->suggestion.has_value());
      EXPECT_GT(a.heat, 0);
    }
  }

  // `rule` adds nothing on any text (absent, or listed with 0 points and a reason).
  static void ExpectQuiet(std::string_view rule, const std::vector<std::string>& texts) {
    for (const std::string& text : texts) {
      SCOPED_TRACE(text);
      EXPECT_EQ(Counted(engine_->Analyze(text), rule), nullptr) << rule << " counted";
    }
  }

  static inline std::unique_ptr<Engine> engine_;
};

TEST_F(CriticismRecall, AVerdictOnTheReadersWorkOrAbility) {
  ExpectFires(
      "accusation.your-work-questioned",
      {
          "Your handling of the renewal clearly overlooks the notice period in the contract.",
          "Your reasoning in the memo to the whole board remains questionable.",
          "Your summary of the site visit lacks detail on the safety findings.",
          "Your explanations for the late delivery are unconvincing.",
          "Your team's approach to testing has not kept pace with the release schedule.",
      });
  ExpectQuiet("accusation.your-work-questioned",
              {
                  "Your handling of the renewal was spot on, thank you.",
                  "Please check whether your forecast for the third quarter lacks any regions.",
                  "My summary of the site visit lacks detail, so I'll add the safety findings.",
                  "The consultant's approach to testing overlooks the release schedule.",
                  "Your forecast arrived this morning and is in the shared folder.",
              });
}

TEST_F(CriticismRecall, TheReaderSeemsToMissThePoint) {
  ExpectFires("accusation.you-seem-oblivious",
              {
                  "You seem oblivious to how much the delay costs us each day.",
                  "You appear unwilling to share the root cause with us.",
                  "Your team seems unable to keep the ticket queue under control.",
              });
  ExpectQuiet("accusation.you-seem-oblivious",
              {
                  "You seem to have found the right contact, thanks.",
                  "The new intern seems unable to log in; could IT help him?",
                  "If you seem unable to join, just send a note.",
              });
}

TEST_F(CriticismRecall, ConcernOrAstonishmentAimedAtTheReadersSide) {
  ExpectFires("accusation.concerning-how-you",
              {
                  "It's concerning that nobody from your office has called the customer back.",
                  "It is troubling to see so many basic mistakes in your monthly reports.",
                  "It's baffling why a weekly status note is so hard for you.",
              });
  ExpectQuiet("accusation.concerning-how-you",
              {
                  "It's concerning how fast gas prices are rising this winter.",
                  "It's worrying that your flight was cancelled twice; are you safe?",
                  "It's troubling to see the market like this.",
              });
}

TEST_F(CriticismRecall, SarcasmAndPutDowns) {
  ExpectFires("passive-aggressive.sarcastic-barb",
              {
                  "Please try to run the close with a semblance of care this month.",
                  "Spare me the excuses about the system.",
                  "How rich that you lecture us on deadlines.",
                  "Apparently accountability is optional in your department.",
                  "Your note was less a review and more a blatant dismissal of our work.",
              });
  ExpectQuiet("passive-aggressive.sarcastic-barb",
              {
                  "It's amusing how the printer jams every Monday.",
                  "Thanks for sharing your advice on the vendor.",
                  "Accountability for the budget sits with the finance team.",
              });
}

TEST_F(CriticismRecall, TheBlamePutOnTheWriter) {
  ExpectFires("accusation.blame-shifted-to-me",
              {
                  "Placing the blame on us for the vendor's delay isn't fair.",
                  "Your message makes baseless assumptions about our efforts on the account.",
                  "There is no need for that sarcastic tone in every reply.",
              });
  ExpectQuiet("accusation.blame-shifted-to-me",
              {
                  "The blame for the outage lies with the power company.",
                  "I accept the responsibility for the missed filing.",
                  "Our assumptions about the load forecast are listed in the appendix.",
              });
}

TEST_F(CriticismRecall, TheReadersRemarksCalledOverstated) {
  ExpectFires("accusation.your-remarks-overstated",
              {
                  "I found the tone of your reply rather harsh.",
                  "Your conclusions about my team's work are unfounded.",
                  "Your assumptions about the invoice lack any basis.",
              });
  ExpectQuiet("accusation.your-remarks-overstated",
              {
                  "I found your reply very helpful.",
                  "Your conclusions about the pilot are in line with ours.",
                  "The press coverage of the merger seems rather exaggerated.",
              });
}

TEST_F(CriticismRecall, WhatWasExpectedOfTheReadersPosition) {
  ExpectFires("accusation.expected-of-your-level",
              {
                  "I would have expected better planning from the project lead.",
                  "We expected a senior analyst to show more initiative on this.",
                  "That is not the standard expected at your level.",
                  "Someone in a position like yours should know the approval rules.",
              });
  ExpectQuiet("accusation.expected-of-your-level",
              {
                  "We had expected more calls from the campaign than we got.",
                  "Given your experience, would you chair the panel?",
                  "We expected the shipment on Monday.",
              });
}

TEST_F(CriticismRecall, AreasToImproveInTheReadersWork) {
  ExpectFires("accusation.areas-to-improve-in-your",
              {
                  "There are several areas for improvement in your weekly reports.",
                  "I see a few aspects of your proposal that need more work.",
                  "We noted areas of growth concerning your client calls.",
              });
  ExpectQuiet("accusation.areas-to-improve-in-your",
              {
                  "I see room for improvement in my own notes.",
                  "There is room for improvement in the approval workflow.",
                  "Thanks for the areas you covered in the review.",
              });
}

TEST_F(CriticismRecall, ResultsThatHaveNotMetTheStandard) {
  ExpectFires("accusation.standards-not-met",
              {
                  "The north region has not met the agreed benchmarks for two quarters.",
                  "The test plan you sent doesn't meet the required standard.",
                  "The cleanup of the data room has not lived up to expectations.",
              });
  ExpectQuiet("accusation.standards-not-met",
              {
                  "I'm sorry if my draft hasn't met your expectations.",
                  "We haven't met our own targets either, so let's plan together.",
                  "Please ensure the release doesn't miss the standards review.",
                  "If the supplier has not met the standard, we'll reject the batch.",
              });
}

TEST_F(CriticismRecall, VerdictsWithoutAFix) {
  ExpectFires("accusation.much-to-be-desired",
              {
                  "The support you gave us this quarter left much to be desired.",
                  "Your half-hearted follow-up on the payroll file cost us a day.",
                  "This barely scratches the surface of the audit findings.",
              });
  ExpectQuiet("accusation.much-to-be-desired",
              {
                  "The weather in Houston left much to be desired, but the trip went well.",
                  "Thanks for the careful work on the payroll file.",
                  "We left a lot of room in the agenda for questions.",
              });
}

TEST_F(CriticismRecall, AFormalReprimandOpening) {
  ExpectFires("accusation.must-point-out",
              {
                  "I must point out that the invoice went out without approval.",
                  "We are writing to express our dissatisfaction with the service.",
                  "I'd like to bring to your attention several errors in the transfer schedule.",
              });
  ExpectQuiet("accusation.must-point-out",
              {
                  "I'd like to bring to your attention the holiday schedule.",
                  "We need to address the pricing at the next meeting.",
                  "I am writing to confirm the dates of the offsite.",
              });
}

TEST_F(CriticismRecall, TheReadersLapsesListed) {
  ExpectFires("accusation.lapses-in-your",
              {
                  "We found repeated errors in your expense claims.",
                  "The review found glaring omissions across your filings.",
                  "Basic checks keep getting overlooked under your watch.",
              });
  ExpectQuiet("accusation.lapses-in-your",
              {
                  "Please tell us if you spot errors in your statement.",
                  "We found repeated errors in the vendor's billing.",
                  "There were some gaps in my notes from the call.",
              });
}

TEST_F(CriticismRecall, VeiledWarningsAboutTheReadersConduct) {
  ExpectFires("passive-aggressive.has-been-noted",
              {
                  "Your silence on the pricing question has been noted.",
                  "Your input, or lack thereof, will come up at the review.",
                  "It may be time to ask whether you are really cut out for this role.",
              });
  ExpectQuiet("passive-aggressive.has-been-noted",
              {
                  "Your comments have been noted and forwarded to the team.",
                  "Your new address is noted, thanks.",
                  "Your involvement in the launch was a big help.",
              });
}

TEST_F(CriticismRecall, WhatTheReaderCouldAtLeastHaveDone) {
  ExpectFires("accusation.could-at-least",
              {
                  "You could at least have told us the order was on hold.",
                  "The least you could have done was answer the phone.",
                  "You guys could simply have asked before changing the rates.",
              });
  ExpectQuiet("accusation.could-at-least",
              {
                  "You could at least take a look at the trial version.",
                  "I could at least have checked the schedule myself.",
                  "If you could have the slides ready by noon, that would help.",
              });
}

TEST_F(CriticismRecall, TheReadersWorkMustImprove) {
  ExpectFires("accusation.needs-to-improve",
              {
                  "Your response times need to improve this quarter.",
                  "The timeliness of your status updates has to get better.",
                  "Honestly, this needs serious improvement before it goes to the client.",
              });
  ExpectQuiet("accusation.needs-to-improve",
              {
                  "My Spanish needs to improve before the Madrid trip.",
                  "How would you need to improve the model for winter?",
                  "Gas storage levels need to improve before December.",
              });
}

TEST_F(CriticismRecall, AWarningDressedAsTrust) {
  ExpectFires("passive-aggressive.trust-not-again",
              {
                  "I trust this will not happen again.",
                  "We hope this is the last time we have to raise it.",
                  "No idea what you were thinking with that discount.",
              });
  ExpectQuiet("passive-aggressive.trust-not-again",
              {
                  "My apologies, it won't happen again.",
                  "I trust your trip home went well.",
                  "We hope the new system works for everyone.",
              });
}

TEST_F(CriticismRecall, TheShortfallNamedAsATrait) {
  ExpectFires("accusation.shortfall-in-your-approach",
              {
                  "Was it carelessness or indifference that let the deadline pass?",
                  "Any sense of urgency is nowhere to be seen in your plan.",
                  "The lack of testing from your team is why we lost the weekend.",
                  "I see you've chosen to ignore the comments from compliance.",
              });
  ExpectQuiet("accusation.shortfall-in-your-approach",
              {
                  "The parking pass is optional this year.",
                  "The lack of rain has hurt the crops.",
                  "Your plan has everything we asked for.",
              });
}

TEST_F(CriticismRecall, NotOnlyIsNoNegation) {
  ExpectFires("accusation.reflects-poorly",
              {
                  "A missed cutoff not only costs us a fee but also reflects poorly on your desk.",
              });
  ExpectQuiet("accusation.reflects-poorly",
              {
                  "One missed cutoff doesn't reflect poorly on your desk.",
                  "Nobody thinks it reflects badly on your team.",
              });
}

TEST_F(CriticismRecall, AFlawFoundInTheReadersWork) {
  ExpectFires("accusation.your-work-flawed",
              {
                  "Having read your summary, the two biggest risks seem to have been missed.",
                  "Your slides for the board were rather hard to follow.",
                  "The vendor list you provided overlooks the two suppliers we use most.",
              });
  ExpectQuiet("accusation.your-work-flawed",
              {
                  "Your slides for the board have been printed and are on your desk.",
                  "Please make sure your summary has been sent to the auditors.",
                  "The vendor list you provided is complete, thank you.",
              });
}

TEST_F(CriticismRecall, OfferingToExplainItAgainSlowly) {
  ExpectFires("passive-aggressive.explain-again-slowly",
              {
                  "I'll try to explain it one more time.",
                  "I don't see why this is so difficult to follow.",
                  "If you missed it the first time, the deadline is Friday.",
              });
  ExpectQuiet("passive-aggressive.explain-again-slowly",
              {
                  "I'll explain the new process at the team meeting.",
                  "I don't see why the report is so slow to load.",
                  "In case you're free, we're having lunch at noon.",
              });
}

TEST_F(CriticismRecall, UnansweredRequestsCountedOut) {
  ExpectFires(
      "passive-aggressive.despite-my-requests",
      {
          "After our several reminders, the payment is still outstanding.",
          "We've left four voicemails for your desk without any answer.",
          "Your office has yet to send the revised schedule, and you've yet to confirm the date.",
      });
  ExpectQuiet("passive-aggressive.despite-my-requests",
              {
                  "Despite the short notice, the team delivered on time.",
                  "I've sent two emails to the caterer and both were answered.",
                  "If you have yet to reply to the survey, there is still time.",
              });
}

TEST_F(CriticismRecall, LapsesCalledGlaringOrHabitual) {
  ExpectFires("accusation.glaring-lapses",
              {
                  "In the filing, the omissions were glaring.",
                  "Repeatedly skipping the sign-off step puts the audit at risk.",
                  "The mistakes identified were serious, and the client noticed.",
              });
  ExpectQuiet("accusation.glaring-lapses",
              {
                  "The new checklist stops us from repeatedly skipping the sign-off step.",
                  "The mistakes identified were small and have been fixed.",
                  "It's obvious that everyone enjoyed the offsite.",
              });
}

TEST_F(CriticismRecall, ALackOfCareOnTheReadersSide) {
  ExpectFires("accusation.lack-of-care",
              {
                  "The lack of follow-through on your side has held up the deal.",
                  "There was a lack of precision in your figures again.",
              });
  ExpectQuiet("accusation.lack-of-care",
              {
                  "Sorry for the lack of detail, I'm writing from my phone.",
                  "The lack of rain is hurting hydro output.",
              });
}

TEST_F(CriticismRecall, BlameHandedBackToTheReader) {
  ExpectFires("accusation.blame-lies-with-you",
              {
                  "The failure rests with your management, not with our engineers.",
                  "Maybe you should look at how the leadership handled the launch.",
                  "These are unrealistic expectations placed on my team.",
              });
  ExpectQuiet("accusation.blame-lies-with-you",
              {
                  "The problem lies in the old firmware, which we have now replaced.",
                  "Maybe we could look at the numbers on Monday.",
                  "The decision on pricing rests with the board.",
              });
}

TEST_F(CriticismRecall, WorkHeldAgainstTheStandardHedged) {
  ExpectFires("accusation.not-aligned-with-standards",
              {
                  "The migration plan may not fully align with our security standards.",
                  "The draft appears to overlook the key risks in the lease.",
                  "The new pricing sheet is not aligned with the agreed strategy.",
              });
  ExpectQuiet("accusation.not-aligned-with-standards",
              {
                  "We might not meet our own goals this year.",
                  "If the design does not meet the standards, we'll tell you early.",
                  "The pricing sheet is aligned with the agreed strategy.",
              });
  ExpectFires("accusation.expectations-gap",
              {
                  "There's a clear disconnect between what we expected and the results.",
                  "I see a discrepancy between your plan and what we signed.",
              });
  ExpectQuiet("accusation.expectations-gap",
              {
                  "The gap between the bid and the offer has narrowed.",
                  "Your plan matches what we signed.",
              });
  ExpectFires("accusation.expectations-not-met",
              {
                  "The feedback from the client pointed to serious gaps in the testing.",
                  "The results so far are falling short of the targets.",
                  "Some expectations were missed on the Houston project.",
              });
  ExpectQuiet("accusation.expectations-not-met",
              {
                  "The feedback highlighted what the client liked most.",
                  "If expectations were unclear, that's on me.",
                  "Volumes are running ahead of the targets.",
              });
}

TEST_F(CriticismRecall, TheReadersCriticismCalledBlunt) {
  ExpectFires("accusation.taken-aback-by-your-remarks",
              {
                  "We were dismayed by the tone of your last message.",
                  "Your feedback on the audit was remarkably blunt.",
                  "To say that your critique was tough would be an understatement.",
              });
  ExpectQuiet("accusation.taken-aback-by-your-remarks",
              {
                  "We were surprised by the turnout at the launch.",
                  "Your feedback on the audit was blunt but fair, thank you.",
                  "It would be an understatement to say the year has been busy.",
              });
}

TEST_F(CriticismRecall, WorkBelowWhatTheWriterExpects) {
  ExpectFires("accusation.below-what-we-expect",
              {
                  "The handover notes fell short of the standard of care we would expect.",
                  "Your approach isn't sustainable if the volumes double.",
                  "I'm sure you can show more initiative on the renewals.",
              });
  ExpectQuiet("accusation.below-what-we-expect",
              {
                  "Your approach is sustainable even if the volumes double.",
                  "The notes met the standard of care we would expect.",
                  "I'm sure you can find the file on the shared drive.",
              });
}

}  // namespace
}  // namespace tonewatch
