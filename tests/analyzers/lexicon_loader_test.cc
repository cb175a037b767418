#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "analyzers/lexicon/lexicon.h"
#include "tests/support/test_support.h"

namespace tonewatch {
namespace {

namespace fs = std::filesystem;
using testing::FixtureLexiconRoot;
using testing::LineOf;
using testing::ReadFile;
using testing::TempDir;
using testing::WriteFile;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool HasLine(const std::vector<std::string>& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

const Rule* FindRule(const Lexicon& lexicon, std::string_view id) {
  for (const Rule& r : lexicon.rules) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

// A valid rule, as TOML text, with `extra` lines added inside it.
std::string GoodRule(std::string_view id, std::string_view extra = "") {
  return fmt::format(
      "[[rule]]\n"
      "id = \"{}\"\n"
      "category = \"hostility\"\n"
      "points = 5\n"
      "pattern = '''\\bawful\\b'''\n"
      "why = \"Because.\"\n"
      "suggestion = \"Say what happened.\"\n"
      "match = [\"awful\", \"so awful\"]\n"
      "no_match = [\"fine\", \"good\"]\n"
      "{}\n",
      id, extra);
}

TEST(LexiconLoader, LoadsTheFixture) {
  auto lexicon = LoadLexicon(FixtureLexiconRoot());
  ASSERT_TRUE(lexicon) << lexicon.error().ToString();
  EXPECT_EQ(lexicon->language, "en");
  EXPECT_EQ(lexicon->folder, FixtureLexiconRoot() / "en");
  EXPECT_EQ(lexicon->file_count, 3u);  // language.toml, cues.toml, repair.toml
  EXPECT_EQ(lexicon->hash.size(), 16u);
  EXPECT_EQ(lexicon->hash.find_first_not_of("0123456789abcdef"), std::string::npos);

  // File-name order, then file order.
  ASSERT_EQ(lexicon->rules.size(), 11u);
  EXPECT_EQ(lexicon->rules.front().id, "accusation.you-never");
  EXPECT_EQ(lexicon->rules.back().id, "repair.thanks-patience");

  const Rule* never = FindRule(*lexicon, "accusation.you-never");
  ASSERT_NE(never, nullptr);
  EXPECT_EQ(never->category, Category::kAccusation);
  EXPECT_EQ(never->points, 12);
  EXPECT_TRUE(never->negatable);
  ASSERT_TRUE(never->suggestion.has_value());
  EXPECT_EQ(*never->suggestion, "I can't find {1} {2} on my side yet. Could you check?");
  EXPECT_EQ(never->match.size(), 2u);
  EXPECT_EQ(never->no_match.size(), 2u);
  const std::string cues = (FixtureLexiconRoot() / "en" / "cues.toml").string();
  EXPECT_EQ(never->file, cues);
  EXPECT_EQ(never->line, LineOf(ReadFile(cues), "[[rule]]"));
  EXPECT_EQ(never->Where(), fmt::format("{}:{}: rule accusation.you-never", cues, never->line));

  const Rule* escalate = FindRule(*lexicon, "escalation.escalate");
  ASSERT_NE(escalate, nullptr);
  EXPECT_FALSE(escalate->negatable);
  const Rule* as_i_said = FindRule(*lexicon, "passive-aggressive.as-i-said");
  ASSERT_NE(as_i_said, nullptr);
  EXPECT_FALSE(as_i_said->unless_after.empty());
  EXPECT_TRUE(as_i_said->unless_before.empty());
  const Rule* booster = FindRule(*lexicon, "intensity.absolutely");
  ASSERT_NE(booster, nullptr);
  EXPECT_EQ(booster->points, 50);
  EXPECT_FALSE(booster->suggestion.has_value());
  const Rule* sorry = FindRule(*lexicon, "repair.sorry");
  ASSERT_NE(sorry, nullptr);
  EXPECT_EQ(sorry->points, -10);

  const LanguageData& data = lexicon->data;
  EXPECT_EQ(data.negation_window, 3);
  EXPECT_EQ(data.you_rule_id, "accusation.you-statement");
  EXPECT_EQ(data.you_points, 8);
  EXPECT_EQ(data.caps_boost, 30);
  EXPECT_EQ(data.caps_min_letters, 3);
  EXPECT_NE(std::find(data.negators.begin(), data.negators.end(), "not"), data.negators.end());
  EXPECT_NE(std::find(data.acronyms.begin(), data.acronyms.end(), "ASAP"), data.acronyms.end());
  EXPECT_NE(std::find(data.you_subjects.begin(), data.you_subjects.end(), "your team"),
            data.you_subjects.end());
  EXPECT_FALSE(data.you_why.empty());
}

// One folder with many different mistakes: the loader reports every one of them, each on the line
// it sits on, rather than stopping at the first.
TEST(LexiconLoader, ReportsEveryProblemWithFileLineAndRule) {
  TempDir dir;
  const fs::path en = dir.path() / "en";
  WriteFile(en / "language.toml", ReadFile(FixtureLexiconRoot() / "en" / "language.toml"));

  const std::string syntax = GoodRule("hostility.before-the-typo") +
                             "[[rule]]\n"
                             "id = \"hostility.typo\"\n"
                             "points = = 3   # the syntax error\n";
  WriteFile(en / "a_syntax.toml", syntax);

  const std::string rules =
      GoodRule("hostility.fine-one") +
      // missing why: reported at the rule's [[rule]] line
      "[[rule]]  # no-why\n"
      "id = \"hostility.no-why\"\n"
      "category = \"hostility\"\n"
      "points = 5\n"
      "pattern = 'x'\n"
      "suggestion = \"s\"\n"
      "match = [\"x\", \"xx\"]\n"
      "no_match = [\"y\", \"yy\"]\n"
      "\n"
      "[[rule]]\n"
      "id = \"hostility.bad-category\"\n"
      "category = \"hostile\"   # bad-category\n"
      "points = 5\n"
      "pattern = 'x'\n"
      "why = \"w\"\n"
      "suggestion = \"s\"\n"
      "match = [\"x\", \"xx\"]\n"
      "no_match = [\"y\", \"yy\"]\n"
      "\n" +
      GoodRule("anger.wrong-prefix") +  // category hostility
      "[[rule]]\n"
      "id = \"repair.positive\"\n"
      "category = \"repair\"\n"
      "points = 5   # positive-repair\n"
      "pattern = 'sorry'\n"
      "why = \"w\"\n"
      "match = [\"sorry\", \"so sorry\"]\n"
      "no_match = [\"y\", \"yy\"]\n"
      "\n"
      "[[rule]]\n"
      "id = \"hostility.one-example\"\n"
      "category = \"hostility\"\n"
      "points = 5\n"
      "pattern = 'x'\n"
      "why = \"w\"\n"
      "suggestion = \"s\"\n"
      "match = [\"only one\"]   # one-example\n"
      "no_match = [\"y\", \"yy\"]\n"
      "\n" +
      GoodRule("hostility.unknown-field", "severity = \"high\"   # unknown-field") +
      "[[rule]]   # duplicate\n" + GoodRule("hostility.fine-one").substr(9);
  WriteFile(en / "b_rules.toml", rules);

  auto lexicon = LoadLexicon(dir.path());
  ASSERT_FALSE(lexicon);
  EXPECT_EQ(lexicon.error().code, ErrorCode::kBadLexicon);
  EXPECT_EQ(lexicon.error().where, en.string());

  const std::string a = (en / "a_syntax.toml").string();
  const std::string b = (en / "b_rules.toml").string();
  const auto at = [&](const std::string& file, const std::string& text, std::string_view marker) {
    return fmt::format("{}:{}", file, LineOf(text, marker));
  };
  const std::vector<std::string> lines = Lines(lexicon.error().message);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0], "8 problem(s) in the lexicon:") << lexicon.error().message;
  EXPECT_EQ(lines.size(), 9u) << lexicon.error().message;

  // The syntax error: the file and line, and toml++'s description (there is no rule to name).
  const std::string syntax_prefix = at(a, syntax, "the syntax error") + ": ";
  EXPECT_TRUE(std::any_of(lines.begin(), lines.end(),
                          [&](const std::string& l) { return l.rfind(syntax_prefix, 0) == 0; }))
      << "no line starts with " << syntax_prefix << " in:\n"
      << lexicon.error().message;

  const std::vector<std::string> expected = {
      at(b, rules, "# no-why") + ": rule hostility.no-why: missing 'why'",
      at(b, rules, "# bad-category") + ": rule hostility.bad-category: unknown category 'hostile'",
      at(b, rules, "id = \"anger.wrong-prefix\"") +
          ": rule anger.wrong-prefix: id prefix 'anger' differs from category 'hostility'",
      at(b, rules, "# positive-repair") + ": rule repair.positive: repair points must be -1..-30",
      at(b, rules, "# one-example") +
          ": rule hostility.one-example: 'match' needs at least 2 examples, has 1",
      at(b, rules, "# unknown-field") + ": rule hostility.unknown-field: unknown field 'severity'",
      at(b, rules, "# duplicate") + ": rule hostility.fine-one: duplicate id",
  };
  for (const std::string& line : expected) {
    EXPECT_TRUE(HasLine(lines, line)) << "missing: " << line << "\nin:\n"
                                      << lexicon.error().message;
  }
}

struct BadRule {
  std::string name;
  std::string extra;  // added to (or overriding) a good rule
  std::string reason;
};

TEST(LexiconLoader, EachFieldCheckNamesTheField) {
  // One rule per temp lexicon, so each reason is checked on its own.
  const std::vector<BadRule> cases = {
      {"points not an integer", "points = \"five\"", "'points' must be an integer"},
      {"points out of range", "points = 41", "points must be 1..40"},
      {"zero points", "points = 0", "points must be 1..40"},
      {"why not a string", "why = 3", "'why' must be a string"},
      {"negatable not a bool", "negatable = \"no\"", "negatable must be true or false"},
      {"no_match not an array", "no_match = \"one\"",
       "'no_match' must be an array of at least 2 strings"},
      {"example not a string", "match = [\"x\", 3]", "'match' holds a value that is not a string"},
      {"empty pattern", "pattern = ''", "pattern is empty"},
      {"id with upper case", "id = \"hostility.Bad\"",
       "id must be 'category.slug' with [a-z0-9-] in the slug"},
      {"id without a dot", "id = \"hostility\"",
       "id must be 'category.slug' with [a-z0-9-] in the slug"},
  };
  for (const BadRule& c : cases) {
    SCOPED_TRACE(c.name);
    TempDir dir;
    testing::CopyFixtureLexicon(dir.path());
    // TOML forbids a key twice, so build the rule by hand with the override in place.
    std::string rule = GoodRule("hostility.case");
    const std::string key = c.extra.substr(0, c.extra.find(' '));
    const size_t at = rule.find("\n" + key + " = ");
    if (at == std::string::npos) {
      rule.insert(rule.find("\nwhy = ") + 1, c.extra + "   # the bad field\n");
    } else {
      const size_t end = rule.find('\n', at + 1);
      rule.replace(at + 1, end - at - 1, c.extra + "   # the bad field");
    }
    WriteFile(dir.path() / "en" / "zz_bad.toml", rule);
    auto lexicon = LoadLexicon(dir.path());
    ASSERT_FALSE(lexicon);
    const std::string file = (dir.path() / "en" / "zz_bad.toml").string();
    const std::string id = key == "id" ? c.extra.substr(c.extra.find('"') + 1,
                                                        c.extra.rfind('"') - c.extra.find('"') - 1)
                                       : "hostility.case";
    const std::string expected =
        fmt::format("{}:{}: rule {}: {}", file, LineOf(rule, "# the bad field"), id, c.reason);
    EXPECT_TRUE(HasLine(Lines(lexicon.error().message), expected))
        << "missing: " << expected << "\nin:\n"
        << lexicon.error().message;
  }
}

TEST(LexiconLoader, MissingFolderSaysWhereItLooked) {
  TempDir dir;
  auto lexicon = LoadLexicon(dir.path() / "nowhere");
  ASSERT_FALSE(lexicon);
  EXPECT_EQ(lexicon.error().code, ErrorCode::kBadLexicon);
  EXPECT_EQ(lexicon.error().where, (dir.path() / "nowhere" / "en").string());
  EXPECT_NE(lexicon.error().ToString().find("no lexicon folder here"), std::string::npos);
  EXPECT_NE(lexicon.error().ToString().find("--lexicons"), std::string::npos);
}

TEST(LexiconLoader, MissingLanguageFileIsAProblem) {
  TempDir dir;
  testing::CopyFixtureLexicon(dir.path());
  fs::remove(dir.path() / "en" / "language.toml");
  auto lexicon = LoadLexicon(dir.path());
  ASSERT_FALSE(lexicon);
  EXPECT_EQ(lexicon.error().code, ErrorCode::kBadLexicon);
  EXPECT_TRUE(HasLine(Lines(lexicon.error().message),
                      (dir.path() / "en" / "language.toml").string() + ":1: missing language.toml"))
      << lexicon.error().message;
}

TEST(LexiconLoader, LanguageFileAloneHasNoRules) {
  TempDir dir;
  WriteFile(dir.path() / "en" / "language.toml",
            ReadFile(FixtureLexiconRoot() / "en" / "language.toml"));
  auto lexicon = LoadLexicon(dir.path());
  ASSERT_FALSE(lexicon);
  EXPECT_NE(lexicon.error().message.find("no rules"), std::string::npos) << lexicon.error().message;
}

TEST(LexiconLoader, RuleFileWithoutRuleTables) {
  TempDir dir;
  testing::CopyFixtureLexicon(dir.path());
  WriteFile(dir.path() / "en" / "notes.toml", "title = \"not rules\"\n");
  auto lexicon = LoadLexicon(dir.path());
  ASSERT_FALSE(lexicon);
  EXPECT_TRUE(HasLine(Lines(lexicon.error().message), (dir.path() / "en" / "notes.toml").string() +
                                                          ":1: no [[rule]] tables in a rule file"))
      << lexicon.error().message;
}

TEST(LexiconLoader, NegationWindowOutOfRange) {
  TempDir dir;
  testing::CopyFixtureLexicon(dir.path());
  const fs::path language = dir.path() / "en" / "language.toml";
  std::string text = ReadFile(language);
  const size_t at = text.find("window = 3");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 10, "window = 99");
  WriteFile(language, text);
  auto lexicon = LoadLexicon(dir.path());
  ASSERT_FALSE(lexicon);
  EXPECT_NE(lexicon.error().message.find("negation.window must be 1..8"), std::string::npos)
      << lexicon.error().message;
}

TEST(LexiconLoader, NonTomlFilesAreIgnored) {
  TempDir dir;
  testing::CopyFixtureLexicon(dir.path());
  WriteFile(dir.path() / "en" / "README.md", "# notes, not rules [[[\n");
  WriteFile(dir.path() / "en" / "cues.toml~", "garbage = = =\n");
  auto lexicon = LoadLexicon(dir.path());
  ASSERT_TRUE(lexicon) << lexicon.error().ToString();
  EXPECT_EQ(lexicon->file_count, 3u);
}

TEST(LexiconLoader, HashIsStableAndFollowsEveryFile) {
  TempDir dir;
  testing::CopyFixtureLexicon(dir.path());
  auto HashNow = [&]() -> std::string {
    auto lexicon = LoadLexicon(dir.path());
    EXPECT_TRUE(lexicon) << lexicon.error().ToString();
    return lexicon ? lexicon->hash : std::string("<failed>");
  };
  const std::string original = HashNow();
  EXPECT_EQ(HashNow(), original) << "same files, same hash";
  EXPECT_EQ(LoadLexicon(FixtureLexiconRoot())->hash, original) << "hash ignores the folder path";

  const fs::path repair = dir.path() / "en" / "repair.toml";
  const std::string repair_text = ReadFile(repair);
  WriteFile(repair, repair_text + "# one more comment\n");
  const std::string after_comment = HashNow();
  EXPECT_NE(after_comment, original) << "a changed byte changes the hash";

  WriteFile(repair, repair_text);
  EXPECT_EQ(HashNow(), original) << "restoring the bytes restores the hash";

  const fs::path language = dir.path() / "en" / "language.toml";
  WriteFile(language, ReadFile(language) + "\n");
  EXPECT_NE(HashNow(), original) << "language.toml counts too";
  WriteFile(language, ReadFile(FixtureLexiconRoot() / "en" / "language.toml"));
  EXPECT_EQ(HashNow(), original);

  fs::rename(repair, dir.path() / "en" / "zrepair.toml");
  EXPECT_NE(HashNow(), original) << "file names count";
}

}  // namespace
}  // namespace tonewatch
