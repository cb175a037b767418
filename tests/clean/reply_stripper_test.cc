#include "analyzers/clean/reply_stripper.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/clean/clean_test_support.h"

namespace tonewatch {
namespace {

using clean_testing::RealMailLexicon;

struct Marked {
  std::string roles;  // one letter a line: T text, Q quote, S signature, D disclaimer
  Stripping stripping;
};

// Marks `text` and spells the roles out, so a test reads like the message it checks.
Marked MarkQuotes(std::string_view text) {
  MarkedLines m = MarkedLines::Split(text);
  MarkQuotedText(RealMailLexicon(), "", m);
  Marked out{"", m.stripping};
  for (LineRole r : m.roles) out.roles += "TQSD"[static_cast<int>(r)];
  return out;
}

TEST(ReplyStripper, PlainTextWithoutQuoteIsUntouched) {
  const Marked m = MarkQuotes("Hi,\n\nThe invoice is wrong.\nPlease fix it.");
  EXPECT_EQ(m.roles, "TTTT");
  EXPECT_EQ(m.stripping, Stripping::kNone);
}

TEST(ReplyStripper, TopPostAttributionAndQuote) {
  const Marked m = MarkQuotes(
      "Fine by me.\n\nOn Mon, 4 Mar 2024 at 09:12, Dana <dana@example.com> wrote:\n> Can we move "
      "it?\n");
  EXPECT_EQ(m.roles, "TTQQT");
  EXPECT_EQ(m.stripping, Stripping::kHeuristic);
}

TEST(ReplyStripper, QuoteLinesAloneAreStructural) {
  const Marked m = MarkQuotes("> earlier words\n>> older words\nMy answer.");
  EXPECT_EQ(m.roles, "QQT");
  EXPECT_EQ(m.stripping, Stripping::kStructural);
}

TEST(ReplyStripper, InlineAnswersBetweenQuotesAreKept) {
  const Marked m = MarkQuotes(
      "See below.\n\nOn 4 Mar 2024, Dana wrote:\n> First question?\nFirst answer.\n"
      "> Second question?\nSecond answer.");
  EXPECT_EQ(m.roles, "TTQQTQT");
}

TEST(ReplyStripper, AttributionWrappedOverTwoLines) {
  const Marked m = MarkQuotes(
      "Yes.\n\nOn Mon, Aug 26, 2019 at 4:37 PM The Hiring Team <\nteam@example.com> wrote:\n\n> "
      "Hi");
  EXPECT_EQ(m.roles, "TTQQTQ");
}

TEST(ReplyStripper, AttributionWrappedOverThreeLines) {
  const Marked m = MarkQuotes(
      "Yes.\n\nOn Nov 21, 2014,\nat 10:18,\nJohn Doe <john@example.com> wrote:\n\n> Ok.");
  EXPECT_EQ(m.roles, "TTQQQTQ");
}

TEST(ReplyStripper, LastLineOfReplyIsNotSwallowedIntoTheAttribution) {
  const Marked m = MarkQuotes("Thanks\nOn Monday, Bob wrote:\n> hi");
  EXPECT_EQ(m.roles, "TQQ");
}

TEST(ReplyStripper, OutlookHeaderBlockCutsTheRest) {
  const Marked m = MarkQuotes(
      "Done.\n\nFrom: Dana <dana@example.com>\nSent: Monday, March 4, 2024 9:12 AM\n"
      "To: Sam\nSubject: Invoice\n\nOriginal words.");
  EXPECT_EQ(m.roles, "TTQQQQQQ");
  EXPECT_EQ(m.stripping, Stripping::kHeuristic);
}

TEST(ReplyStripper, HeaderBlockBelowARuleIsStructural) {
  const Marked m = MarkQuotes(
      "Done.\n________________________________\nVon: Dana\nGesendet: Montag\nAn: Sam\n"
      "Betreff: Rechnung\n\nText.");
  EXPECT_EQ(m.roles, "TQQQQQQQ");
  EXPECT_EQ(m.stripping, Stripping::kStructural);
}

TEST(ReplyStripper, AFromLineAloneIsNotAHeaderBlock) {
  const Marked m = MarkQuotes("From: the sales team\n\nWe are late.");
  EXPECT_EQ(m.roles, "TTT");
}

TEST(ReplyStripper, OriginalMessageSeparatorIsStructural) {
  const Marked m = MarkQuotes("Ok.\n-----Ursprüngliche Nachricht-----\nVon: A\nText");
  EXPECT_EQ(m.roles, "TQQQ");
  EXPECT_EQ(m.stripping, Stripping::kStructural);
}

TEST(ReplyStripper, QuoteHeaderWithoutQuoteIsUncertain) {
  const Marked m =
      MarkQuotes("Sounds good.\n\nOn 4 Mar 2024, at 09:12, Dana <dana@example.com> wrote:");
  EXPECT_EQ(m.roles, "TTQ");
  EXPECT_EQ(m.stripping, Stripping::kUncertain);
}

TEST(ReplyStripper, UnquotedTopPostBelowAttributionIsCut) {
  const Marked m =
      MarkQuotes("Agreed.\n\n2024-03-04 9:12 GMT+01:00 Dana <dana@example.com>:\n\nOld text");
  EXPECT_EQ(m.roles, "TTQQQ");
  EXPECT_EQ(m.stripping, Stripping::kHeuristic);
}

TEST(ReplyStripper, LooseAttributionNeedsAQuote) {
  EXPECT_EQ(MarkQuotes("Here is what I wrote:\nthe plan is fine.").roles, "TT");
  EXPECT_EQ(MarkQuotes("Dana wrote:\n> the plan").roles, "QQ");
}

TEST(ReplyStripper, SentencesStartingWithOnAreNotAttributions) {
  EXPECT_EQ(MarkQuotes("One outstanding question I had:\n\nOn Thursday:\nwe ship.").roles, "TTTT");
}

TEST(ReplyStripper, LocalizedAttributions) {
  for (const char* header :
       {"Am 04.03.2024 um 09:12 schrieb Erika Muster <erika@example.de>:",
        "Le 4 mars 2024 à 09:12, Claire <claire@example.fr> a écrit :",
        "El 4 mar 2024, a las 9:12, Juan <juan@example.es> escribió:",
        "Il giorno lun 4 mar 2024 alle ore 09:12 Anna <anna@example.it> ha scritto:",
        "Em seg., 4 de mar. de 2024 às 09:12, Ana <ana@example.br> escreveu:",
        "Op ma 4 mrt 2024 om 09:12 schreef Jan <jan@example.nl>:",
        "Den 4 mars 2024 kl. 09:12 skrev Anna <anna@example.se>:",
        "man. 4. mar. 2024 kl. 09:12 skrev Ola <ola@example.no>:",
        "ma 4.3.2024 klo 9.12 Matti <matti@example.fi> kirjoitti:",
        "W dniu 4.03.2024 o 09:12, Jan <jan@example.pl> napisał:",
        "4 марта 2024 г., в 9:12, Иван <ivan@example.ru> написал(а):",
        "2024年3月4日(月) 9:12 山田 <yamada@example.jp>:",
        "在 2024年3月4日，上午9:12，王伟 <wang@example.cn> 写道："}) {
    SCOPED_TRACE(header);
    const Marked m = MarkQuotes(std::string("Reply.\n") + header + "\n> quoted");
    EXPECT_EQ(m.roles, "TQQ");
  }
}

TEST(ReplyStripper, IsRuleLine) {
  EXPECT_TRUE(IsRuleLine("  ------------------------------ "));
  EXPECT_TRUE(IsRuleLine("____"));
  EXPECT_TRUE(IsRuleLine("===="));
  EXPECT_FALSE(IsRuleLine("-"));
  EXPECT_FALSE(IsRuleLine("-- rick"));
}

TEST(ReplyStripper, AHugeQuoteIsMarkedInOnePass) {
  std::string text = "Top.\n\nOn 4 Mar 2024, Dana wrote:\n";
  for (int i = 0; i < 200000; ++i) text += "> a quoted line of ordinary length, again and again\n";
  const Marked m = MarkQuotes(text);
  EXPECT_EQ(m.roles.substr(0, 4), "TTQQ");
  EXPECT_EQ(m.roles.find('T', 3), m.roles.size() - 1);  // only the empty last line is left
}

}  // namespace
}  // namespace tonewatch
