#include "analyzers/engine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/test_support.h"

namespace tonewatch {
namespace {

using testing::FixtureEngine;

TextAnalysis Analyze(std::string_view text) { return FixtureEngine().Analyze(text); }

// Every finding's bytes are exactly the original's at its span, its context holds it, and the
// findings are in text order.
void ExpectWellFormed(std::string_view text, const TextAnalysis& analysis) {
  size_t last_begin = 0;
  for (const Finding& f : analysis.findings) {
    SCOPED_TRACE(f.rule);
    ASSERT_LE(f.span.begin, f.span.end);
    ASSERT_LE(f.span.end, text.size());
    EXPECT_FALSE(f.span.empty());
    EXPECT_EQ(f.text, text.substr(f.span.begin, f.span.size()));
    ASSERT_LE(f.context_offset + f.text.size(), f.context.size());
    EXPECT_EQ(f.context.substr(f.context_offset, f.text.size()), f.text);
    EXPECT_GE(f.span.begin, last_begin) << "findings out of text order";
    last_begin = f.span.begin;
  }
}

// Rule ids of the findings, in order.
std::vector<std::string> Rules(const TextAnalysis& analysis) {
  std::vector<std::string> out;
  for (const Finding& f : analysis.findings) out.push_back(f.rule);
  return out;
}

const Finding* FindingOf(const TextAnalysis& analysis, std::string_view rule) {
  for (const Finding& f : analysis.findings) {
    if (f.rule == rule) return &f;
  }
  return nullptr;
}

int SumOfPoints(const TextAnalysis& analysis) {
  int sum = 0;
  for (const Finding& f : analysis.findings) sum += f.points;
  return sum;
}

struct SpanCase {
  std::string name;
  std::string text;
  std::string rule;
  std::string expected_text;  // the original bytes the finding must cover
};

TEST(Engine, FindingSpansAreExactOriginalBytes) {
  const std::vector<SpanCase> cases = {
      {"plain", "Well, this is unacceptable.", "hostility.unacceptable", "unacceptable"},
      {"curly quotes before",
       "\xE2\x80\x9C"
       "Fine,\xE2\x80\x9D she said. This is unacceptable.",
       "hostility.unacceptable", "unacceptable"},
      {"NBSP before",
       "We\xC2\xA0waited\xC2\xA0\xC2\xA0"
       "and this is unacceptable.",
       "hostility.unacceptable", "unacceptable"},
      {"full-width before", "\xEF\xBC\xB7\xEF\xBD\x85 waited. This is unacceptable.",
       "hostility.unacceptable", "unacceptable"},
      {"emoji before", "\xF0\x9F\x98\xA1\xF0\x9F\x98\xA1 this is unacceptable",
       "hostility.unacceptable", "unacceptable"},
      {"ligature and sharp s before",
       "Stra\xC3\x9F"
       "e \xEF\xAC\x81les: unacceptable",
       "hostility.unacceptable", "unacceptable"},
      {"soft hyphen before",
       "soft\xC2\xAD"
       "ware is unacceptable",
       "hostility.unacceptable", "unacceptable"},
      {"full-width inside", "this is \xEF\xBD\x95nacceptable", "hostility.unacceptable",
       "\xEF\xBD\x95nacceptable"},
      {"upper case inside", "This is UnAcceptable", "hostility.unacceptable", "UnAcceptable"},
      {"NBSP inside", "You never\xC2\xA0sent the file.", "accusation.you-never",
       "You never\xC2\xA0sent the file"},
      {"line break inside", "You never\nsent the file.", "accusation.you-never",
       "You never\nsent the file"},
      {"curly apostrophe inside", "you didn\xE2\x80\x99t reply to my question",
       "accusation.you-never", "you didn\xE2\x80\x99t reply to my question"},
      {"space run inside", "As  I \t said, it was Friday.", "passive-aggressive.as-i-said",
       "As  I \t said"},
  };
  for (const SpanCase& c : cases) {
    SCOPED_TRACE(c.name);
    const TextAnalysis analysis = Analyze(c.text);
    ExpectWellFormed(c.text, analysis);
    const Finding* f = FindingOf(analysis, c.rule);
    ASSERT_NE(f, nullptr) << "no " << c.rule;
    EXPECT_EQ(f->text, c.expected_text);
    EXPECT_EQ(c.text.substr(f->span.begin, f->span.end - f->span.begin), c.expected_text);
  }
}

TEST(Engine, FindingCarriesRuleCategoryWhyAndPoints) {
  const TextAnalysis analysis = Analyze("You never sent the file.");
  ASSERT_EQ(analysis.findings.size(), 1u);
  const Finding& f = analysis.findings[0];
  EXPECT_EQ(f.rule, "accusation.you-never");
  EXPECT_EQ(f.category, Category::kAccusation);
  EXPECT_EQ(f.points, 12);
  EXPECT_EQ(f.span, (Span{0, 23}));
  EXPECT_EQ(f.why,
            "An absolute blame statement puts the reader on the defensive instead of fixing the "
            "problem.");
  EXPECT_EQ(analysis.heat, 12);
}

TEST(Engine, SuggestionRepeatsCapturedWordsAsWritten) {
  struct Case {
    std::string text;
    std::string rule;
    std::string suggestion;
  };
  const std::vector<Case> cases = {
      {"You didn't reply to my Question.", "accusation.you-never",
       "I can't find my Question on my side yet. Could you check?"},
      {"you never sent the \xEF\xBC\xA6ile", "accusation.you-never",
       "I can't find the \xEF\xBC\xA6ile on my side yet. Could you check?"},
      {"You never answered OUR email", "accusation.you-never",
       "I can't find OUR email on my side yet. Could you check?"},
      {"We have Another  Serious Problem.", "frustration.a-problem",
       "Say what went wrong instead of \"Another  Serious Problem\": what happened, and what you "
       "need now."},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    const TextAnalysis analysis = Analyze(c.text);
    const Finding* f = FindingOf(analysis, c.rule);
    ASSERT_NE(f, nullptr);
    ASSERT_TRUE(f->suggestion.has_value());
    EXPECT_EQ(*f->suggestion, c.suggestion);
  }
}

TEST(Engine, IntensityAndRepairFindingsHaveNoSuggestion) {
  const TextAnalysis analysis = Analyze("This is absolutely unacceptable. I'm sorry.");
  const Finding* booster = FindingOf(analysis, "intensity.absolutely");
  const Finding* sorry = FindingOf(analysis, "repair.sorry");
  ASSERT_NE(booster, nullptr);
  ASSERT_NE(sorry, nullptr);
  EXPECT_FALSE(booster->suggestion.has_value());
  EXPECT_FALSE(sorry->suggestion.has_value());
}

struct FiresCase {
  std::string text;
  std::vector<std::string> rules;  // every finding's rule, in text order
};

void ExpectRules(const std::vector<FiresCase>& cases) {
  for (const FiresCase& c : cases) {
    SCOPED_TRACE(c.text);
    const TextAnalysis analysis = Analyze(c.text);
    ExpectWellFormed(c.text, analysis);
    EXPECT_EQ(Rules(analysis), c.rules);
  }
}

TEST(Engine, NegationSuppressesNegatableRulesOnly) {
  ExpectRules({
      {"This is not unacceptable.", {}},
      {"That is not a problem.", {}},
      {"It isn't a problem for us.", {}},
      {"No, this is a problem.", {"frustration.a-problem"}},
      {"The demo was good, but this is unacceptable.", {"hostility.unacceptable"}},
      {"Not the demo, this is unacceptable.", {"hostility.unacceptable"}},
      // Negation looks back in the same sentence only.
      {"It is not fine. Unacceptable.", {"hostility.unacceptable"}},
      // escalation.escalate is not negatable: the negator is part of the threat.
      {"I don't want to escalate this.", {"escalation.escalate"}},
      {"We will not hesitate in escalating this.", {"escalation.escalate"}},
  });
}

TEST(Engine, UnlessBeforeAndAfterKeepContextOut) {
  ExpectRules({
      {"Thanks for always answering so quickly.", {}},
      {"This always breaks on Fridays.", {"absolutes.always"}},
      // unless_before sees only the sentence the match is in.
      {"Thank you for your patience. Always the same excuse.",
       {"repair.thanks-patience", "absolutes.always"}},
      {"As I mentioned on our call, the release is Friday.", {}},
      {"As I said, the release is Friday.", {"passive-aggressive.as-i-said"}},
      {"As I said. On our call we agreed Friday.", {"passive-aggressive.as-i-said"}},
  });
}

TEST(Engine, AccusationGateAndYouStatements) {
  ExpectRules({
      {"If you never send the file, we cannot start.", {}},
      {"Did you never send the file?", {}},
      {"Your team dropped the ball again.", {"accusation.you-statement"}},
      {"Thank you for sending it.", {}},
      {"I'll let you know.", {}},
      // A lexicon accusation covers the generic you-statement it overlaps: one finding, not two.
      {"You never sent the file.", {"accusation.you-never"}},
  });
  const TextAnalysis analysis = Analyze("Honestly, your team dropped the ball again.");
  const Finding* f = FindingOf(analysis, "accusation.you-statement");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->text, "your team dropped the ball");
  EXPECT_EQ(f->points, 8);
  EXPECT_EQ(f->category, Category::kAccusation);
  ASSERT_TRUE(f->suggestion.has_value());
}

// A booster contributes points% of the heated points in its sentence, at least 1.
int Boost(int heated_points, int percent) {
  return std::max(1, static_cast<int>(heated_points * percent / 100.0 + 0.5));
}

TEST(Engine, BoosterInAHeatedSentenceAddsAShareOfItsPoints) {
  const TextAnalysis analysis = Analyze("This is absolutely unacceptable.");
  EXPECT_EQ(Rules(analysis),
            (std::vector<std::string>{"intensity.absolutely", "hostility.unacceptable"}));
  const Finding* booster = FindingOf(analysis, "intensity.absolutely");
  ASSERT_NE(booster, nullptr);
  EXPECT_EQ(booster->category, Category::kIntensity);
  EXPECT_EQ(booster->points, Boost(20, 50));
  EXPECT_EQ(booster->text, "absolutely");
  EXPECT_EQ(analysis.heat, 20 + Boost(20, 50));
}

TEST(Engine, TinyBoostIsAtLeastOnePoint) {
  const TextAnalysis analysis = Analyze("This is really unacceptable.");
  const Finding* booster = FindingOf(analysis, "intensity.really");
  ASSERT_NE(booster, nullptr);
  EXPECT_EQ(booster->points, 1);  // 1% of 20 rounds to 0; the floor is 1
  EXPECT_EQ(analysis.heat, 21);
}

TEST(Engine, BoostersDoNotBoostEachOther) {
  const TextAnalysis analysis = Analyze("This is absolutely unacceptable!!");
  EXPECT_EQ(FindingOf(analysis, "intensity.absolutely")->points, Boost(20, 50));
  ASSERT_NE(FindingOf(analysis, "intensity.exclamations"), nullptr);
  EXPECT_EQ(FindingOf(analysis, "intensity.exclamations")->points, Boost(20, 20));
  EXPECT_EQ(analysis.heat, 20 + Boost(20, 50) + Boost(20, 20));
}

TEST(Engine, BoosterInACalmSentenceAddsNothing) {
  ExpectRules({
      {"It was absolutely lovely.", {}},
      {"Great news!!", {}},
      // The heated sentence is another one: the booster's own sentence is calm.
      {"This is unacceptable. The demo was absolutely lovely!!", {"hostility.unacceptable"}},
      // Repair is not heat: nothing to boost.
      {"We are so sorry, absolutely.", {"repair.sorry"}},
  });
  EXPECT_EQ(Analyze("This is unacceptable. The demo was absolutely lovely!!").heat, 20);
}

TEST(Engine, ShoutedWordInLowerCaseTextBoosts) {
  const std::string text = "We waited all week and this is UNACCEPTABLE.";
  const TextAnalysis analysis = Analyze(text);
  ExpectWellFormed(text, analysis);
  const Finding* caps = FindingOf(analysis, "intensity.all-caps");
  ASSERT_NE(caps, nullptr);
  EXPECT_EQ(caps->text, "UNACCEPTABLE");
  EXPECT_EQ(caps->category, Category::kIntensity);
  EXPECT_EQ(caps->points, Boost(20, 30));
  EXPECT_FALSE(caps->why.empty());
  EXPECT_EQ(analysis.heat, 20 + Boost(20, 30));
}

TEST(Engine, CapitalsThatAreNotShouting) {
  ExpectRules({
      // A long text written all in capitals: a style, not shouting (a short one shouts).
      {"WE WAITED ALL WEEK FOR THE REVISED FIGURES FROM THE TEAM AND THIS IS NOW UNACCEPTABLE.",
       {"hostility.unacceptable"}},
      // Acronyms from language.toml.
      {"Please fix it ASAP, this is unacceptable.", {"hostility.unacceptable"}},
      {"The API and SLA are unacceptable.", {"hostility.unacceptable"}},
      // Shorter than caps.min_letters.
      {"I am OK with it but this is unacceptable.", {"hostility.unacceptable"}},
      // A shouted word in a calm sentence has nothing to boost.
      {"The demo was GREAT, thanks.", {}},
  });
}

TEST(Engine, RepairSubtracts) {
  const TextAnalysis both = Analyze("This is unacceptable. I'm sorry for the delay.");
  EXPECT_EQ(Rules(both), (std::vector<std::string>{"hostility.unacceptable", "repair.sorry"}));
  EXPECT_EQ(FindingOf(both, "repair.sorry")->points, -10);
  EXPECT_EQ(FindingOf(both, "repair.sorry")->category, Category::kRepair);
  EXPECT_EQ(both.heat, 10);

  // Alone, repair is listed but heat does not go below 0.
  const TextAnalysis alone = Analyze("I'm sorry for the delay. Thank you for your patience.");
  EXPECT_EQ(alone.findings.size(), 2u);
  EXPECT_EQ(SumOfPoints(alone), -15);
  EXPECT_EQ(alone.heat, 0);
}

// One set of words cannot both cool and heat: when a heated rule reads a thank-you as sarcasm, the
// thank-you is not also counted as repair. Apart, each keeps its reading.
TEST(Engine, RepairInsideAHeatedFindingDoesNotCool) {
  Lexicon lexicon = testing::LoadFixtureLexicon();
  Rule sarcasm;
  sarcasm.id = "passive-aggressive.sarcastic-thanks";
  sarcasm.category = Category::kPassiveAggressive;
  sarcasm.points = 12;
  sarcasm.pattern = R"(\b(?:well, as i said, )?thanks for your patience,? yet again\b)";
  sarcasm.why = "Thanks for something unwelcome is sarcasm.";
  sarcasm.suggestion = "We have had to wait again: ...";
  lexicon.rules.push_back(sarcasm);
  auto engine = Engine::Create(std::move(lexicon));
  ASSERT_TRUE(engine) << engine.error().ToString();

  const TextAnalysis sarcastic = engine->Analyze("Thanks for your patience, yet again.");
  EXPECT_EQ(Rules(sarcastic), (std::vector<std::string>{"passive-aggressive.sarcastic-thanks"}));
  EXPECT_EQ(sarcastic.heat, 12);

  // A shorter heated finding ("as I said") starting between the sarcasm's start and the thanks
  // does not hide the longer one that holds the thanks; over the same words, only the stronger
  // counts, and the other is listed with 0 points.
  const TextAnalysis nested =
      engine->Analyze("Well, as I said, thanks for your patience, yet again.");
  EXPECT_EQ(Rules(nested), (std::vector<std::string>{"passive-aggressive.sarcastic-thanks",
                                                     "passive-aggressive.as-i-said"}));
  EXPECT_EQ(FindingOf(nested, "passive-aggressive.as-i-said")->points, 0);
  EXPECT_EQ(nested.heat, 12);

  const TextAnalysis apart = engine->Analyze("Thanks for your patience. This is unacceptable.");
  EXPECT_EQ(Rules(apart),
            (std::vector<std::string>{"repair.thanks-patience", "hostility.unacceptable"}));
  EXPECT_EQ(apart.heat, 20 - 5);
}

TEST(Engine, HeatIsCappedAt100) {
  std::string text;
  for (int i = 0; i < 8; ++i) text += "This is absolutely unacceptable. ";
  const TextAnalysis analysis = Analyze(text);
  ExpectWellFormed(text, analysis);
  EXPECT_EQ(analysis.findings.size(), 16u);
  EXPECT_EQ(SumOfPoints(analysis), 8 * (20 + Boost(20, 50)));
  EXPECT_EQ(analysis.heat, kMaxHeat);
}

TEST(Engine, EmptyAndBlankTextsAreCalm) {
  for (const std::string text : {"", " ", "\n\n", " \t \r\n ", "\xC2\xA0"}) {
    SCOPED_TRACE("'" + text + "'");
    const TextAnalysis analysis = Analyze(text);
    EXPECT_EQ(analysis.heat, 0);
    EXPECT_TRUE(analysis.findings.empty());
  }
}

// Deterministic pseudo-random texts from fragments: heat is always the capped sum of the listed
// points, whatever mix of cues, repairs, boosters, negations and odd characters a text has.
TEST(Engine, HeatIsTheClampedSumOfListedPoints) {
  const std::vector<std::string> fragments = {
      "This is unacceptable",
      "you never sent the file",
      "as I said",
      "I will escalate this",
      "it is always late",
      "I'm sorry",
      "thank you for your patience",
      "absolutely",
      "really",
      "not",
      "no,",
      "but",
      "We waited",
      "UNACCEPTABLE",
      "ASAP",
      "a serious problem",
      "\xE2\x80\x9Cquoted\xE2\x80\x9D",
      "\xF0\x9F\x98\x80",
      "\xEF\xBC\xB7ide",
      "your team dropped the ball",
      "thanks for always",
      "!!",
      ".",
      "\n",
      "on our call",
      "fine",
      "\xC2\xA0",
  };
  uint32_t state = 12345;
  auto next = [&state] {
    state = state * 1103515245u + 12345u;
    return (state >> 16) & 0x7FFF;
  };
  int nonzero = 0;
  int capped = 0;
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int words = 1 + static_cast<int>(next() % 40);
    for (int w = 0; w < words; ++w) {
      text += fragments[next() % fragments.size()];
      text += (next() % 5 == 0) ? ". " : " ";
    }
    SCOPED_TRACE(text);
    const TextAnalysis analysis = Analyze(text);
    ExpectWellFormed(text, analysis);
    const int sum = SumOfPoints(analysis);
    EXPECT_EQ(analysis.heat, std::clamp(sum, 0, kMaxHeat));
    EXPECT_EQ(HeatOf(analysis.findings), analysis.heat);
    for (const Finding& f : analysis.findings) {
      if (f.category == Category::kRepair) {
        EXPECT_LT(f.points, 0);
      }
      if (f.category != Category::kRepair) {
        EXPECT_GT(f.points, 0) << f.rule;
      }
    }
    if (analysis.heat > 0) ++nonzero;
    if (analysis.heat == kMaxHeat) ++capped;
  }
  // The generator does exercise both ends.
  EXPECT_GT(nonzero, 100);
  EXPECT_GT(capped, 5);
}

TEST(Engine, CreateRefusesABrokenRuleNamingIt) {
  Lexicon lexicon = testing::LoadFixtureLexicon();
  ASSERT_GE(lexicon.rules.size(), 2u);
  lexicon.rules[1].pattern = "(broken";
  const std::string where = lexicon.rules[1].Where();
  auto engine = Engine::Create(std::move(lexicon));
  ASSERT_FALSE(engine);
  EXPECT_EQ(engine.error().code, ErrorCode::kBadLexicon);
  EXPECT_NE(engine.error().message.find(where + ": pattern does not compile"), std::string::npos)
      << engine.error().message;
}

TEST(Engine, AnalyzeFromTwoThreadsGivesIdenticalResults) {
  const std::vector<std::string> texts = {
      "This is absolutely unacceptable!! I will escalate this.",
      "You never sent the file. As I said, we WAITED all week.",
      "Thank you for your patience. I'm sorry for the delay.",
      "Your team dropped the ball again, and it is always late.",
      "\xE2\x80\x9C"
      "Fine\xE2\x80\x9D \xF0\x9F\x98\x80 \xEF\xBC\xB7"
      "e\xC2\xA0waited: a serious problem.",
  };
  std::vector<TextAnalysis> expected;
  for (const std::string& t : texts) expected.push_back(Analyze(t));

  auto same = [](const TextAnalysis& a, const TextAnalysis& b) {
    if (a.heat != b.heat || a.findings.size() != b.findings.size()) return false;
    for (size_t i = 0; i < a.findings.size(); ++i) {
      const Finding& x = a.findings[i];
      const Finding& y = b.findings[i];
      if (x.rule != y.rule || x.points != y.points || x.span != y.span || x.text != y.text ||
          x.suggestion != y.suggestion || x.context != y.context) {
        return false;
      }
    }
    return true;
  };
  constexpr int kRounds = 40;
  int mismatches[2] = {0, 0};
  auto work = [&](int id) {
    for (int round = 0; round < kRounds; ++round) {
      for (size_t i = 0; i < texts.size(); ++i) {
        if (!same(FixtureEngine().Analyze(texts[i]), expected[i])) ++mismatches[id];
      }
    }
  };
  std::thread a(work, 0);
  std::thread b(work, 1);
  a.join();
  b.join();
  EXPECT_EQ(mismatches[0], 0);
  EXPECT_EQ(mismatches[1], 0);
}

}  // namespace
}  // namespace tonewatch
