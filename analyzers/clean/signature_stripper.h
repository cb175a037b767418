#pragma once

// Finds what closes a message rather than says something: legal disclaimers and mailing-list
// footers, mobile footers ("Sent from my iPhone"), the "-- " signature block, and a sign-off
// ("Best regards,") followed by a short name block.

#include "analyzers/clean/mail_lexicon.h"
#include "analyzers/clean/marked_lines.h"

namespace tonewatch {

// Marks the closing parts of the kText lines of `lines`, working up from the end, and raises
// `lines.stripping`:
// - a paragraph near the end that opens like a disclaimer (with the rule line above it, if any):
//   it and every kText line after it become kDisclaimer; kHeuristic.
// - a mobile footer among the last three non-blank lines: it and what follows become
//   kSignature; kHeuristic. Higher up, with more text under it: the footer is kSignature and the
//   text under it kQuote (a phone client's unmarked quote); kUncertain.
// - a "-- " (or "--") line followed by at most kMaxSignatureLines non-blank lines: kSignature;
//   kStructural.
// - a sign-off line followed by one to kMaxNameLines name-like lines (short, no sentence):
//   kSignature; kHeuristic. A sign-off and name followed by more text (a P.S., say) are kept and
//   `lines.signoff_in_middle` is set.
// - a last paragraph of two to kMaxNameLines name-like lines, one of them a contact line (an
//   address, a link, a phone number): kSignature; kHeuristic.
// Nothing is marked when it would leave no kText line with content before it. kQuote lines are
// skipped, so a signature above a trailing quote is found too. Linear in the number of lines.
void MarkSignature(const MailLexicon& lexicon, MarkedLines& lines);

inline constexpr size_t kMaxSignatureLines = 12;
inline constexpr size_t kMaxNameLines = 5;

}  // namespace tonewatch
