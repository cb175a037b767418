#include "analyzers/clean/html_to_text.h"

#include <gtest/gtest.h>

#include <string>

namespace tonewatch {
namespace {

HtmlText Render(std::string_view html, bool remove_quotes = true) {
  return HtmlToText(html, {.remove_quotes = remove_quotes, .quote_marker = "[MARK]"});
}

TEST(HtmlToText, BlocksAndBreaksBecomeLines) {
  EXPECT_EQ(Render("<div>one</div><div>two<br>three</div><p>four</p>").text,
            "one\ntwo\nthree\nfour\n");
}

TEST(HtmlToText, GmailEmptyDivKeepsABlankLine) {
  EXPECT_EQ(Render("<div>Hi,</div><div><br></div><div>Thanks</div>").text, "Hi,\n\nThanks\n");
}

TEST(HtmlToText, WhiteSpaceCollapsesAndNoBreakSpaceIsASpace) {
  // An Outlook empty paragraph (<p>&nbsp;</p>) is a blank line.
  EXPECT_EQ(Render("<p>  a \n\t b&nbsp;&nbsp;c  </p><p>&nbsp;</p>").text, "a b c\n\n");
}

TEST(HtmlToText, EntitiesAreDecoded) {
  EXPECT_EQ(Render("<p>&lt;tag&gt; &amp; caf&eacute; &#8364;5 &#x263A;</p>").text,
            "<tag> & caf\xC3\xA9 \xE2\x82\xAC"
            "5 \xE2\x98\xBA\n");
}

TEST(HtmlToText, ScriptsStylesHeadAndCommentsAreDropped) {
  EXPECT_EQ(Render("<html><head><title>T</title><style>p{color:red}</style></head><body>"
                   "<script>alert(1)</script><!-- note -->Visible</body></html>")
                .text,
            "Visible\n");
}

TEST(HtmlToText, PreKeepsItsWhiteSpace) {
  EXPECT_EQ(Render("<pre>a  b\n  c</pre>").text, "a  b\n  c\n");
}

TEST(HtmlToText, ListItemsAndTableRowsAreLines) {
  EXPECT_EQ(Render("<ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr>"
                   "<tr><td>c</td></tr></table>")
                .text,
            "one\ntwo\na b\nc\n");
}

TEST(HtmlToText, HrIsARuleLine) {
  EXPECT_EQ(Render("a<hr>b").text, "a\n________________________________\nb\n");
}

TEST(HtmlToText, BlockquoteIsTakenOutAndMarked) {
  const HtmlText out = Render("Reply<blockquote type=\"cite\">Quoted <b>text</b></blockquote>End");
  EXPECT_EQ(out.text, "Reply\n[MARK]\nEnd\n");
  EXPECT_EQ(out.quoted, "Quoted text\n");
  EXPECT_EQ(out.quote_containers, 1u);
}

TEST(HtmlToText, NestedQuotesCountOnce) {
  const HtmlText out = Render("R<blockquote>a<blockquote>b</blockquote>c</blockquote>");
  EXPECT_EQ(out.quote_containers, 1u);
  EXPECT_EQ(out.quoted, "a\nb\nc\n");
}

TEST(HtmlToText, ClientQuoteContainers) {
  for (const char* html :
       {"<div>R</div><div class=\"gmail_quote\">On Mon, A wrote:<div>Q</div></div>",
        "<div>R</div><div class=\"gmail_extra\"><div>Q</div></div>",
        "<div>R</div><div class=\"yahoo_quoted\">Q</div>",
        "<div>R</div><div id=\"yahoo_quoted_12345\">Q</div>",
        "<div>R</div><div class=\"moz-cite-prefix\">Q</div>"}) {
    SCOPED_TRACE(html);
    const HtmlText out = Render(html);
    EXPECT_EQ(out.text, "R\n[MARK]\n");
    EXPECT_NE(out.quoted.find('Q'), std::string::npos);
  }
}

TEST(HtmlToText, OutlookMarkersCutEverythingAfter) {
  for (const char* html :
       {"<div>R</div><hr><div id=\"divRplyFwdMsg\"><b>From:</b> A</div><div>Q</div><p>Q2</p>",
        "<div>R</div><div id=\"appendonsend\"></div><hr><div>From: A</div><div>Q</div>",
        "<div>R</div><div id=\"x_divRplyFwdMsg\">From: A</div><div>Q</div>",
        "<div>R</div><span id=\"OLK_SRC_BODY_SECTION\"><div>From: A</div></span><div>Q</div>"}) {
    SCOPED_TRACE(html);
    const HtmlText out = Render(html);
    EXPECT_EQ(out.text.find("Q"), std::string::npos) << out.text;
    EXPECT_EQ(out.text.find("From"), std::string::npos) << out.text;
    EXPECT_NE(out.quoted.find("Q"), std::string::npos);
    EXPECT_EQ(out.text.substr(0, 2), "R\n");
  }
}

TEST(HtmlToText, SignatureContainersAreCountedNotShown) {
  const HtmlText out = Render("<div>R</div><div class=\"gmail_signature\">Jane Roe<br>Acme</div>");
  EXPECT_EQ(out.text, "R\n");
  EXPECT_GT(out.signature_bytes, 0u);
  EXPECT_EQ(out.quote_containers, 0u);
}

TEST(HtmlToText, KeepQuotesRendersEverything) {
  const HtmlText out = Render("R<blockquote>Q</blockquote>", /*remove_quotes=*/false);
  EXPECT_EQ(out.text, "R\nQ\n");
  EXPECT_TRUE(out.quoted.empty());
}

TEST(HtmlToText, DeclaredCharsetIsIgnoredForUtf8Input) {
  const HtmlText out = Render(
      "<html><head><meta charset=\"iso-8859-1\"></head><body>Gr\xC3\xBC\xC3\x9F"
      "e</body>"
      "</html>");
  EXPECT_EQ(out.text,
            "Gr\xC3\xBC\xC3\x9F"
            "e\n");
}

TEST(HtmlToText, BrokenMarkupIsRepaired) {
  const HtmlText out = Render("<div><p>one<b>two</div></i>three<p>four &bogus; <unknown>five");
  EXPECT_NE(out.text.find("one"), std::string::npos);
  EXPECT_NE(out.text.find("three"), std::string::npos);
  EXPECT_NE(out.text.find("five"), std::string::npos);
  EXPECT_NE(out.text.find("&bogus;"), std::string::npos);
}

TEST(HtmlToText, EmptyAndTagOnlyInputGiveNoText) {
  EXPECT_EQ(Render("").text, "");
  EXPECT_EQ(Render("<html></html>").text, "");
  EXPECT_EQ(Render("<").text, "");
}

TEST(HtmlToText, DeepNestingDoesNotExhaustTheStack) {
  std::string html;
  constexpr int kDepth = 100000;
  for (int i = 0; i < kDepth; ++i) html += "<div>";
  html += "deep";
  const HtmlText out = Render(html);
  // libxml2 stops at its own depth limit; what it kept is rendered without recursion.
  EXPECT_LT(out.text.size(), 16u);
}

TEST(HtmlToText, NodeBudgetBoundsTheWalk) {
  std::string html;
  html.reserve((kMaxHtmlNodes + 10) * 4);
  for (size_t i = 0; i < kMaxHtmlNodes / 2 + 10; ++i) html += "<b>x</b>";
  const HtmlText out = Render(html);
  EXPECT_TRUE(out.truncated);
  EXPECT_LE(out.text.size(), kMaxHtmlNodes);
}

}  // namespace
}  // namespace tonewatch
