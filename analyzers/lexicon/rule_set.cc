#include "analyzers/lexicon/rule_set.h"

#include <fmt/format.h>

#include "analyzers/lexicon/group_references.h"

namespace tonewatch {
namespace {

RE2::Options PatternOptions(int64_t memory) {
  RE2::Options options(RE2::Quiet);
  options.set_case_sensitive(false);
  options.set_max_mem(memory);
  return options;
}

// Highest {N} a suggestion refers to, or -1.
int HighestGroupReference(const std::string& text) {
  int highest = -1;
  ExpandGroupReferences(text, [&](int group, std::string&) { highest = std::max(highest, group); });
  return highest;
}

// True if `re` can match zero bytes somewhere: on the empty text, or at a word boundary or between
// two spaces of a probe (RE2 judges \b against the whole probe, so "\b" alone is caught).
bool MatchesEmpty(const RE2& re) {
  if (RE2::FullMatch("", re)) return true;
  constexpr std::string_view kProbe = "a b  c.";
  for (size_t pos = 0; pos <= kProbe.size(); ++pos) {
    if (re.Match(kProbe, pos, pos, RE2::ANCHOR_BOTH, nullptr, 0)) return true;
  }
  return false;
}

std::unique_ptr<RE2> CompileContext(const Rule& rule, const std::string& pattern,
                                    std::string_view field, std::vector<std::string>& problems) {
  if (pattern.empty()) return nullptr;
  auto re = std::make_unique<RE2>(pattern, PatternOptions(RuleSet::kRuleMemory));
  if (!re->ok()) {
    problems.push_back(
        fmt::format("{}: {} does not compile: {}", rule.Where(), field, re->error()));
    return nullptr;
  }
  return re;
}

}  // namespace

Result<RuleSet> RuleSet::Compile(const std::vector<Rule>& rules) {
  RuleSet set;
  set.rules_ = rules;
  set.set_ = std::make_unique<RE2::Set>(PatternOptions(kSetMemory), RE2::UNANCHORED);
  std::vector<std::string> problems;
  for (const Rule& rule : rules) {
    auto re = std::make_unique<RE2>(rule.pattern, PatternOptions(kRuleMemory));
    if (!re->ok()) {
      problems.push_back(
          fmt::format("{}: pattern does not compile: {}", rule.Where(), re->error()));
    } else if (MatchesEmpty(*re)) {
      problems.push_back(fmt::format("{}: pattern matches the empty string", rule.Where()));
    } else if (rule.suggestion &&
               HighestGroupReference(*rule.suggestion) > re->NumberOfCapturingGroups()) {
      problems.push_back(fmt::format(
          "{}: suggestion refers to {{{}}} but the pattern has {} group(s)", rule.Where(),
          HighestGroupReference(*rule.suggestion), re->NumberOfCapturingGroups()));
    }
    std::string set_error;
    if (re->ok() && set.set_->Add(rule.pattern, &set_error) < 0) {
      problems.push_back(
          fmt::format("{}: pattern rejected by RE2::Set: {}", rule.Where(), set_error));
    }
    // Asking RE2 for submatches costs time (it cannot stay in the DFA), so only the groups the
    // suggestion uses are extracted.
    const int referenced = rule.suggestion ? HighestGroupReference(*rule.suggestion) : -1;
    set.submatches_.push_back(
        std::max(1, std::min(referenced + 1, static_cast<int>(RawMatch::kMaxGroups))));
    set.patterns_.push_back(std::move(re));
    set.unless_before_.push_back(
        CompileContext(rule, rule.unless_before, "unless_before", problems));
    set.unless_after_.push_back(CompileContext(rule, rule.unless_after, "unless_after", problems));
  }
  if (problems.empty() && !set.set_->Compile()) {
    problems.push_back("RE2::Set: the rules do not fit the memory budget together");
  }
  if (!problems.empty()) {
    std::string joined;
    for (const auto& p : problems) joined += (joined.empty() ? "" : "\n") + p;
    return Err(ErrorCode::kBadLexicon, "lexicon",
               fmt::format("{} problem(s) compiling patterns:\n{}", problems.size(), joined));
  }
  return set;
}

void RuleSet::FindAll(std::string_view text, std::vector<RawMatch>* out) const {
  std::vector<int> hits;
  RE2::Set::ErrorInfo info{};
  if (set_->Match(text, &hits, &info)) {
    std::sort(hits.begin(), hits.end());
    for (int rule : hits) FindRule(static_cast<size_t>(rule), text, out);
    return;
  }
  if (info.kind == RE2::Set::kNoError) return;  // nothing matched
  // The set's DFA ran out of memory on this text: run every rule directly.
  for (size_t rule = 0; rule < patterns_.size(); ++rule) FindRule(rule, text, out);
}

void RuleSet::FindRule(size_t rule, std::string_view text, std::vector<RawMatch>* out) const {
  const RE2& re = *patterns_[rule];
  const int groups = std::min(submatches_[rule], re.NumberOfCapturingGroups() + 1);
  re2::StringPiece found[RawMatch::kMaxGroups];
  size_t pos = 0;
  while (pos <= text.size() && re.Match(text, pos, text.size(), RE2::UNANCHORED, found, groups)) {
    RawMatch m;
    m.rule = rule;
    m.span = {static_cast<size_t>(found[0].data() - text.data()),
              static_cast<size_t>(found[0].data() - text.data()) + found[0].size()};
    for (int g = 0; g < static_cast<int>(RawMatch::kMaxGroups); ++g) {
      if (g > 0 && g < groups && found[g].data() != nullptr) {
        const size_t b = static_cast<size_t>(found[g].data() - text.data());
        m.groups[g] = {b, b + found[g].size()};
      } else {
        m.groups[g] = {RawMatch::kAbsent, RawMatch::kAbsent};
      }
    }
    // Patterns never match empty (checked at compile), but guard the loop regardless.
    pos = m.span.end > m.span.begin ? m.span.end : m.span.begin + 1;
    if (!m.span.empty()) out->push_back(m);
  }
}

bool RuleSet::BlockedBefore(size_t rule, std::string_view before) const {
  const auto& re = unless_before_[rule];
  return re != nullptr && RE2::PartialMatch(before, *re);
}

bool RuleSet::BlockedAfter(size_t rule, std::string_view after) const {
  const auto& re = unless_after_[rule];
  return re != nullptr && RE2::PartialMatch(after, *re);
}

}  // namespace tonewatch
