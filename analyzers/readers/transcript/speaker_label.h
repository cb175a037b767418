#pragma once

#include <optional>
#include <string_view>

namespace tonewatch {

// "Name: what they said", split.
struct SpeakerLine {
  std::string_view speaker;
  std::string_view text;  // after the colon, leading white space removed; may be empty
};

// Splits a line that starts with a speaker label: at most kMaxLabelWords words and kMaxLabelBytes
// bytes before a ':' that is followed by white space or the end of the line. Every word starts with
// an upper-case letter, a digit or a non-ASCII letter ("Speaker 2", "Dr. Okafor", "Émilie"); only
// letters, digits and . ' - _ ( ) & # inside. With `allow_lower_case_word`, a single word in any
// case is taken too ("agent: ..." in chat-style transcripts). "Remember this: ..." and "10:30"
// are not labels; "Note: ..." is (an accepted risk: it is then a speaker named Note).
std::optional<SpeakerLine> SplitSpeakerLabel(std::string_view line, bool allow_lower_case_word);

inline constexpr size_t kMaxLabelWords = 4;
inline constexpr size_t kMaxLabelBytes = 48;

}  // namespace tonewatch
