#pragma once

// Finds what closes a message rather than says something: legal disclaimers, mailing-list,
// unsubscribe and virus-scanner footers, mobile footers ("Sent from my iPhone"), the "-- "
// signature block, and a sign-off
// ("Best regards,") followed by a short name block.

#include "analyzers/clean/line_scan.h"
#include "analyzers/clean/mail_lexicon.h"
#include "analyzers/clean/marked_lines.h"

namespace tonewatch {

// Marks the closing parts of the kText lines of `lines`, working up from the end, and raises
// `lines.stripping`:
// - a footer among the last 80 kText lines: a line that opens like a disclaimer or an
//   automatic footer ([[disclaimer]], tested without the banner decoration in front of it) in a
//   paragraph that holds a [[footer_term]]. It may start after a blank or drawn line, under a
//   line that ends a sentence or looks like a name or contact line (a body or a "-- " signature
//   with no blank line under it), or behind a banner run inside a line (the line is then split
//   there, MarkedLines::SplitLine). It, the drawn lines above it and every kText line after it
//   become kDisclaimer; kHeuristic. When sender prose follows it (a paragraph with no opener, no
//   footer term, more than a name block), only its paragraph is marked, and the search goes on
//   below. When no sender's line would be left, nothing is marked and the split is kUncertain.
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
// The same with a scan of `lines` that the caller keeps (shared with MarkQuotedText). A line split
// at a banner resets the scan.
void MarkSignature(LineScan& scan, MarkedLines& lines);

inline constexpr size_t kMaxSignatureLines = 12;
inline constexpr size_t kMaxNameLines = 5;

}  // namespace tonewatch
