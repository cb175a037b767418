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

}  // namespace tonewatch
