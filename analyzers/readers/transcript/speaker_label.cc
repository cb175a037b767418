#include "analyzers/readers/transcript/speaker_label.h"

namespace tonewatch {
namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsNonAscii(char c) { return (static_cast<unsigned char>(c) & 0x80) != 0; }

bool IsNameChar(char c) {
  return IsUpper(c) || IsLower(c) || IsDigit(c) || IsNonAscii(c) ||
         std::string_view(".'-_()&#").find(c) != std::string_view::npos;
}

// Whether `name` (no colon, trimmed) is a plausible label.
bool IsLabel(std::string_view name, bool allow_lower_case_word) {
  if (name.empty() || name.size() > kMaxLabelBytes) return false;
  size_t words = 0;
  bool all_capitalized = true;
  bool at_word_start = true;
  for (char c : name) {
    if (c == ' ') {
      at_word_start = true;
      continue;
    }
    if (!IsNameChar(c)) return false;
    if (at_word_start) {
      ++words;
      // Words may open with a parenthesis: "Agent (Sam)".
      if (!(IsUpper(c) || IsDigit(c) || IsNonAscii(c) || c == '(')) all_capitalized = false;
      at_word_start = false;
    }
  }
  if (words == 0 || words > kMaxLabelWords) return false;
  // The first word is a name, not a number or a bracket: "2 things: ..." is not a speaker.
  if (!(IsUpper(name[0]) || IsLower(name[0]) || IsNonAscii(name[0]))) return false;
  return all_capitalized || (allow_lower_case_word && words == 1);
}

}  // namespace

std::optional<SpeakerLine> SplitSpeakerLabel(std::string_view line, bool allow_lower_case_word) {
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > kMaxLabelBytes + 1) {
    return std::nullopt;
  }
  if (colon + 1 < line.size() && line[colon + 1] != ' ' && line[colon + 1] != '\t') {
    return std::nullopt;
  }
  std::string_view name = line.substr(0, colon);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  if (name.find("  ") != std::string_view::npos || !IsLabel(name, allow_lower_case_word)) {
    return std::nullopt;
  }
  std::string_view text = line.substr(colon + 1);
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  return SpeakerLine{name, text};
}

}  // namespace tonewatch
