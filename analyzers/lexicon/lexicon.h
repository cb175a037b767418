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

// Whom a rule's words must be aimed at to count (lexicons/README.md, "Targets"). kDefault takes
// the category's default from language.toml's [target] section.
enum class RuleTarget { kDefault, kAny, kPerson, kExchange, kReader };

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
  RuleTarget target = RuleTarget::kDefault;
  // Counts even without company: exempt from [target] company_categories (see lexicons/README.md).
  bool alone = false;
  // Counts only beside a counted finding of another category, whatever its category or points:
  // wording that real mail showed to be mostly friendly or literal alone ("I can't believe").
  bool company = false;
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
  // A run of at least two shouted dictionary words counts on its own with these points.
  int caps_run_points = 6;
  // Shouted words that stay shouting even when repeated (a repeated capitalized word is a term).
  std::vector<std::string> caps_emphasis;
  std::string caps_dictionary;  // hunspell dictionary path without .aff/.dic; empty: none
  // Texts with at most this many words may shout on their own (a chat turn, a one-line reply).
  int caps_short_words = 40;

  // [target]: who a sentence speaks to or about, and the categories' default requirement.
  std::vector<std::string> reader_words;      // "you", "your": the sentence addresses the reader
  std::vector<std::string> writer_words;      // "i", "we": the writer speaks of himself
  std::vector<std::string> exchange_words;    // "this", "that": the matter at hand
  std::vector<std::string> request_words;     // "please", "kindly": a request to the reader
  std::vector<std::string> imperative_verbs;  // a sentence opening with one is an order
  std::vector<std::string> demand_frames;     // "i need", "we expect": a demand on the reader
  std::string commitment_pattern;             // RE2: the writer's own promise right before a cue
  std::string reported_pattern;               // RE2: a sentence that reports someone else's words
  std::string technical_pattern;              // RE2 over a raw line: code, a log line, a path
  std::string
      optional_pattern;  // RE2: an opt-in or sign-up request ("if you are interested", RSVP)
  std::string broadcast_pattern;  // RE2: a sentence addressed to a whole group ("each of you")
  std::map<std::string, RuleTarget, std::less<>> category_targets;  // category name -> target
  std::vector<std::string> commitment_categories;  // where the writer's promise holds a cue back
  std::vector<std::string> question_categories;    // where a question holds a cue back
  std::vector<std::string> optional_categories;    // where an opt-in request holds a cue back
  std::vector<std::string> broadcast_categories;   // where a memo to a group holds a cue back
  // Stock phrases in these categories, below company_points, count only when the text has a
  // counted heated finding of another category: "as you know" is tense only in a tense message.
  std::vector<std::string> company_categories;
  int company_points = 0;
  // Why a finding does not count, by reason: reported, nobody, writer, commitment, code, question,
  // overlap ("{rule}" is the stronger finding's rule).
  std::map<std::string, std::string, std::less<>> target_notes;
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
