#pragma once

#include <string_view>
#include <vector>

#include "analyzers/lexicon/lexicon.h"
#include "analyzers/text/span.h"

namespace tonewatch {

// Accusatory you-language, with precision first.
//
// A you-statement is an accusation when a subject ("you", "your team") is followed, allowing a few
// filler words, by a blame predicate ("never", "failed to", "dropped the ball"). It is not one in a
// benign frame: a word right before the subject such as "thank", "let", "see", "if", "did"
// ("thank you", "let you know", "if you have any questions", "did you get a chance to"), or words
// right after it that make it a courtesy. All lists come from language.toml.
//
// Works on normalized text. Immutable; thread-safe.
class YouLanguage {
 public:
  explicit YouLanguage(const LanguageData& data);

  // Spans of accusatory you-statements in `sentence` (normalized), relative to `sentence`.
  std::vector<Span> Find(std::string_view sentence) const;

  // True if a subject starts at `pos` in `sentence` and stands in a benign frame. Used as a gate on
  // lexicon accusations that begin with a subject.
  bool InBenignFrame(std::string_view sentence, size_t pos) const;

  // The subject phrase starting at `pos`, or empty.
  std::string_view SubjectAt(std::string_view sentence, size_t pos) const;

 private:
  const LanguageData& data_;
  std::vector<std::string> subjects_;  // longest first, so "your team" wins over "your"
  std::string first_bytes_;            // the first byte of every subject
};

}  // namespace tonewatch
