#include "analyzers/clean/cleaner.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>

#include "tests/clean/clean_test_support.h"

namespace tonewatch {
namespace {

using clean_testing::Html;
using clean_testing::Plain;

TEST(Cleaner, PlainTextIsKeptAsIs) {
  const CleanedBody body = Plain("Hi Sam,\n\nThe report is late again.\n");
  EXPECT_EQ(body.text, "Hi Sam,\n\nThe report is late again.");
  EXPECT_EQ(body.stripping, Stripping::kNone);
  EXPECT_TRUE(body.quoted.empty());
}

TEST(Cleaner, EmptyBody) {
  const CleanedBody body = Plain("");
  EXPECT_EQ(body.text, "");
  EXPECT_EQ(body.stripping, Stripping::kNone);
  EXPECT_EQ(Html("").text, "");
}

TEST(Cleaner, ReplyKeepsTheQuoteApartForThreading) {
  const CleanedBody body = Plain(
      "Not acceptable.\r\n\r\nOn 4 Mar 2024, at 09:12, Dana <d@example.com> wrote:\r\n"
      "> Delivery moves to May.\r\n>\r\n> Dana\r\n");
  EXPECT_EQ(body.text, "Not acceptable.");
  EXPECT_EQ(body.stripping, Stripping::kHeuristic);
  EXPECT_EQ(body.quoted,
            "On 4 Mar 2024, at 09:12, Dana <d@example.com> wrote:\n> Delivery moves to May.\n>\n"
            "> Dana");
}

TEST(Cleaner, OldMacAndMixedLineEndsAreLineBreaks) {
  const CleanedBody body = Plain("First line.\rSecond line.\r\n\rThird.\r");
  EXPECT_EQ(body.text, "First line.\nSecond line.\n\nThird.");
  EXPECT_EQ(body.stripping, Stripping::kNone);
}

TEST(Cleaner, AllQuoteKeepsTheTextAndSaysUncertain) {
  const std::string text = "> You never answered.\n> Fix it.\n";
  const CleanedBody body = Plain(text);
  EXPECT_EQ(body.text, "> You never answered.\n> Fix it.");
  EXPECT_EQ(body.stripping, Stripping::kUncertain);
  EXPECT_TRUE(body.quoted.empty());
}

TEST(Cleaner, ForwardWithoutCommentKeepsTheTextAndSaysUncertain) {
  const CleanedBody body =
      Plain("---------- Forwarded message ---------\nFrom: Dana <d@example.com>\n\nHi all");
  EXPECT_NE(body.text.find("Hi all"), std::string::npos);
  EXPECT_EQ(body.stripping, Stripping::kUncertain);
}

TEST(Cleaner, TopPostWithInlineAnswers) {
  const CleanedBody body = Plain(
      "Answers inline.\n\nOn Mon, 4 Mar 2024 at 09:12, Dana <d@example.com> wrote:\n"
      "> Can you ship Friday?\nNo, Monday at the earliest.\n> Is the price final?\nYes.\n\n"
      "> Thanks, Dana\n");
  EXPECT_EQ(body.text, "Answers inline.\n\nNo, Monday at the earliest.\nYes.");
  EXPECT_EQ(body.stripping, Stripping::kHeuristic);
}

TEST(Cleaner, SignoffInTheMiddleIsKeptAndUncertain) {
  const CleanedBody body =
      Plain("Please fix the invoice.\n\nThanks,\nBob\n\nP.S. This is the third time I ask.");
  EXPECT_EQ(body.text,
            "Please fix the invoice.\n\nThanks,\nBob\n\nP.S. This is the third time I ask.");
  EXPECT_EQ(body.stripping, Stripping::kUncertain);
}

TEST(Cleaner, QuoteHeaderWithoutQuoteIsUncertain) {
  const CleanedBody body = Plain("Works for me.\n\nOn Mon, 4 Mar 2024 at 09:12, Dana wrote:\n");
  EXPECT_EQ(body.text, "Works for me.");
  EXPECT_EQ(body.stripping, Stripping::kUncertain);
  EXPECT_EQ(body.quoted, "On Mon, 4 Mar 2024 at 09:12, Dana wrote:");
}

TEST(Cleaner, WrappedAttributionLine) {
  const CleanedBody body = Plain(
      "Yes, Tuesday works.\n\nLe lun. 4 mars 2024 à 09:12, Claire Dupont <claire@example.fr>\n"
      "a écrit :\n\n> On se voit mardi ?\n");
  EXPECT_EQ(body.text, "Yes, Tuesday works.");
  EXPECT_EQ(body.stripping, Stripping::kHeuristic);
}

TEST(Cleaner, SignatureAndDisclaimerBytesAreCounted) {
  const CleanedBody body = Plain(
      "Approved.\n\nBest regards,\nPriya Nair\n\nThis email and any attachments are confidential "
      "and intended solely for the addressee.\n");
  EXPECT_EQ(body.text, "Approved.");
  EXPECT_GT(body.signature_bytes, 0u);
  EXPECT_GT(body.disclaimer_bytes, 0u);
  EXPECT_EQ(body.stripping, Stripping::kHeuristic);
}

TEST(Cleaner, InvalidUtf8IsReplacedNotDropped) {
  const CleanedBody body = Plain("caf\xE9 closed\n");
  EXPECT_EQ(body.text, "caf\xEF\xBF\xBD closed");
}

TEST(Cleaner, HugePlainBodyIsCutAndCounted) {
  std::string text(kMaxPlainBodyBytes + 1000, 'a');
  for (size_t i = 80; i < text.size(); i += 81) text[i] = '\n';
  const CleanedBody body = Plain(text);
  EXPECT_EQ(body.dropped_bytes, 1000u);
  EXPECT_LE(body.text.size(), kMaxPlainBodyBytes);
}

TEST(Cleaner, OneEnormousLineIsHandledInLinearTime) {
  const std::string text = fmt::format("On {} wrote:\n> q\n", std::string(3u << 20, 'x'));
  const CleanedBody body = Plain(text);
  EXPECT_EQ(body.stripping, Stripping::kStructural);  // only the '>' line went
  EXPECT_EQ(body.text.size(), text.size() - 5);
}

TEST(Cleaner, HtmlReplyWithGmailQuoteIsStructural) {
  const CleanedBody body = Html(
      "<div dir=\"ltr\">We need it by Friday.</div><br><div class=\"gmail_quote\">"
      "<div class=\"gmail_attr\">On Mon, Mar 4, 2024 at 9:12 AM Dana &lt;d@example.com&gt; "
      "wrote:<br></div><blockquote class=\"gmail_quote\">Delivery moves.</blockquote></div>");
  EXPECT_EQ(body.text, "We need it by Friday.");
  EXPECT_EQ(body.stripping, Stripping::kStructural);
  EXPECT_NE(body.quoted.find("Delivery moves."), std::string::npos);
  EXPECT_NE(body.quoted.find("wrote:"), std::string::npos);
}

TEST(Cleaner, HtmlAppleAttributionAboveBlockquoteGoesWithIt) {
  const CleanedBody body = Html(
      "<div>Fine.</div><div><br><div>On Mar 4, 2024, at 09:12, Dana &lt;d@example.com&gt; "
      "wrote:</div><br><blockquote type=\"cite\"><div>Old</div></blockquote></div>");
  EXPECT_EQ(body.text, "Fine.");
  EXPECT_EQ(body.stripping, Stripping::kHeuristic);
  EXPECT_NE(body.quoted.find("wrote:"), std::string::npos);
  EXPECT_NE(body.quoted.find("Old"), std::string::npos);
  EXPECT_EQ(body.quoted.find("\xEE\x80\x80"), std::string::npos);  // no marker leaks out
}

TEST(Cleaner, HtmlThatIsAllQuoteIsKeptWholeAndUncertain) {
  const CleanedBody body = Html("<blockquote>You never answered.</blockquote>");
  EXPECT_EQ(body.text, "You never answered.");
  EXPECT_EQ(body.stripping, Stripping::kUncertain);
}

TEST(Cleaner, HtmlWithBrokenMarkup) {
  const CleanedBody body = Html(
      "<html><body><div><p>Still broken<b> after three tries</div></p></i><p>Call me &amp; "
      "fix it<blockquote><div>On Mon, Dana wrote:<div>old");
  EXPECT_EQ(body.text, "Still broken after three tries\nCall me & fix it");
  EXPECT_EQ(body.stripping, Stripping::kStructural);
}

TEST(Cleaner, HugeHtmlIsBounded) {
  std::string html = "<div>Top</div>";
  while (html.size() < kMaxHtmlBodyBytes + 4096) html += "<p>filler paragraph text</p>";
  const CleanedBody body = Html(html);
  EXPECT_GT(body.dropped_bytes, 0u);
  EXPECT_LE(body.text.size(), kMaxPlainBodyBytes);
  EXPECT_EQ(body.text.substr(0, 4), "Top\n");
}

TEST(Cleaner, StrippingNames) {
  EXPECT_EQ(StrippingName(Stripping::kNone), "none");
  EXPECT_EQ(StrippingName(Stripping::kStructural), "structural");
  EXPECT_EQ(StrippingName(Stripping::kHeuristic), "heuristic");
  EXPECT_EQ(StrippingName(Stripping::kUncertain), "uncertain");
}

}  // namespace
}  // namespace tonewatch
