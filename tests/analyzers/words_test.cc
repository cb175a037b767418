#include "analyzers/analysis/words.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/test_support.h"

namespace tonewatch {
namespace {

struct PhraseCase {
  std::string text;
  size_t pos;
  std::string phrase;
  bool found;
};

TEST(Words, PhraseAtRespectsWordBoundaries) {
  const std::vector<PhraseCase> cases = {
      {"thank you", 6, "you", true},
      {"you", 0, "you", true},
      {"you.", 0, "you", true},
      {"(you)", 1, "you", true},
      {"thankyou", 5, "you", false},  // glued to the word before
      {"your", 0, "you", false},      // runs on into a longer word
      {"you're", 0, "you", false},    // an apostrophe is part of a word
      {"you2", 0, "you", false},
      {"caf\xC3\xA9you", 5, "you", false},  // non-ASCII bytes are word bytes
      {"your team is late", 0, "your team", true},
      {"your teams", 0, "your team", false},
      {"you", 1, "you", false},
      {"you", 3, "you", false},
      {"you", 4, "you", false},  // past the end
      {"you", 0, "", false},     // an empty phrase is nowhere
      {"!!", 0, "!", true},      // punctuation phrases need no boundary
  };
  for (const PhraseCase& c : cases) {
    SCOPED_TRACE(c.text + " @" + std::to_string(c.pos) + " '" + c.phrase + "'");
    EXPECT_EQ(PhraseAt(c.text, c.pos, c.phrase), c.found);
  }
}

TEST(Words, AnyPhraseAtTakesTheFirstInTheCallersOrder) {
  const std::vector<std::string> longest_first = {"your team", "your", "you"};
  EXPECT_EQ(AnyPhraseAt("your team failed", 0, longest_first), "your team");
  EXPECT_EQ(AnyPhraseAt("your call", 0, longest_first), "your");
  EXPECT_EQ(AnyPhraseAt("you did", 0, longest_first), "you");
  EXPECT_TRUE(AnyPhraseAt("yours", 0, longest_first).empty());
}

TEST(Words, WordBeforeAndAfter) {
  EXPECT_EQ(WordBefore("thank you", 6), "thank");
  EXPECT_EQ(WordBefore("thank   you", 8), "thank");
  EXPECT_EQ(WordBefore("well, you", 6), "");  // punctuation comes first
  EXPECT_EQ(WordBefore("you", 0), "");
  EXPECT_EQ(WordBefore("don't you", 6), "don't");
  EXPECT_EQ(NextWordStart("you  never", 3), 5u);
  EXPECT_EQ(NextWordStart("you, never", 3), std::string_view::npos);
  EXPECT_EQ(NextWordStart("you ", 3), std::string_view::npos);
  EXPECT_EQ(WordEnd("didn't reply", 0), 6u);
  EXPECT_EQ(WordEnd("abc", 3), 3u);
}

class Negation : public ::testing::Test {
 protected:
  void SetUp() override { data_ = testing::LoadFixtureLexicon().data; }
  bool Negated(std::string_view before) const {
    return IsNegated(before, data_.negation_window, data_.negators, data_.clause_breaks);
  }
  LanguageData data_;
};

struct NegationCase {
  std::string before;  // normalized text right before a match
  bool negated;
};

TEST_F(Negation, LooksBackWithinTheClause) {
  const std::vector<NegationCase> cases = {
      {"this is not ", true},  // "not a problem"
      {"that is not ", true},
      {"no ", true},  // "no problem"
      {"we have no ", true},
      {"it was never ", true},
      {"we don't want to ", true},  // n't within the window
      {"it isn't ", true},
      {"there is nothing ", true},
      {"no, this is ", false},  // "no, this is a problem": the comma breaks
      {"no; this is ", false},
      {"not now: this is ", false},
      {"not really. this is ", false},
      {"the demo was good, but this is ", false},   // comma and "but"
      {"it was not the demo but this is ", false},  // "but" alone breaks
      {"not fine and this is ", false},             // "and" is a clause break in the fixture
      {"not one two three ", false},                // outside the 3-word window
      {"not one two ", true},                       // just inside it
      {"this not only ", false},                    // "not only ... but also" adds
      {"it is not only not ", true},                // a second "not" still negates
      {"", false},
      {"   ", false},
      {"notable ", false},  // a negator must be the whole word
      {"knot ", false},
      {"can't ", true},
  };
  for (const NegationCase& c : cases) {
    SCOPED_TRACE("'" + c.before + "'");
    EXPECT_EQ(Negated(c.before), c.negated);
  }
}

TEST_F(Negation, ClauseWordsStopAtBreaks) {
  EXPECT_EQ(ClauseWordsBefore("the demo was good, but this is ", 3, data_.clause_breaks),
            (std::vector<std::string_view>{"is", "this"}));
  EXPECT_EQ(ClauseWordsBefore("one two three four ", 3, data_.clause_breaks),
            (std::vector<std::string_view>{"four", "three", "two"}));
  EXPECT_EQ(ClauseWordsBefore("said \"not (really) ", 3, data_.clause_breaks),
            (std::vector<std::string_view>{"really", "not", "said"}));
  EXPECT_TRUE(ClauseWordsBefore("done. ", 3, data_.clause_breaks).empty());
}

}  // namespace
}  // namespace tonewatch
