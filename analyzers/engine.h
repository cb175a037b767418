#pragma once

#include <memory>
#include <string_view>

#include "analyzers/analysis/finding.h"
#include "analyzers/base/result.h"
#include "analyzers/lexicon/lexicon.h"

namespace tonewatch {

// The analysis engine: text in, explained findings out.
//
// For one text it normalizes a copy for matching (NormalizedText), finds sentences with ICU, runs
// the lexicon's rules (RuleSet), drops matches that are negated, blocked by a rule's unless_*
// context or, for accusations, in a benign you-frame; adds generic accusatory you-statements
// (YouLanguage) and shouted words; turns boosters into contributions of the sentences they
// intensify; and sums the contributions into heat. Every finding's span is in the original text.
//
// Create once (compiling the patterns costs milliseconds per hundred rules); Analyze is const and
// thread-safe, and allocates only per call. An Engine may be moved; it may not be copied.
class Engine {
 public:
  // Compiles `lexicon`. Fails with kBadLexicon, listing every broken rule as file:line.
  static Result<Engine> Create(Lexicon lexicon);

  Engine(Engine&&) noexcept;
  Engine& operator=(Engine&&) noexcept;
  ~Engine();

  // Analyzes `text`. Precondition: valid UTF-8 without NUL bytes (SanitizeUtf8 makes it so) and
  // smaller than kMaxTextBytes; callers cut longer input into pieces (PieceReader). Never fails.
  TextAnalysis Analyze(std::string_view text) const;

  const Lexicon& lexicon() const;

  // The largest text one Analyze call accepts. Offsets maps take 12 bytes per input byte, so this
  // bounds the memory of one call to a few hundred MiB at worst.
  static constexpr size_t kMaxTextBytes = 16 << 20;

 private:
  struct State;
  explicit Engine(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace tonewatch
