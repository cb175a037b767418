#pragma once

#include <string_view>
#include <vector>

#include "analyzers/analysis/dictionary.h"
#include "analyzers/lexicon/lexicon.h"
#include "analyzers/text/span.h"

namespace tonewatch {

// A word in capitals of at least caps.min_letters letters, and whether it is shouted.
struct CapsWord {
  Span span;
  bool shouted = false;
  bool emphasis = false;  // one of caps.emphasis ("NOT", "AGAIN")
};

// Words in capitals, in text order, each told shouted or not. A long text written all in capitals
// is a style (or a keyboard), so nothing is returned there; a short one ("I DID ALL THIS") is
// shouting. Not shouted, though returned (they still tell a heading's extent): acronyms from
// language.toml ("ASAP", "FYI"), words that are not words of the language when a dictionary is
// given ("FPGA", "UBS": names and acronyms), a word in capitals repeated in the text (a term, as
// "EOL" in a trading mail) unless it is one of caps.emphasis ("NOT", "NEVER"), and a label opening
// its line ("RESOLUTION:", "NOTE:").
//
// Works on the original text (case matters); spans are into it. Thread-safe.
std::vector<CapsWord> FindCapsWords(std::string_view original, const LanguageData& data,
                                    const Dictionary* dictionary);

}  // namespace tonewatch
