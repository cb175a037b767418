#pragma once

// Finds the quoted part of a plain-text reply: structure first ('>' lines, "-----Original
// Message-----" and forwarded-message separators), then attribution lines ("On <date>, <name>
// wrote:", wrapped over up to three lines) and Outlook "From: / Sent: / To: / Subject:" header
// blocks, all from the mail lexicon's data.

#include <cstddef>
#include <string_view>

#include "analyzers/clean/line_scan.h"
#include "analyzers/clean/mail_lexicon.h"
#include "analyzers/clean/marked_lines.h"

namespace tonewatch {

// Marks quoted lines in `lines` as LineRole::kQuote and raises `lines.stripping`:
// - '>' lines (and lines equal to `quote_marker`, when it is not empty): kStructural; text between
//   quote blocks (inline answers, bottom posts) stays kText.
// - a separator line: it and every kText line after it; kStructural.
// - a header block: it and everything after; kStructural when a rule line ("____", "-----")
//   sits right above it (Outlook's own layout, or an HTML <hr>), else kHeuristic.
// - an attribution followed by a '>' quote: the attribution lines only; kHeuristic.
// - an attribution followed by unquoted text: it and everything after; kHeuristic, or kUncertain
//   when nothing follows it (a quote header without a quote). Attributions marked needs_quote
//   count only above a quote.
// Only kText lines are considered or changed. Linear in the size of the text: '>' lines are
// recognized by their first character, every other line is scanned once for the lexicon's atoms
// (LineScan), and a pattern runs only on a line or a wrapped window whose atoms it needs.
void MarkQuotedText(const MailLexicon& lexicon, std::string_view quote_marker, MarkedLines& lines);
// The same with a scan of `lines` that the caller keeps (to share it with MarkSignature).
void MarkQuotedText(LineScan& scan, std::string_view quote_marker, MarkedLines& lines);

// Returns how many lines the header block starting at `first` spans (a "From:" line and at least
// one other field among the following lines, up to the first blank line), or 0 when there is none.
// `scan` must be a scan of `lines`.
size_t HeaderBlockAt(LineScan& scan, const MarkedLines& lines, size_t first);

// True for a line of two or more '-', '_', '=', '*' or '~' (after trimming): a drawn separator.
bool IsRuleLine(std::string_view line);

}  // namespace tonewatch
