// A LineScan must answer exactly what running every pattern on the text would answer: its
// prefilter may only save work. Checked on every example of the mail lexicon, as written, in
// capitals, wrapped at each space, indented, between other lines, and behind a banner.
#include "analyzers/clean/line_scan.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <re2/re2.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>
#include <vector>

#include "tests/clean/clean_test_support.h"

namespace tonewatch {
namespace {

using clean_testing::RealMailLexicon;

// Every pattern of one kind compiled alone, tried in order: the reference.
class Reference {
 public:
  explicit Reference(const LinePatterns& list) : anchor_(list.anchor()) {
    RE2::Options options(RE2::Quiet);
    options.set_case_sensitive(false);
    for (size_t i = 0; i < list.size(); ++i) {
      patterns_.push_back(std::make_unique<RE2>(list.pattern(i).pattern, options));
    }
  }

  int FirstMatch(std::string_view text) const {
    if (text.empty() || text.size() > LinePatterns::kMaxTestedBytes) return -1;
    const RE2::Anchor anchor = anchor_ == MailAnchor::kWhole    ? RE2::ANCHOR_BOTH
                               : anchor_ == MailAnchor::kPrefix ? RE2::ANCHOR_START
                                                                : RE2::UNANCHORED;
    for (size_t i = 0; i < patterns_.size(); ++i) {
      if (patterns_[i]->Match(text, 0, text.size(), anchor, nullptr, 0)) return static_cast<int>(i);
    }
    return -1;
  }

 private:
  MailAnchor anchor_;
  std::vector<std::unique_ptr<RE2>> patterns_;
};

struct Kind {
  MailKind kind;
  const LinePatterns& list;
};

std::vector<Kind> LineKinds(const MailLexicon& l) {
  return {{MailKind::kSeparator, l.separators},
          {MailKind::kHeaderFrom, l.header_from},
          {MailKind::kHeaderField, l.header_fields},
          {MailKind::kSignoff, l.signoffs},
          {MailKind::kMobileFooter, l.mobile_footers}};
}

std::vector<Kind> WindowKinds(const MailLexicon& l) {
  return {{MailKind::kAttribution, l.attributions},
          {MailKind::kQuoteAttribution, l.quote_attributions},
          {MailKind::kDisclaimer, l.disclaimers},
          {MailKind::kFooterTerm, l.footer_terms}};
}

// Every match and no_match example of every kind, split into its lines.
std::vector<std::vector<std::string>> Examples(const MailLexicon& l) {
  std::vector<std::vector<std::string>> out;
  for (const auto& kinds : {LineKinds(l), WindowKinds(l)}) {
    for (const Kind& k : kinds) {
      for (size_t i = 0; i < k.list.size(); ++i) {
        for (const auto* examples : {&k.list.pattern(i).match, &k.list.pattern(i).no_match}) {
          for (const std::string& example : *examples) {
            std::vector<std::string> lines;
            size_t start = 0;
            for (size_t end; (end = example.find('\n', start)) != std::string::npos;) {
              lines.push_back(example.substr(start, end - start));
              start = end + 1;
            }
            lines.push_back(example.substr(start));
            out.push_back(lines);
          }
        }
      }
    }
  }
  return out;
}

std::string Upper(const std::string& text) {
  std::string out;
  icu::UnicodeString::fromUTF8(text).toUpper().toUTF8String(out);
  return out;
}

// The example's lines in the shapes a body gives them: as written, in capitals, indented, and
// wrapped at each space of a one-line example.
std::vector<std::vector<std::string>> Shapes(const std::vector<std::string>& lines) {
  std::vector<std::vector<std::string>> shapes = {lines};
  std::vector<std::string> upper, indented;
  for (const std::string& line : lines) {
    upper.push_back(Upper(line));
    indented.push_back(fmt::format("  \t{} \xC2\xA0", line));
  }
  shapes.push_back(upper);
  shapes.push_back(indented);
  if (lines.size() == 1) {
    const std::string& line = lines[0];
    for (size_t space = line.find(' '); space != std::string::npos;
         space = line.find(' ', space + 1)) {
      shapes.push_back({line.substr(0, space), line.substr(space + 1)});
    }
  }
  return shapes;
}

std::string Joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) {
    const std::string_view piece = TrimLine(line);
    if (piece.empty()) continue;
    if (!out.empty()) out += ' ';
    out.append(piece);
  }
  return out;
}

// `lines` between a line of prose above and `below`, as a body.
std::string Body(const std::vector<std::string>& lines, std::string_view below) {
  std::string body = "Thanks for the quick answer on Monday.\n";
  for (const std::string& line : lines) body += line + "\n";
  return body + std::string(below);
}

bool HasBlank(const std::vector<std::string>& lines) {
  for (const std::string& line : lines) {
    if (TrimLine(line).empty()) return true;
  }
  return false;
}

TEST(LineScan, WindowsMatchAsEveryPatternRunOnTheirText) {
  const MailLexicon& lexicon = RealMailLexicon();
  std::vector<std::pair<Kind, Reference>> kinds;
  for (const Kind& k : WindowKinds(lexicon)) kinds.emplace_back(k, Reference(k.list));
  size_t matched = 0;
  for (const auto& example : Examples(lexicon)) {
    for (const auto& lines : Shapes(example)) {
      if (HasBlank(lines)) continue;  // no window runs over a blank line
      const std::string joined = Joined(lines);
      for (std::string_view below : {"", "> quoted words", "Wrote: 12:30 on 4/5 to you"}) {
        const std::string body = Body(lines, below);
        MarkedLines m = MarkedLines::Split(body);
        LineScan scan(lexicon, m);
        for (const auto& [k, reference] : kinds) {
          SCOPED_TRACE(body);
          const int expected = reference.FirstMatch(joined);
          EXPECT_EQ(scan.WindowMatch(k.kind, joined, 1, lines.size()), expected);
          if (expected >= 0) {
            ++matched;
            EXPECT_TRUE(scan.WindowMayMatch(k.kind, 1, lines.size()));
          }
        }
      }
    }
  }
  EXPECT_GT(matched, 100u);  // the examples do exercise the matching path
}

TEST(LineScan, AWindowMayStartBehindABanner) {
  const MailLexicon& lexicon = RealMailLexicon();
  const Reference disclaimers(lexicon.disclaimers);
  const Reference footer_terms(lexicon.footer_terms);
  for (const auto& example : Examples(lexicon)) {
    if (HasBlank(example)) continue;
    std::vector<std::string> lines = example;
    lines[0] = fmt::format("Eric ****** {}", lines[0]);
    const std::string body = Body(lines, "");
    MarkedLines m = MarkedLines::Split(body);
    LineScan scan(lexicon, m);
    const std::string words = Joined(example);
    SCOPED_TRACE(body);
    EXPECT_EQ(scan.WindowMatch(MailKind::kDisclaimer, words, 1, lines.size()),
              disclaimers.FirstMatch(words));
    EXPECT_EQ(scan.WindowMatch(MailKind::kFooterTerm, words, 1, lines.size()),
              footer_terms.FirstMatch(words));
  }
}

TEST(LineScan, LinesMatchAsEveryPatternRunOnThem) {
  const MailLexicon& lexicon = RealMailLexicon();
  std::vector<std::pair<Kind, Reference>> kinds;
  for (const Kind& k : LineKinds(lexicon)) kinds.emplace_back(k, Reference(k.list));
  size_t matched = 0;
  for (const auto& example : Examples(lexicon)) {
    for (const auto& lines : Shapes(example)) {
      const std::string body = Body(lines, "Best regards,");
      MarkedLines m = MarkedLines::Split(body);
      LineScan scan(lexicon, m);
      for (size_t i = 0; i < m.size(); ++i) {
        for (const auto& [k, reference] : kinds) {
          SCOPED_TRACE(m.lines[i]);
          const bool expected = reference.FirstMatch(TrimLine(m.lines[i])) >= 0;
          EXPECT_EQ(scan.LineIs(i, k.kind), expected);
          matched += expected ? 1 : 0;
        }
      }
    }
  }
  EXPECT_GT(matched, 100u);
}

TEST(LineScan, LongLinesAreNeverTestedAlone) {
  const std::string body = fmt::format("From: {}\nFrom: Dana <d@example.com>",
                                       std::string(LinePatterns::kMaxTestedBytes, 'a'));
  MarkedLines m = MarkedLines::Split(body);  // views into `body`
  LineScan scan(RealMailLexicon(), m);
  EXPECT_FALSE(scan.LineIs(0, MailKind::kHeaderFrom));
  EXPECT_TRUE(scan.LineIs(1, MailKind::kHeaderFrom));
}

TEST(LineScan, AWindowCutShortInALongLineIsScannedItself) {
  // A disclaimer's paragraph is cut at kMaxTestedBytes, here inside its long second line.
  const std::string second = fmt::format("intended recipient {}", std::string(3000, 'x'));
  const std::string body = fmt::format("This email is meant only for the\n{}", second);
  MarkedLines m = MarkedLines::Split(body);
  LineScan scan(RealMailLexicon(), m);
  const std::string text = fmt::format("This email is meant only for the {}", second)
                               .substr(0, LinePatterns::kMaxTestedBytes);
  EXPECT_GE(scan.WindowMatch(MailKind::kFooterTerm, text, 0, 1), 0);
  EXPECT_TRUE(scan.WindowMayMatch(MailKind::kFooterTerm, 0, 1));
}

TEST(LineScan, ResetForgetsLinesThatChanged) {
  MarkedLines m = MarkedLines::Split("Thanks  ***** Sent from my iPhone");
  LineScan scan(RealMailLexicon(), m);
  EXPECT_FALSE(scan.LineIs(0, MailKind::kMobileFooter));
  m.SplitLine(0, 8);
  m.lines[1] = "Sent from my iPhone";
  scan.Reset();
  EXPECT_TRUE(scan.LineIs(1, MailKind::kMobileFooter));
}

TEST(LineScan, AnEmptyLexiconMatchesNothing) {
  const MailLexicon empty;
  MarkedLines m = MarkedLines::Split("-----Original Message-----\nOn Monday, Bob wrote:");
  LineScan scan(empty, m);
  EXPECT_FALSE(scan.LineIs(0, MailKind::kSeparator));
  EXPECT_FALSE(scan.WindowMayMatch(MailKind::kAttribution, 1, 1));
  EXPECT_EQ(scan.WindowMatch(MailKind::kAttribution, "On Monday, Bob wrote:", 1, 1), -1);
}

}  // namespace
}  // namespace tonewatch
