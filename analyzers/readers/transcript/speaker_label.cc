#include "analyzers/readers/transcript/speaker_label.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace tonewatch {
namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsNonAscii(char c) { return (static_cast<unsigned char>(c) & 0x80) != 0; }

bool IsNameChar(char c) {
  return IsUpper(c) || IsLower(c) || IsDigit(c) || IsNonAscii(c) ||
         std::string_view(".'-_&#").find(c) != std::string_view::npos;
}

// What a sentence has and a name never does.
bool IsSentencePunctuation(char c) {
  return std::string_view("?!;\"").find(c) != std::string_view::npos;
}

// Lower-case particles of names: "Ana de la Cruz", "Lena van der Berg", "Omar bin Said".
bool IsNameParticle(std::string_view word) {
  static constexpr std::array<std::string_view, 21> kWords = {
      "de", "da",  "das", "do",  "dos", "del", "della", "di",  "du", "des", "la",
      "le", "van", "von", "der", "den", "ter", "y",     "bin", "al", "e"};
  return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

// Lower-case words of a role or an affiliation written after a comma: "Dana Okafor, Head of
// Support and Billing". Before any comma they are prose: "Back to work:", "Notes of the day:".
bool IsRoleWord(std::string_view word) {
  static constexpr std::array<std::string_view, 9> kWords = {"of", "the", "for", "and", "to",
                                                             "in", "on",  "at",  "&"};
  return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

// The words before a colon, counted and judged.
struct Shape {
  size_t outside = 0;  // words outside parentheses
  size_t inside = 0;   // words inside them
  size_t groups = 0;   // parenthesized groups
  bool first_capitalized = false;
  bool first_lower = false;
  bool lower = false;  // a lower-case word outside parentheses that is not a particle or role word
  bool odd = false;    // a character a name does not have
  bool prose = false;  // sentence punctuation
  bool unbalanced = false;
  bool nested = false;
};

class ShapeReader {
 public:
  explicit ShapeReader(std::string_view name) : name_(name) {}

  Shape Read() {
    for (size_t i = 0; i < name_.size(); ++i) {
      const char c = name_[i];
      if (IsSentencePunctuation(c)) shape_.prose = true;
      if (c == '(') {
        Flush(i);
        if (depth_ > 0) shape_.nested = true;
        ++depth_;
        ++shape_.groups;
      } else if (c == ')') {
        Flush(i);
        if (depth_ == 0) shape_.unbalanced = true;
        depth_ = depth_ > 0 ? depth_ - 1 : 0;
      } else if (c == ' ' || c == '\t' || c == ',') {
        Flush(i);
        if (c == ',' && depth_ == 0) after_comma_ = true;
      } else if (start_ == std::string_view::npos) {
        start_ = i;
      }
    }
    Flush(name_.size());
    if (depth_ > 0) shape_.unbalanced = true;
    return shape_;
  }

 private:
  void Flush(size_t end) {
    if (start_ == std::string_view::npos) return;
    const std::string_view word = name_.substr(start_, end - start_);
    start_ = std::string_view::npos;
    // An affiliation is free text: "(Parliamentary Secretary to the Minister, Lib.)", "(D-CA)".
    const bool in_group = depth_ > 0;
    for (char c : word) {
      if (!IsNameChar(c) && !(in_group && (c == '/' || c == '+'))) shape_.odd = true;
    }
    if (in_group) {
      ++shape_.inside;
      return;
    }
    const char first = word.front();
    if (shape_.outside++ == 0) {
      shape_.first_capitalized = IsUpper(first) || IsNonAscii(first);
      shape_.first_lower = IsLower(first);
    }
    if (IsNameParticle(word) || (after_comma_ && IsRoleWord(word))) return;
    if (IsLower(first)) {
      shape_.lower = true;
    } else if (!IsUpper(first) && !IsDigit(first) && !IsNonAscii(first)) {
      shape_.odd = true;  // a word that starts with punctuation: "-", "'", "."
    }
  }

  std::string_view name_;
  Shape shape_;
  int depth_ = 0;
  size_t start_ = std::string_view::npos;
  bool after_comma_ = false;  // a comma outside parentheses came before
};

// The first limit of a label that `shape` of `name` breaks, or empty.
std::string BrokenLimit(const Shape& shape, std::string_view name) {
  if (shape.unbalanced) return "its parentheses do not pair up";
  if (shape.nested) return "parentheses inside parentheses";
  if (shape.groups > 2)
    return fmt::format("{} groups in parentheses; a label has at most 2", shape.groups);
  if (shape.odd) return "a character that names do not have";
  if (shape.outside > kMaxLabelWords) {
    return fmt::format("{} words; a label has at most {} outside parentheses", shape.outside,
                       kMaxLabelWords);
  }
  if (shape.inside > kMaxAffiliationWords) {
    return fmt::format("{} words in parentheses; a label has at most {}", shape.inside,
                       kMaxAffiliationWords);
  }
  if (name.size() > kMaxLabelBytes) {
    return fmt::format("{} bytes; a label has at most {}", name.size(), kMaxLabelBytes);
  }
  return {};
}

}  // namespace

LabelScan ScanSpeakerLabel(std::string_view line, bool allow_lower_case_word) {
  LabelScan out;
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > kMaxNearLabelBytes) return out;
  if (colon + 1 < line.size() && line[colon + 1] != ' ' && line[colon + 1] != '\t') return out;
  std::string_view name = line.substr(0, colon);
  while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
  // A name opens the line ("(laughs): ..." and "2 things: ..." are not speakers); a double space
  // is layout, not a name.
  if (name.empty() || name.front() == '(' || name.find("  ") != std::string_view::npos) return out;
  const Shape shape = ShapeReader(name).Read();
  if (shape.prose || shape.outside == 0) return out;
  const bool one_lower_word = allow_lower_case_word && shape.first_lower && shape.outside == 1 &&
                              shape.groups == 0 && !shape.odd;
  if (!one_lower_word && (!shape.first_capitalized || shape.lower)) return out;
  std::string_view text = line.substr(colon + 1);
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  std::string why = BrokenLimit(shape, name);
  if (why.empty()) {
    out.kind = LabelKind::kLabel;
    out.label = SpeakerLine{name, text};
  } else {
    out.kind = LabelKind::kNearLabel;
    out.words = name;
    out.why = std::move(why);
  }
  return out;
}

std::optional<SpeakerLine> SplitSpeakerLabel(std::string_view line, bool allow_lower_case_word) {
  LabelScan scan = ScanSpeakerLabel(line, allow_lower_case_word);
  if (scan.kind != LabelKind::kLabel) return std::nullopt;
  return scan.label;
}

std::string NearLabelMessage(const LabelScan& scan) {
  return fmt::format(
      "\"{}:\" may be a speaker label but is not taken as one ({}); its words are kept apart, "
      "with an unknown speaker",
      scan.words, scan.why);
}

}  // namespace tonewatch
