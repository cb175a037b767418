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

}  // namespace
}  // namespace tonewatch
