#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/text/span.h"

namespace tonewatch {

// The form patterns are matched against, with a map back to the original bytes.
//
// Built from valid UTF-8 (see SanitizeUtf8). The normalized text is NFKC with case folding, curly
// quotes and apostrophes made straight, dashes made '-', and every run of white space (any Unicode
// white space, line breaks included) made one ' '. Each normalized byte remembers the original
// character (with its combining marks) it came from, so any span of the normalized text maps back
// to whole original characters.
//
// Immutable after Build; safe to share between threads.
class NormalizedText {
 public:
  static NormalizedText Build(std::string_view original);

  const std::string& text() const { return text_; }

  // The original bytes that produced normalized bytes [span.begin, span.end). An empty span maps
  // to an empty span at the matching original position. Precondition: span.end <= text().size().
  Span ToOriginal(Span span) const;

  // The normalized offset of the first byte produced at or after original offset `offset`.
  // Precondition: offset <= the original size.
  size_t FromOriginal(size_t offset) const { return from_original_[offset]; }

 private:
  friend class NormalizedTextBuilder;
  std::string text_;
  std::vector<uint32_t> begin_of_;       // per normalized byte: original start of its source
  std::vector<uint32_t> end_of_;         // per normalized byte: original end of its source
  std::vector<uint32_t> from_original_;  // per original byte (+1 at the end)
  size_t original_size_ = 0;
};

}  // namespace tonewatch
