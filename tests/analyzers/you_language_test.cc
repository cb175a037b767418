#include "analyzers/analysis/you_language.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyzers/text/normalized_text.h"
#include "tests/support/test_support.h"

namespace tonewatch {
namespace {

class YouLanguageTest : public ::testing::Test {
 protected:
  void SetUp() override { data_ = testing::LoadFixtureLexicon().data; }

  // The accusations found in `sentence` (normalized first, as the engine does), as text.
  std::vector<std::string> Accusations(std::string_view sentence) const {
    const YouLanguage you(data_);
    const std::string norm = NormalizedText::Build(sentence).text();
    std::vector<std::string> out;
    for (const Span& s : you.Find(norm)) {
      EXPECT_LE(s.end, norm.size());
      out.push_back(norm.substr(s.begin, s.size()));
    }
    return out;
  }

  LanguageData data_;
};

struct YouCase {
  std::string sentence;
  std::vector<std::string> accusations;  // normalized text of each span
};

TEST_F(YouLanguageTest, BlameAfterASubjectIsAnAccusation) {
  const std::vector<YouCase> cases = {
      {"You never sent the file", {"you never"}},
      {"your team dropped the ball", {"your team dropped the ball"}},
      {"Your team dropped the ball again.", {"your team dropped the ball"}},
      {"You have just never replied.", {"you have just never"}},   // two fillers
      {"you guys messed up the release", {"you guys messed up"}},  // longest subject wins
      {"Honestly, you ignored every email.", {"you ignored"}},
      {"YOU FAILED TO deliver", {"you failed to"}},
      {"You failed to call and your team forgot the invoice.",
       {"you failed to", "your team forgot"}},
  };
  for (const YouCase& c : cases) {
    SCOPED_TRACE(c.sentence);
    EXPECT_EQ(Accusations(c.sentence), c.accusations);
  }
}

TEST_F(YouLanguageTest, CourtesiesAndQuestionsAreNotAccusations) {
  const std::vector<std::string> cases = {
      "thank you",
      "Thank you for sending it.",
      "Thanks, I'll let you know.",
      "I will let you know tomorrow",
      "see you Monday",
      "See you on Monday!",
      "if you have any questions, call me",
      "If you have any questions please ask.",
      "did you get a chance to look at it?",
      "Did you get a chance to review the draft?",
      "If you never received it, tell me.",
      "We would love to hear what you think.",
      "you are welcome to join",
      "Hope you had a good weekend.",
      "You were right about the budget.",
      "Can you send the file?",
      "you know what I mean",
      "you have been great",
      // Blame words in a benign frame: the frame wins.
      "Did you forget to attach it?",
      "I hope you never have to see this again.",
      "When you ignore an alert, the system retries.",
  };
  for (const std::string& sentence : cases) {
    SCOPED_TRACE(sentence);
    EXPECT_TRUE(Accusations(sentence).empty());
  }
}

TEST_F(YouLanguageTest, TooManyFillersIsNotABlameChain) {
  // At most two fillers between subject and blame: a long run is a different sentence shape.
  EXPECT_EQ(Accusations("you have just never replied"),
            (std::vector<std::string>{"you have just never"}));
  EXPECT_TRUE(Accusations("you have still just really never replied").empty());
}

TEST_F(YouLanguageTest, BenignFrameAndSubject) {
  const YouLanguage you(data_);
  EXPECT_TRUE(you.InBenignFrame("thank you", 6));
  EXPECT_TRUE(you.InBenignFrame("if you never send it", 3));
  EXPECT_TRUE(you.InBenignFrame("you have any questions", 0));  // benign_after
  EXPECT_FALSE(you.InBenignFrame("you never send it", 0));
  EXPECT_FALSE(you.InBenignFrame("well, you never send it", 6));
  EXPECT_FALSE(you.InBenignFrame("thank them", 6));  // no subject there
  EXPECT_EQ(you.SubjectAt("your team is late", 0), "your team");
  EXPECT_EQ(you.SubjectAt("you guys never", 0), "you guys");
  EXPECT_EQ(you.SubjectAt("your call", 0), "");  // "your" alone is not a subject in the list
  EXPECT_EQ(you.SubjectAt("yourself", 0), "");
}

}  // namespace
}  // namespace tonewatch
