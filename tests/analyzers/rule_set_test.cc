#include "analyzers/lexicon/rule_set.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/test_support.h"

namespace tonewatch {
namespace {

using testing::Contains;

// A rule as the loader would hand it over, written at rules.toml:`line`.
Rule MakeRule(std::string id, std::string pattern, int line = 1) {
  Rule r;
  r.id = std::move(id);
  r.category = Category::kHostility;
  r.points = 5;
  r.pattern = std::move(pattern);
  r.why = "Because.";
  r.suggestion = "Say it calmly.";
  r.file = "rules.toml";
  r.line = line;
  return r;
}

std::string CompileError(const std::vector<Rule>& rules) {
  auto set = RuleSet::Compile(rules);
  if (set) return "<compiled>";
  EXPECT_EQ(set.error().code, ErrorCode::kBadLexicon);
  return set.error().message;
}

std::vector<std::string> MatchedTexts(std::string_view text, const std::vector<RawMatch>& matches) {
  std::vector<std::string> out;
  for (const RawMatch& m : matches) out.emplace_back(text.substr(m.span.begin, m.span.size()));
  return out;
}

TEST(RuleSet, PatternThatDoesNotCompileNamesFileLineAndRule) {
  const std::string error = CompileError({
      MakeRule("hostility.fine", "\\bfine\\b", 3),
      MakeRule("hostility.broken", "(unclosed", 12),
  });
  EXPECT_TRUE(Contains(error, "rules.toml:12: rule hostility.broken: pattern does not compile: "))
      << error;
  EXPECT_FALSE(Contains(error, "hostility.fine")) << error;
}

TEST(RuleSet, EveryBrokenRuleIsListed) {
  Rule bad_context = MakeRule("hostility.bad-context", "\\bok\\b", 30);
  bad_context.unless_before = "[z-a]";
  Rule bad_after = MakeRule("hostility.bad-after", "\\bok2\\b", 40);
  bad_after.unless_after = "(?P<";
  const std::string error = CompileError({
      MakeRule("hostility.one", "a(", 10),
      MakeRule("hostility.two", "b[", 20),
      bad_context,
      bad_after,
  });
  EXPECT_TRUE(Contains(error, "4 problem(s)")) << error;
  EXPECT_TRUE(Contains(error, "rules.toml:10: rule hostility.one: pattern does not compile"))
      << error;
  EXPECT_TRUE(Contains(error, "rules.toml:20: rule hostility.two: pattern does not compile"))
      << error;
  EXPECT_TRUE(
      Contains(error, "rules.toml:30: rule hostility.bad-context: unless_before does not compile"))
      << error;
  EXPECT_TRUE(
      Contains(error, "rules.toml:40: rule hostility.bad-after: unless_after does not compile"))
      << error;
}

TEST(RuleSet, PatternMatchingTheEmptyStringIsRefused) {
  // Each of these can match zero bytes somewhere: a rule built on one would "fire" on nothing.
  const std::vector<std::string> patterns = {
      "", "a*", "(you)?", "(?:never|)", "^", "$", "\\b", "(?:really )?\\b", "\\bx*\\b",
  };
  for (const std::string& pattern : patterns) {
    SCOPED_TRACE(pattern);
    const std::string error = CompileError({MakeRule("hostility.empty", pattern, 7)});
    EXPECT_TRUE(
        Contains(error, "rules.toml:7: rule hostility.empty: pattern matches the empty string"))
        << error;
  }
}

TEST(RuleSet, SuggestionReferringToAMissingGroupIsRefused) {
  Rule r = MakeRule("hostility.groups", "(you) (never)", 5);
  r.suggestion = "I think {1} {3} it";
  const std::string error = CompileError({r});
  EXPECT_TRUE(Contains(error,
                       "rules.toml:5: rule hostility.groups: suggestion refers to {3} but the "
                       "pattern has 2 group(s)"))
      << error;

  r.suggestion = "I think {1} {2} it, said as {0}";
  EXPECT_TRUE(RuleSet::Compile({r}));
}

TEST(RuleSet, FindAllFindsEveryNonOverlappingMatchLeftToRight) {
  auto set =
      RuleSet::Compile({MakeRule("hostility.no", "\\bno\\b"), MakeRule("hostility.aa", "aa")});
  ASSERT_TRUE(set) << set.error().ToString();
  const std::string text = "no, no and no. aaaaa";
  std::vector<RawMatch> matches;
  set->FindAll(text, &matches);
  ASSERT_EQ(matches.size(), 5u);
  // Rules in index order, each left to right.
  EXPECT_EQ(MatchedTexts(text, matches), (std::vector<std::string>{"no", "no", "no", "aa", "aa"}));
  EXPECT_EQ(matches[0].span, (Span{0, 2}));
  EXPECT_EQ(matches[1].span, (Span{4, 6}));
  EXPECT_EQ(matches[2].span, (Span{11, 13}));
  EXPECT_EQ(matches[3].span, (Span{15, 17}));
  EXPECT_EQ(matches[4].span, (Span{17, 19}));
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(matches[i].rule, 0u);
  for (size_t i = 3; i < 5; ++i) EXPECT_EQ(matches[i].rule, 1u);
}

TEST(RuleSet, FindAllReportsTheGroupsTheSuggestionUses) {
  Rule r = MakeRule("hostility.g", "(you) (never|always) (\\w+)( again)?");
  r.suggestion = "{1} {2} {3}{4}";
  auto set = RuleSet::Compile({r});
  ASSERT_TRUE(set) << set.error().ToString();
  const std::string text = "well you never listen. you always interrupt again";
  std::vector<RawMatch> matches;
  set->FindAll(text, &matches);
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(MatchedTexts(text, matches),
            (std::vector<std::string>{"you never listen", "you always interrupt again"}));
  auto group = [&](const RawMatch& m, size_t g) -> std::string {
    if (m.groups[g].begin == RawMatch::kAbsent) return "<absent>";
    return std::string(text.substr(m.groups[g].begin, m.groups[g].size()));
  };
  EXPECT_EQ(group(matches[0], 1), "you");
  EXPECT_EQ(group(matches[0], 2), "never");
  EXPECT_EQ(group(matches[0], 3), "listen");
  EXPECT_EQ(group(matches[0], 4), "<absent>");  // " again" did not take part
  EXPECT_EQ(matches[0].groups[4].end, RawMatch::kAbsent);
  EXPECT_EQ(group(matches[1], 2), "always");
  EXPECT_EQ(group(matches[1], 4), " again");
  for (size_t g = 5; g < RawMatch::kMaxGroups; ++g)
    EXPECT_EQ(group(matches[1], g), "<absent>") << g;
}

TEST(RuleSet, GroupsTheSuggestionDoesNotUseAreAbsent) {
  Rule r = MakeRule("hostility.g", "(you) (never|always) (\\w+)");
  r.suggestion = "about {2}";
  Rule plain = MakeRule("hostility.plain", "(awful) (day)");
  plain.suggestion = std::nullopt;
  auto set = RuleSet::Compile({r, plain});
  ASSERT_TRUE(set) << set.error().ToString();
  const std::string text = "you never listen on an awful day";
  std::vector<RawMatch> matches;
  set->FindAll(text, &matches);
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(matches[0].groups[2], (Span{4, 9}));
  EXPECT_EQ(matches[0].groups[3].begin, RawMatch::kAbsent);
  EXPECT_EQ(matches[1].span, (Span{23, 32}));
  for (size_t g = 1; g < RawMatch::kMaxGroups; ++g) {
    EXPECT_EQ(matches[1].groups[g].begin, RawMatch::kAbsent) << g;
  }
}

TEST(RuleSet, PatternWithManyGroupsCompiles) {
  // Groups past {9} cannot be referred to, but may be used for structure.
  Rule r = MakeRule("hostility.many", "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)");
  r.suggestion = "{9}";
  auto set = RuleSet::Compile({r});
  ASSERT_TRUE(set) << set.error().ToString();
  std::vector<RawMatch> matches;
  const std::string text = "abcdefghijk";
  set->FindAll(text, &matches);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].groups[9], (Span{8, 9}));
}

TEST(RuleSet, FindAllAppendsAndNeverReportsEmptyMatches) {
  auto set = RuleSet::Compile({MakeRule("hostility.word", "\\bawful\\b")});
  ASSERT_TRUE(set);
  std::vector<RawMatch> matches(1);  // something already there stays
  set->FindAll("nothing here", &matches);
  EXPECT_EQ(matches.size(), 1u);
  set->FindAll("", &matches);
  EXPECT_EQ(matches.size(), 1u);
  set->FindAll("awful, AWFUL", &matches);  // case-insensitive
  ASSERT_EQ(matches.size(), 3u);
  for (size_t i = 1; i < matches.size(); ++i) EXPECT_FALSE(matches[i].span.empty());
}

TEST(RuleSet, WordBoundaryHoldsInTheMiddleOfTheText) {
  // Matching resumes after a match: \b must still see the byte before the resume point.
  auto set = RuleSet::Compile({MakeRule("hostility.ab", "\\bab")});
  ASSERT_TRUE(set);
  std::vector<RawMatch> matches;
  const std::string text = "abab ab";
  set->FindAll(text, &matches);
  EXPECT_EQ(MatchedTexts(text, matches), (std::vector<std::string>{"ab", "ab"}));
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(matches[1].span, (Span{5, 7}));
}

TEST(RuleSet, ManyRulesOnlyTheOnesThatOccurFire) {
  std::vector<Rule> rules;
  for (int i = 0; i < 150; ++i) {
    rules.push_back(
        MakeRule("hostility.r" + std::to_string(i), "\\bword" + std::to_string(i) + "\\b"));
  }
  auto set = RuleSet::Compile(rules);
  ASSERT_TRUE(set) << set.error().ToString();
  std::vector<RawMatch> matches;
  set->FindAll("word7 and word149, not word1500", &matches);
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(matches[0].rule, 7u);
  EXPECT_EQ(matches[1].rule, 149u);
}

TEST(RuleSet, BlockedBeforeAndAfter) {
  Rule always = MakeRule("absolutes.always", "\\balways\\b");
  always.unless_before = "\\b(?:thanks|thank you) for $";
  Rule said = MakeRule("passive-aggressive.as-i-said", "\\bas i said\\b");
  said.unless_after = "^ on (?:the|our) call\\b";
  auto set = RuleSet::Compile({always, said, MakeRule("hostility.plain", "\\bplain\\b")});
  ASSERT_TRUE(set) << set.error().ToString();

  EXPECT_TRUE(set->BlockedBefore(0, "thanks for "));
  EXPECT_TRUE(set->BlockedBefore(0, "well, thank you for "));
  EXPECT_FALSE(set->BlockedBefore(0, "thanks for the help, but it is "));  // anchored at the end
  EXPECT_FALSE(set->BlockedBefore(0, ""));
  EXPECT_FALSE(set->BlockedAfter(0, " on our call"));  // rule 0 has no unless_after

  EXPECT_TRUE(set->BlockedAfter(1, " on our call, the date is friday."));
  EXPECT_FALSE(set->BlockedAfter(1, ", we talked on our call"));  // anchored at the start
  EXPECT_FALSE(set->BlockedBefore(1, "thanks for "));

  EXPECT_FALSE(set->BlockedBefore(2, "anything"));
  EXPECT_FALSE(set->BlockedAfter(2, "anything"));
}

}  // namespace
}  // namespace tonewatch
