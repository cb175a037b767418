#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tonewatch {

// Word-level helpers over normalized text (lower case, single spaces; see NormalizedText). A word
// byte is an ASCII letter or digit, an apostrophe, or any non-ASCII byte.

bool IsWordByte(char c);

// True if `phrase` occurs in `text` at `pos`, starting and ending at word boundaries.
bool PhraseAt(std::string_view text, size_t pos, std::string_view phrase);

// The first phrase of `phrases` that PhraseAt finds at `pos` (longest first is the caller's
// order), or an empty view.
std::string_view AnyPhraseAt(std::string_view text, size_t pos,
                             const std::vector<std::string>& phrases);

// The word that ends right before `pos` (skipping spaces), or empty when punctuation or the start
// of the text comes first.
std::string_view WordBefore(std::string_view text, size_t pos);

// The position of the next word start at or after `pos` when only spaces lie between, else npos.
size_t NextWordStart(std::string_view text, size_t pos);

// The position right after the word that starts at `pos`.
size_t WordEnd(std::string_view text, size_t pos);

// Up to `count` words before the end of `text`, nearest first, stopping at clause punctuation
// (, ; : and sentence marks) or at a word in `clause_breaks`.
std::vector<std::string_view> ClauseWordsBefore(std::string_view text, int count,
                                                const std::vector<std::string>& clause_breaks);

// True if one of the last `window` words of `before` (within its clause) negates what follows:
// a word in `negators`, or one ending in "n't".
bool IsNegated(std::string_view before, int window, const std::vector<std::string>& negators,
               const std::vector<std::string>& clause_breaks);

// `text` with A-Z made a-z, other bytes untouched: for addresses, header names and subjects, where
// ASCII case is all that varies.
std::string AsciiLower(std::string_view text);

// `text` on one line: every run of spaces, tabs and line breaks becomes one space, and the ends
// are trimmed. For showing a sentence as a quote.
std::string FoldWhitespace(std::string_view text);

}  // namespace tonewatch
