#pragma once

#include <string>
#include <vector>

#include "analyzers/engine.h"

namespace tonewatch {

// Runs every rule's `match` and `no_match` examples through the full engine (negation, context
// checks and the you-language gate included). Returns one line per failing example:
// "file:line: rule <id>: match example "..." did not fire" or "... no_match example "..." fired".
// Empty when every example behaves.
std::vector<std::string> CheckExamples(const Engine& engine);

// Checks that taking a rule's advice cools the text. The suggestion, with each "{N}" (the reader's
// own words) read as "...", must not fire that rule again, and its own heat must be below the
// rule's points. Returns one line per failing rule: "file:line: rule <id>: suggestion "..." fires
// the rule again" or "... has heat H, not below the rule's P points". Rules without a suggestion,
// and intensity and repair rules, are skipped.
std::vector<std::string> CheckSuggestions(const Engine& engine);

}  // namespace tonewatch
