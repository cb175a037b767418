#pragma once

#include <string_view>
#include <vector>

#include "analyzers/text/span.h"

namespace tonewatch {

// ICU sentence and word segmentation over UTF-8, reporting byte offsets into the text given.
//
// Precondition: `text` is valid UTF-8 (see SanitizeUtf8) and smaller than 2 GiB. Both functions are
// thread-safe: each thread uses its own break iterators.

// Sentences in order, covering the whole text without gaps (trailing white space belongs to the
// sentence before it). A line break ends a sentence, as ICU's rules say.
std::vector<Span> SentenceSpans(std::string_view text);

// Word-like segments only (letters, numbers, ideographs), in order; punctuation and spaces left
// out.
std::vector<Span> WordSpans(std::string_view text);

}  // namespace tonewatch
