// The real lexicon's data tests: it loads and compiles, it is big enough to be useful, every
// rule's match / no_match examples behave through the full engine, and every suggestion is cooler
// than what it replaces. A failure names the rule as
// file:line, like a compiler error, so the fix starts in the right place.
#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "analyzers/engine.h"
#include "analyzers/lexicon/example_check.h"
#include "analyzers/lexicon/lexicon.h"

namespace tonewatch {
namespace {

constexpr size_t kMinRules = 120;
constexpr size_t kMinExamples = 2;

// Prints each line of a multi-line error as its own failure, so every problem shows up whole.
void FailPerLine(const std::string& text) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    ADD_FAILURE() << text.substr(start, end - start);
    start = end + 1;
  }
}

class RealLexicon : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto lexicon = LoadLexicon(TONEWATCH_SOURCE_LEXICONS);
    if (!lexicon) {
      load_error_ = lexicon.error().ToString();
      return;
    }
    auto engine = Engine::Create(std::move(*lexicon));
    if (!engine) {
      load_error_ = engine.error().ToString();
      return;
    }
    engine_ = std::make_unique<Engine>(std::move(*engine));
  }
  static void TearDownTestSuite() { engine_.reset(); }

  // Set up once for the suite: compiling a few hundred patterns is the slow part.
  static inline std::unique_ptr<Engine> engine_;
  static inline std::string load_error_;
};

TEST_F(RealLexicon, LoadsAndCompiles) {
  if (engine_ == nullptr) {
    FailPerLine(load_error_);
    return;
  }
  const Lexicon& lexicon = engine_->lexicon();
  EXPECT_EQ(lexicon.language, "en");
  EXPECT_EQ(lexicon.hash.size(), 16u);
  EXPECT_GE(lexicon.rules.size(), kMinRules);
}

TEST_F(RealLexicon, EveryCategoryHasRules) {
  ASSERT_NE(engine_, nullptr) << "lexicons/en does not load: see RealLexicon.LoadsAndCompiles";
  std::set<Category> seen;
  for (const Rule& rule : engine_->lexicon().rules) seen.insert(rule.category);
  for (int i = 0; i < kCategoryCount; ++i) {
    const auto category = static_cast<Category>(i);
    EXPECT_TRUE(seen.count(category)) << "no rule in category " << CategoryName(category);
  }
}

TEST_F(RealLexicon, EveryRuleHasExamplesBothWays) {
  ASSERT_NE(engine_, nullptr) << "lexicons/en does not load: see RealLexicon.LoadsAndCompiles";
  for (const Rule& rule : engine_->lexicon().rules) {
    EXPECT_GE(rule.match.size(), kMinExamples) << rule.Where() << ": too few match examples";
    EXPECT_GE(rule.no_match.size(), kMinExamples) << rule.Where() << ": too few no_match examples";
  }
}

TEST_F(RealLexicon, EveryExampleBehaves) {
  ASSERT_NE(engine_, nullptr) << "lexicons/en does not load: see RealLexicon.LoadsAndCompiles";
  const std::vector<std::string> problems = CheckExamples(*engine_);
  for (const std::string& problem : problems) ADD_FAILURE() << problem;
}

// Taking the advice must cool the text: a suggestion that the engine flags again, or that is as
// hot as what it replaces, would send the user round in circles.
TEST_F(RealLexicon, EverySuggestionCoolsTheText) {
  ASSERT_NE(engine_, nullptr) << "lexicons/en does not load: see RealLexicon.LoadsAndCompiles";
  const std::vector<std::string> problems = CheckSuggestions(*engine_);
  for (const std::string& problem : problems) ADD_FAILURE() << problem;
}

// The register the product is for, beyond single rules: client email and calls, written for this
// test. Each complaint must score at least a mild flag; each ordinary line must score nothing.
TEST_F(RealLexicon, ClientEmailComplaintsRunHot) {
  ASSERT_NE(engine_, nullptr) << "lexicons/en does not load: see RealLexicon.LoadsAndCompiles";
  for (const char* text : {
           "I've asked three times now and still nothing.",
           "Is anyone actually reading my emails?",
           "This is the last time I'm going to ask nicely.",
           "If this isn't fixed by Friday we will be taking our business elsewhere.",
           "Your team clearly doesn't care about our account.",
           "I don't know how many more ways I can explain this.",
           "I expect a full refund and an explanation.",
           "Who signed off on this garbage?",
           "Frankly, I'm done dealing with your support desk.",
           "You people have no idea what you're doing.",
           "As I already explained in my last email, the data is wrong.",
           "I'll be speaking to my lawyer about this.",
           "I'm cc'ing your manager since this keeps happening.",
           "Do I need to spell it out for you?",
           "Going forward, please make sure to check before sending.",
           "Thank you so much for ignoring my last three emails.",
           "Great job breaking production again.",
           "You are not doing your job.",
           "Let me speak to your supervisor.",
           "Are you kidding me right now?",
           "This is the fourth time I've had to chase this.",
           "We're paying good money for this service and getting nothing.",
           "I've been on hold for forty minutes.",
           "You said the same thing last week.",
           "I'm not going to ask again.",
           "We'll be disputing the charge with our bank.",
           "I'm going to leave a review so other people know.",
           "How is this still not resolved?",
           "You've wasted enough of our time.",
           "Stop telling me it's being looked into.",
           "I was told someone would call me back and nobody did.",
           "Honestly, this is a joke.",
           "Don't bother replying unless it's fixed.",
           "We've been more than patient.",
           "Your so-called fix made things worse.",
           "Can you just do what we asked?",
           "You clearly didn't read my email.",
           "I'm starting to regret signing this contract.",
           "You're not listening to me.",
           "With respect, that's not what I asked.",
           "I want this escalated today.",
           "Let me finish.",
           "No, no, no, you're not getting it.",
           "I don't want to hear excuses.",
           "We can't keep going round in circles.",
           "Nobody ever gets back to me.",
           "You always do this at the last minute.",
           "You never listen to a word I say.",
           "Nothing ever works the first time with you guys.",
           "I need an answer within the hour.",
           "Drop whatever you're doing and fix this now.",
           "We expect a response by close of business, or we'll move on.",
           "Fix it today or don't bother invoicing us.",
           "I will not accept another delay.",
           "Either you fix this or we walk.",
           "You have until noon.",
           "I'm putting this in writing so there is a record.",
           "Our legal team will be in touch.",
           "I'm sure you're very busy, but some of us have deadlines too.",
           "Must be nice to take a week to reply.",
           "Interesting that nobody mentioned this before we signed.",
           "I'll wait, I guess.",
           "Whatever, just get it done.",
           "It shouldn't be this difficult.",
       }) {
    EXPECT_GE(engine_->Analyze(text).heat, 5) << text;
  }
}

TEST_F(RealLexicon, OrdinaryClientEmailStaysCalm) {
  ASSERT_NE(engine_, nullptr) << "lexicons/en does not load: see RealLexicon.LoadsAndCompiles";
  for (const char* text : {
           "Thanks for the quick turnaround, this looks great.",
           "Could you send over the latest version when you get a chance?",
           "Just following up on the proposal from last week.",
           "Happy to jump on a call if that's easier.",
           "I'm sorry for the delay on our side; here's the update.",
           "Let me know if you have any questions.",
           "The deployment failed, but we rolled back within five minutes.",
           "Per our call, I've attached the revised timeline.",
           "We never received the PO, could you resend it?",
           "I'll check with the team and get back to you by Thursday.",
           "This is a critical bug that blocks our release.",
           "Our lawyer reviewed the contract and had no comments.",
           "The manager approved the budget this morning.",
           "We cancelled the old subscription as planned.",
           "Kindly find attached the signed agreement.",
           "I'm done with your report and left notes in the margin.",
           "They were just doing their job when the alarm went off.",
           "Thanks for breaking it down so clearly.",
           "Let me look into that and call you this afternoon.",
           "Sorry, I missed your call; is now a good time?",
           "The invoice should arrive by the end of the week.",
           "I've forwarded your question to our billing team.",
           "That's a fair point, let me check with engineering.",
           "Our team is on holiday next week, so replies may be slower.",
           "We're still waiting on the signed copy from legal, no rush.",
           "We appreciate you flagging this so quickly.",
           "I'll escalate the ticket internally so it gets priority.",
           "The project was on hold for three months while legal reviewed it.",
           "Right, okay, that makes sense.",
           "Sure, let me pull that up for you.",
           "Sorry, could you repeat that?",
           "I hear you, and I want to get this fixed.",
           "Let's take a step back and look at the timeline.",
           "Give me one second while I check.",
           "That's a really good question.",
           "Let me finish the draft first and send it over.",
           "Can everyone see my screen?",
           "Is this urgent, or can it wait until Monday?",
           "As discussed, the legal team approved the wording.",
           "Per our discussion, I've updated the contract.",
           "We'll escalate it internally and come back to you today.",
           "No problem at all, happy to help.",
           "Unfortunately the courier is delayed by a day; new ETA is Friday.",
           "I never received the attachment; could you resend it?",
           "We always run the backups at midnight.",
           "Every single test passed this time, great news.",
           "The deadline is Friday; let me know if that's tight for you.",
           "Please make sure the figures match the invoice before sending.",
           "We need the signed copy by the end of the week for the audit.",
           "I'm afraid the feature isn't in this release, but it is on the roadmap.",
           "Sorry, that was my mistake; the corrected file is attached.",
           "You were right about the date, thanks for catching it.",
           "Could you clarify what you meant by the second point?",
           "Just a quick reminder that the office is closed on Monday.",
           "Our manager will join the call to answer the pricing questions.",
           "If you can't make Thursday, Friday works for us too.",
           "We cancelled the meeting because the room was double-booked.",
           "The report is late because the data arrived late; we'll have it tomorrow.",
           "You should receive a confirmation email within the hour.",
           "This is a known issue and our fix ships next week.",
           "I hate to rush you, but could we have an answer by Wednesday?",
           "Honestly, the new design is much clearer.",
           "I understand your frustration, and I'm sorry this has taken so long.",
           "We've escalated this to our engineering team.",
           "The system will be down for maintenance on Sunday night.",
           "Your invoice is overdue by three days; could you check with accounts?",
           "Let me be transparent about the delay: we lost a supplier.",
           "The team always responds within a day, which we love.",
           "We never had a problem with the old version.",
           "Every invoice includes a reference number.",
           "Nothing has changed on our side since Tuesday.",
           "We need the figures by noon if possible, so we can prepare.",
           "The new policy applies to every single contract from May.",
           "I'll wait for your confirmation before sending it.",
           "Whatever you decide is fine with us.",
           "It shouldn't take long, maybe ten minutes.",
           "Interesting question; let me find out.",
       }) {
    EXPECT_EQ(engine_->Analyze(text).heat, 0) << text;
  }
}

// Criticism in the courteous register business mail is written in: the reader's work judged,
// condescension, "as I mentioned (twice)", unanswered requests, a reprimand that opens with
// "I understand". The near misses say the same words about a thing, a third party or the writer.
TEST_F(RealLexicon, PoliteSurfaceCriticismRunsWarm) {
  ASSERT_NE(engine_, nullptr) << "lexicons/en does not load: see RealLexicon.LoadsAndCompiles";
  for (const char* text : {
           "Your latest forecast falls short of what the steering group needs.",
           "I'm afraid your summary was underwhelming.",
           "Your team's test plan is not up to our standards.",
           "The draft you sent seems fine, but your cover memo lacks the figures we asked for.",
           "Once again you have fallen short of the agreed targets.",
           "These gaps reflect poorly on your department.",
           "The late filing raises real questions about your attention to detail.",
           "Your repeated delays on the handover are becoming a problem.",
           "It's disappointing to see your team miss the cut-off again.",
           "I'm surprised you would send the quote without checking with us.",
           "Frankly, we expected better from your team.",
           "I'd suggest, at a minimum, reading the onboarding guide.",
           "It's quite simple, really.",
           "As anyone in procurement would know, orders close on the 20th.",
           "Perhaps you don't understand how the rebate is calculated.",
           "I think I said the same thing in my last email.",
           "As I mentioned (twice), the cut-off is Thursday.",
           "My requests for the signed schedule keep going unanswered.",
           "I have yet to receive a reply.",
           "I understand you're stretched, but you missed the second deadline this month.",
           "Your comments on our proposal were out of line.",
           "It seems you've overlooked another error in the totals.",
       }) {
    EXPECT_GE(engine_->Analyze(text).heat, 5) << text;
  }
}

TEST_F(RealLexicon, NearMissesOfCriticismStayCalm) {
  ASSERT_NE(engine_, nullptr) << "lexicons/en does not load: see RealLexicon.LoadsAndCompiles";
  for (const char* text : {
           "Your forecast is excellent and the steering group was impressed.",
           "Your summary was clear and exactly what we needed.",
           "The old test plan falls short of the new audit rules, so we are rewriting it.",
           "My first draft lacks the figures; I'll add them tomorrow.",
           "We fell short of our own targets this quarter, and that's on me.",
           "The regulator's report raises questions about the market rules.",
           "Given your oversight of the trading desk, could you approve the limits?",
           "It's disappointing that your flight was cancelled; let's meet next week.",
           "We expected more attendees, but the session went well.",
           "The installer is quite simple; it takes three steps.",
           "Perhaps I didn't explain the rebate clearly; here is a worked example.",
           "As I mentioned on the call, the demo is on Tuesday.",
           "As previously discussed, the draft agreement is attached for your review.",
           "As I've said before, we are a company that invests in its people.",
           "I have yet to receive a reply from the bank, so the transfer is on hold.",
           "I understand your concern, but we can't move the fee this year.",
           "Your comments were helpful, thank you.",
           "There is room for improvement in the approval process itself.",
           "I don't understand, what do you mean?",
           "No rush at all, I'll wait.",
           "The press is busy blaming the regulator for the price spike.",
       }) {
    EXPECT_EQ(engine_->Analyze(text).heat, 0) << text;
  }
}

}  // namespace
}  // namespace tonewatch
