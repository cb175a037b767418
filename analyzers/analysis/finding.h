#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyzers/lexicon/category.h"
#include "analyzers/text/span.h"

namespace tonewatch {

// One explained flag: which rule fired, on which bytes, why, and what to say instead. The fields
// map one to one onto the findings contract of DESIGN.md, plus display context that is not part of
// the JSON.
struct Finding {
  std::string rule;
  Category category = Category::kAccusation;
  int points = 0;    // its contribution to heat (negative for repair)
  Span span;         // UTF-8 byte offsets into the analyzed text
  std::string text;  // exactly the bytes of `span`
  std::string why;
  std::optional<std::string> suggestion;

  // The sentence the finding sits in (trimmed around the span when long), and where the span starts
  // within it: for highlighting in text output.
  std::string context;
  size_t context_offset = 0;
};

// True when a finding adds heat: a heated category and points above 0. A finding held back (someone
// else's words, aimed at no one, code, the same words as a stronger finding) is listed with 0
// points and a `why` that starts with "Not counted:"; it adds nothing and starts no advice.
inline bool CountsAsHeat(const Finding& f) { return IsHeated(f.category) && f.points > 0; }

// What the engine says about one text.
struct TextAnalysis {
  int heat = 0;                   // sum of findings' points, floored at 0, capped at kMaxHeat
  std::vector<Finding> findings;  // in text order
};

inline constexpr int kMaxHeat = 100;

// Heat from a list of contributions: their sum, floored at 0 and capped at kMaxHeat.
int HeatOf(const std::vector<Finding>& findings);

// Tone: the same sum, signed, within -kMaxHeat..kMaxHeat. Below 0 the repair and courtesy cues
// outweigh the heated ones; heat is max(tone, 0), so tone tells calm text from courteous text.
int ToneOf(const std::vector<Finding>& findings);

}  // namespace tonewatch
