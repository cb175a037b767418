#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tonewatch {

// "Name: what they said", split.
struct SpeakerLine {
  std::string_view speaker;
  std::string_view text;  // after the colon, leading white space removed; may be empty
};

// How long a label may be. Real transcripts write titles, names and affiliations: "Ms. Dana
// Okafor (Brightline, Support Lead)", "The Chair (Mr. Tomas Berg)", "Hon. Ines Varga (Minister of
// Trade, Copperfield)". The name, outside parentheses, has at most kMaxLabelWords words; what the
// parentheses hold (at most two groups), at most kMaxAffiliationWords more.
inline constexpr size_t kMaxLabelWords = 12;
inline constexpr size_t kMaxAffiliationWords = 24;
inline constexpr size_t kMaxLabelBytes = 200;
// Past this, a colon is too far along the line for what comes before it to be a label at all.
inline constexpr size_t kMaxNearLabelBytes = 400;

enum class LabelKind {
  kNone,       // words: "Remember this: it matters.", "10:30 works", "Why? Because: reasons."
  kLabel,      // a speaker label
  kNearLabel,  // has a label's shape but breaks one of its limits: reported, never taken
};

struct LabelScan {
  LabelKind kind = LabelKind::kNone;
  SpeakerLine label;       // kLabel: the speaker and the text after the colon
  std::string_view words;  // kNearLabel: what stands before the colon
  std::string why;         // kNearLabel: the limit it breaks ("13 words; a label has at most 12")
};

// Reads the start of `line`: the words before the first ':' that is followed by white space or
// the end of the line. They are a label when
//   - the first word starts with a capital or a non-ASCII letter, and every word outside
//     parentheses starts with a capital, a digit or a non-ASCII letter ("Speaker 2", "Dr.
//     O'Brien-Smith", "Émilie"), or is a particle of a name ("de", "van", "bin", ...), or, after
//     a comma, a lower-case word of a role ("Dana Okafor, Head of Support and Billing": "of",
//     "the", "for", "and", "to", "in", "on", "at"); only letters, digits and . ' - _ & # inside;
//     commas between words;
//   - parentheses (at most two groups, not nested) hold anything but sentence punctuation, in any
//     case ("(Brightline, Support Lead)", "(D-CA)", "(via phone)");
//   - they stay within kMaxLabelWords, kMaxAffiliationWords and kMaxLabelBytes.
// With `allow_lower_case_word`, a single word in any case is a label too ("agent: ..." in
// chat-style transcripts). "Note: ..." is a label (an accepted risk: a speaker named Note).
// Words that would be a label but for a limit (too many words or bytes, unbalanced or nested
// parentheses, a character a name does not have) are kNearLabel; anything with a lower-case word
// outside parentheses, or with ? ! ; or a double quote, is kNone. Pure.
LabelScan ScanSpeakerLabel(std::string_view line, bool allow_lower_case_word);

// The label of ScanSpeakerLabel, when it found one.
std::optional<SpeakerLine> SplitSpeakerLabel(std::string_view line, bool allow_lower_case_word);

// The warning for a kNearLabel scan at a line: "\"<words>:\" may be a speaker label but is not
// taken as one (<why>); its words are kept apart, with an unknown speaker".
std::string NearLabelMessage(const LabelScan& scan);

}  // namespace tonewatch
