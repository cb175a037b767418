#pragma once

#include <string_view>
#include <vector>

#include "analyzers/lexicon/lexicon.h"
#include "analyzers/text/span.h"

namespace tonewatch {

// Shouted words: ALL-CAPS words in a text that is mostly lower case. A text written all in capitals
// is a style (or a keyboard), not shouting, so nothing is found there. Acronyms from language.toml
// ("ASAP", "FYI") and words shorter than caps.min_letters are not shouting.
//
// Works on the original text (case matters); returns spans into it. Thread-safe.
std::vector<Span> FindShoutedWords(std::string_view original, const LanguageData& data);

}  // namespace tonewatch
