#include "analyzers/clean/signature_stripper.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/clean/clean_test_support.h"

namespace tonewatch {
namespace {

using clean_testing::RealMailLexicon;

struct Marked {
  std::string roles;  // one letter a line: T text, Q quote, S signature, D disclaimer
  Stripping stripping;
  bool in_middle;
};

Marked MarkSig(std::string_view text) {
  MarkedLines m = MarkedLines::Split(text);
  MarkSignature(RealMailLexicon(), m);
  Marked out{"", m.stripping, m.signoff_in_middle};
  for (LineRole r : m.roles) out.roles += "TQSD"[static_cast<int>(r)];
  return out;
}

TEST(SignatureStripper, DashDashSpaceBlock) {
  const Marked m = MarkSig("Call me.\n-- \nJane Roe\nAcme Ltd");
  EXPECT_EQ(m.roles, "TSSS");
  EXPECT_EQ(m.stripping, Stripping::kStructural);
}

TEST(SignatureStripper, DashDashWithALongTailIsNotASignature) {
  std::string text = "Intro\n--\n";
  for (int i = 0; i < 20; ++i) text += "a line of the message\n";
  EXPECT_EQ(MarkSig(text).stripping, Stripping::kNone);
}

TEST(SignatureStripper, SignoffWithNameBlock) {
  const Marked m = MarkSig("Hi. I am fine.\n\nThanks,\nAlex");
  EXPECT_EQ(m.roles, "TTSS");
  EXPECT_EQ(m.stripping, Stripping::kHeuristic);
}

TEST(SignatureStripper, SignoffWithTitleCompanyAndPhone) {
  const Marked m = MarkSig(
      "Please send it today.\n\nBest regards,\n\nPriya Nair\nAccount Manager | Northwind\n"
      "+44 20 7946 0000\nwww.example.com");
  EXPECT_EQ(m.roles, "TTSSSSSS");
}

TEST(SignatureStripper, SignoffInTheMiddleIsKeptAndFlagged) {
  const Marked m = MarkSig(
      "Please send it today.\n\nThanks,\nBob\n\nP.S. The invoice you sent last week is still "
      "wrong.");
  EXPECT_EQ(m.roles, "TTTTTT");
  EXPECT_TRUE(m.in_middle);
}

TEST(SignatureStripper, ClosingThanksWithoutNameIsKept) {
  const Marked m = MarkSig("Can you send it today?\n\nThanks!");
  EXPECT_EQ(m.roles, "TTT");
  EXPECT_FALSE(m.in_middle);
}

TEST(SignatureStripper, ThanksFollowedByASentenceIsNotASignoff) {
  const Marked m = MarkSig("Hello,\nThanks,\nI will look into the failing build tomorrow morning.");
  EXPECT_EQ(m.roles, "TTT");
  EXPECT_FALSE(m.in_middle);
}

TEST(SignatureStripper, SignoffAsFirstLineIsNotStripped) {
  EXPECT_EQ(MarkSig("Thanks,\nBob").roles, "TT");
}

TEST(SignatureStripper, MobileFooters) {
  for (const char* footer :
       {"Sent from my iPhone", "Von meinem iPhone gesendet", "Envoyé de mon iPad",
        "Enviado desde mi iPhone", "Inviato da iPhone", "Enviado do meu iPhone",
        "Verzonden vanaf mijn iPhone", "Skickat från min iPhone", "Sendt fra min iPhone",
        "Lähetetty iPhonesta", "Wysłane z iPhone'a", "Отправлено с iPhone", "iPhoneから送信",
        "发自我的iPhone", "Get Outlook for Android"}) {
    SCOPED_TRACE(footer);
    EXPECT_EQ(MarkSig(std::string("Fine.\n\n") + footer).roles, "TTS");
  }
}

TEST(SignatureStripper, SentFromInASentenceIsNotAFooter) {
  EXPECT_EQ(MarkSig("Here it is.\n\nSent from my desk, is much easier than my phone.").roles,
            "TTT");
}

TEST(SignatureStripper, DisclaimerWithRuleAboveIt) {
  const Marked m = MarkSig(
      "Approved.\n\n____\nCONFIDENTIALITY NOTICE: This e-mail is for the sole use of the\n"
      "intended recipient(s).");
  EXPECT_EQ(m.roles, "TTDDD");
  EXPECT_EQ(m.stripping, Stripping::kHeuristic);
}

TEST(SignatureStripper, WrappedDisclaimerOpener) {
  const Marked m = MarkSig(
      "Approved.\n\nThis email and any attachments are\nconfidential and intended solely for the "
      "addressee.");
  EXPECT_EQ(m.roles, "TTDD");
}

TEST(SignatureStripper, MailingListFooter) {
  const Marked m = MarkSig(
      "Use the bucket API.\n\n_______________\nriak-users mailing list\nriak-users@example.com\n"
      "http://lists.example.com/listinfo");
  EXPECT_EQ(m.roles, "TTDDDD");
}

TEST(SignatureStripper, SignatureAboveATrailingQuoteIsFound) {
  MarkedLines m = MarkedLines::Split("Ok.\n\nCheers,\nDana\n> old text");
  m.roles[4] = LineRole::kQuote;
  MarkSignature(RealMailLexicon(), m);
  EXPECT_EQ(m.roles[2], LineRole::kSignature);
  EXPECT_EQ(m.roles[3], LineRole::kSignature);
  EXPECT_EQ(m.roles[4], LineRole::kQuote);
}

TEST(SignatureStripper, ContactBlockWithoutSignoff) {
  EXPECT_EQ(MarkSig("The files are attached.\n\nGina Roe\ngina@example.com\n(555) 010-9947").roles,
            "TTSSS");
  // A short closing paragraph without any contact line stays.
  EXPECT_EQ(MarkSig("The files are attached.\n\nSee you soon\nGina").roles, "TTTT");
}

TEST(SignatureStripper, MobileFooterWithTextUnderItIsAGuess) {
  const Marked m =
      MarkSig("Fine.\n\nSent from my iPhone\n\nOld message one.\nOld two.\nOld three.\nOld four.");
  EXPECT_EQ(m.roles, "TTSQQQQQ");
  EXPECT_EQ(m.stripping, Stripping::kUncertain);
}

TEST(SignatureStripper, NothingIsMarkedWhenNothingWouldRemain) {
  EXPECT_EQ(MarkSig("Sent from my iPhone").roles, "T");
  EXPECT_EQ(MarkSig("-- \nJane").roles, "TT");
}

}  // namespace
}  // namespace tonewatch
