#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/base/result.h"
#include "analyzers/lexicon/category.h"

namespace tonewatch {

// One rule as written in a lexicon file (format: lexicons/README.md).
struct Rule {
  std::string id;
  Category category = Category::kAccusation;
  int points = 0;  // for kIntensity: a percentage boost
  std::string pattern;
  std::string why;
  std::optional<std::string> suggestion;
  std::vector<std::string> match;
  std::vector<std::string> no_match;
  bool negatable = true;
  std::string unless_before;  // empty: no check
  std::string unless_after;
  std::string file;  // where it was written, for error messages
  int line = 0;

  std::string Where() const;  // "file:line: rule <id>"
};

// The word lists of language.toml that the built-in analyzers use.
struct LanguageData {
  std::vector<std::string> negators;
  std::vector<std::string> clause_breaks;
  int negation_window = 3;
  std::vector<std::string>
      contrast_words;  // "but": a repair before it and heat after is taken back

  std::vector<std::string> you_subjects;
  std::vector<std::string>
      you_fillers;  // words allowed between subject and blame ("just", "still")
  std::vector<std::string> you_blame;
  std::vector<std::string> you_benign_before;
  std::vector<std::string> you_benign_after;
  std::string you_rule_id = "accusation.you-statement";
  int you_points = 8;
  std::string you_why;
  std::string you_suggestion;

  // [thread]: recipient markers and the call invitation ("{name}" becomes a first name).
  std::vector<std::string> senior_markers;
  std::vector<std::string> legal_markers;
  std::string call_opening;
  std::string call_opening_no_name;
  // [plan]: the reply-plan steps, and advice per finding category (category name -> advice).
  std::vector<std::string> plan_steps;
  std::map<std::string, std::string, std::less<>> plan_advice;

  int caps_min_letters = 3;
  int caps_boost = 30;  // percent
  std::vector<std::string> acronyms;
  std::string caps_why;
};

struct Lexicon {
  std::string language;
  std::filesystem::path folder;  // the language folder the files came from
  std::vector<Rule> rules;       // in file-name order, then file order
  LanguageData data;
  std::string hash;  // 16 hex digits over every file's name and bytes: identifies the rules
  size_t file_count = 0;
};

// Loads `root`/`language`/*.toml. Returns every problem at once on failure: the error's message
// holds one "file:line: rule <id>: <reason>" line per problem (code kBadLexicon, also when
// the folder does not exist). Patterns are not compiled here (see RuleSet::Compile).
Result<Lexicon> LoadLexicon(const std::filesystem::path& root, std::string_view language = "en");

}  // namespace tonewatch
