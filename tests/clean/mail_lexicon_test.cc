#include "analyzers/clean/mail_lexicon.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "tests/clean/clean_test_support.h"

namespace tonewatch {
namespace {

using clean_testing::RealMailLexicon;
using clean_testing::TempDir;
using clean_testing::WriteFile;

// The languages the issue asks for; every kind that is worded differently per language must have
// them all.
const std::set<std::string> kRequired = {"en", "de", "fr", "es", "it", "pt", "nl", "sv",
                                         "da", "no", "fi", "pl", "ru", "ja", "zh"};

std::set<std::string> Languages(const LinePatterns& list) {
  std::set<std::string> out;
  for (size_t i = 0; i < list.size(); ++i) out.insert(list.pattern(i).language);
  return out;
}

void ExpectCovers(const LinePatterns& list, std::string_view kind) {
  const std::set<std::string> have = Languages(list);
  for (const std::string& lang : kRequired) {
    EXPECT_TRUE(have.contains(lang)) << kind << " has no pattern for " << lang;
  }
}

// A mail lexicon folder with one valid pattern of each kind, plus `extra` appended to a.toml.
void WriteMinimalLexicon(const std::filesystem::path& root, std::string_view extra) {
  std::string text = R"([[separator]]
lang = "en"
pattern = '''-{2,}original message-{2,}'''
match = ["-----Original Message-----"]
no_match = ["original"]
)";
  for (std::string_view kind : {"attribution", "header_from", "header_field", "signoff",
                                "mobile_footer", "disclaimer", "footer_term"}) {
    text += fmt::format(
        "[[{}]]\nlang = \"en\"\npattern = '''x+'''\nmatch = [\"xx\"]\nno_match = [\"y\"]\n", kind);
  }
  text.append(extra);
  WriteFile(root / "mail" / "a.toml", text);
}

// Every pattern's examples run at load time: the real lexicon loading is the data test.
TEST(MailLexicon, RealLexiconLoadsAndItsExamplesPass) {
  auto lexicon = LoadMailLexicon(TONEWATCH_SOURCE_LEXICONS);
  ASSERT_TRUE(lexicon) << lexicon.error().ToString();
  EXPECT_GE(lexicon->file_count, 2u);
  EXPECT_EQ(lexicon->hash.size(), 16u);
}

TEST(MailLexicon, CoversTheFifteenLanguages) {
  const MailLexicon& lexicon = RealMailLexicon();
  ExpectCovers(lexicon.separators, "separator");
  ExpectCovers(lexicon.header_from, "header_from");
  ExpectCovers(lexicon.signoffs, "signoff");
  ExpectCovers(lexicon.mobile_footers, "mobile_footer");
  ExpectCovers(lexicon.disclaimers, "disclaimer");
  ExpectCovers(lexicon.footer_terms, "footer_term");
  // Attributions: da, sv and no share a form; the loose forms need a quote.
  std::set<std::string> attribution = Languages(lexicon.attributions);
  for (const std::string& lang : kRequired) {
    EXPECT_TRUE(attribution.contains(lang)) << "attribution has no pattern for " << lang;
  }
}

TEST(MailLexicon, MissingFolderNamesItAndHints) {
  TempDir dir;
  auto lexicon = LoadMailLexicon(dir.path());
  ASSERT_FALSE(lexicon);
  EXPECT_EQ(lexicon.error().code, ErrorCode::kBadLexicon);
  EXPECT_NE(lexicon.error().where.find("mail"), std::string::npos);
  EXPECT_FALSE(lexicon.error().hint.empty());
}

TEST(MailLexicon, MinimalLexiconLoads) {
  TempDir dir;
  WriteMinimalLexicon(dir.path(), "");
  auto lexicon = LoadMailLexicon(dir.path());
  ASSERT_TRUE(lexicon) << lexicon.error().ToString();
  EXPECT_TRUE(lexicon->separators.Matches("-----original message-----"));
}

TEST(MailLexicon, EveryProblemIsReportedWithFileAndLine) {
  TempDir dir;
  WriteMinimalLexicon(dir.path(), R"(
[[signoff]]
lang = "en"
pattern = '''(unclosed'''
match = ["a"]
no_match = ["b"]

[[signoff]]
lang = "en"
pattern = '''cheers'''
match = ["thanks"]
no_match = ["cheers"]

[[signoff]]
lang = "en"
pattern = '''ok'''
match = ["ok"]
no_match = ["no"]
colour = "red"

[[mobile_footer]]
lang = "EN"
pattern = '''sent'''
match = ["sent"]
no_match = ["b"]

[[mobile_footer]]
lang = "en"
pattern = '''a*'''
match = ["a"]
no_match = ["b"]
)");
  auto lexicon = LoadMailLexicon(dir.path());
  ASSERT_FALSE(lexicon);
  const std::string message = lexicon.error().message;
  const std::string file = (dir.path() / "mail" / "a.toml").string();
  EXPECT_NE(message.find(file + ":"), std::string::npos) << message;
  EXPECT_NE(message.find("does not compile"), std::string::npos) << message;
  EXPECT_NE(message.find("match example \"thanks\" does not match"), std::string::npos) << message;
  EXPECT_NE(message.find("no_match example \"cheers\" matches"), std::string::npos) << message;
  EXPECT_NE(message.find("unknown field 'colour'"), std::string::npos) << message;
  EXPECT_NE(message.find("lang must be"), std::string::npos) << message;
  EXPECT_NE(message.find("matches the empty string"), std::string::npos) << message;
}

TEST(MailLexicon, ParseErrorNamesTheLine) {
  TempDir dir;
  WriteMinimalLexicon(dir.path(), "");
  WriteFile(dir.path() / "mail" / "b.toml", "[[signoff]]\nlang = \"en\"\npattern = '''x\n");
  auto lexicon = LoadMailLexicon(dir.path());
  ASSERT_FALSE(lexicon);
  EXPECT_NE(lexicon.error().message.find("b.toml:3:"), std::string::npos)
      << lexicon.error().message;
}

TEST(MailLexicon, UnknownTableAndMissingKindAreReported) {
  TempDir dir;
  WriteFile(dir.path() / "mail" / "a.toml",
            "[[salutation]]\nlang = \"en\"\npattern = 'x'\nmatch = [\"x\"]\nno_match = [\"y\"]\n");
  auto lexicon = LoadMailLexicon(dir.path());
  ASSERT_FALSE(lexicon);
  EXPECT_NE(lexicon.error().message.find("a.toml:1: unknown table 'salutation'"), std::string::npos)
      << lexicon.error().message;
}

TEST(MailLexicon, MatchingIsCaseInsensitiveAndWholeLine) {
  const MailLexicon& lexicon = RealMailLexicon();
  EXPECT_TRUE(lexicon.separators.Matches("-----ORIGINAL MESSAGE-----"));
  EXPECT_FALSE(lexicon.separators.Matches("see the -----Original Message----- below"));
  EXPECT_TRUE(lexicon.disclaimers.Matches("CONFIDENTIALITY NOTICE: and then anything at all"));
}

TEST(MailLexicon, OverlongLinesAreNeverTested) {
  const MailLexicon& lexicon = RealMailLexicon();
  const std::string line =
      fmt::format("On 1 May 2024, {} wrote:", std::string(LinePatterns::kMaxTestedBytes, 'a'));
  EXPECT_FALSE(lexicon.attributions.Matches(line));
}

TEST(TrimLine, TrimsSpacesTabsAndNoBreakSpaces) {
  EXPECT_EQ(TrimLine(" \t\xC2\xA0 hello \xC2\xA0\r"), "hello");
  EXPECT_EQ(TrimLine("\xC2\xA0"), "");
  EXPECT_EQ(TrimLine(""), "");
}

}  // namespace
}  // namespace tonewatch
