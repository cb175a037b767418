#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <array>
#include <memory>
#include <string_view>
#include <vector>

#include "analyzers/base/result.h"
#include "analyzers/lexicon/lexicon.h"
#include "analyzers/text/span.h"

namespace tonewatch {

// One occurrence of a rule's pattern in a normalized text.
struct RawMatch {
  size_t rule = 0;  // index into RuleSet::rules()
  Span span;
  // Capture groups 1..9 (index 0 unused), filled up to the highest group the rule's suggestion
  // refers to; a group that did not take part, or lies beyond that, is {kAbsent, kAbsent}.
  static constexpr size_t kMaxGroups = 10;
  static constexpr size_t kAbsent = static_cast<size_t>(-1);
  std::array<Span, kMaxGroups> groups;
};

// The compiled patterns of a lexicon.
//
// Matching runs in two passes: an RE2::Set over every pattern tells which rules occur in a text at
// all, and only those rules' own RE2 objects then find spans and groups. Both passes are linear in
// the text: RE2 has no backtracking.
//
// Immutable after Compile; FindAll may be called from many threads at once.
class RuleSet {
 public:
  // Memory RE2 may use: per rule, and for the first-pass set. If the set's DFA runs out of its
  // budget on some text, FindAll falls back to running every rule on it (slower, same result).
  static constexpr int64_t kRuleMemory = 256 << 10;
  static constexpr int64_t kSetMemory = 64 << 20;

  // Compiles every rule's pattern and context patterns. On failure the error (kBadLexicon) lists
  // one "file:line: rule <id>: <reason>" line per broken rule; every rule is tried.
  static Result<RuleSet> Compile(const std::vector<Rule>& rules);

  RuleSet(RuleSet&&) = default;
  RuleSet& operator=(RuleSet&&) = default;

  // Appends every match of every rule in `text` to `out`: per rule left to right and
  // non-overlapping; rules in index order. Matches are never empty.
  void FindAll(std::string_view text, std::vector<RawMatch>* out) const;

  // True if the rule's unless_before pattern matches `before` (false when it has none); likewise
  // for unless_after.
  bool BlockedBefore(size_t rule, std::string_view before) const;
  bool BlockedAfter(size_t rule, std::string_view after) const;

  const std::vector<Rule>& rules() const { return rules_; }

 private:
  RuleSet() = default;
  void FindRule(size_t rule, std::string_view text, std::vector<RawMatch>* out) const;

  std::vector<Rule> rules_;
  std::vector<std::unique_ptr<RE2>> patterns_;
  std::vector<int> submatches_;  // per rule: 1 + the highest group its suggestion uses
  std::vector<std::unique_ptr<RE2>> unless_before_;  // null where the rule has none
  std::vector<std::unique_ptr<RE2>> unless_after_;
  std::unique_ptr<RE2::Set> set_;
};

}  // namespace tonewatch
