#pragma once

// Every pattern of the mail lexicon in one set with ids, in the two shapes the cleaner asks about:
//
// - Line kinds (separators, header fields, sign-offs, mobile footers) must match a whole line.
//   They run as one anchored RE2::Set: one pass over a line says every kind it is, and on most
//   lines the pass ends within the first bytes, where no pattern can start.
// - Window kinds (attributions, disclaimer openers, footer terms) are tried on lines joined into
//   windows, and some of them are costly ("On <date>, <name> wrote:" over three lines). A
//   prefilter keeps them from running: RE2's FilteredRE2 derives from each pattern the literal
//   strings ("atoms") a text must hold for it to match ("wrote" and a digit, "schrieb", "@" and
//   "<" for an address, "intended recipient"), from the patterns' own data in every language.
//   A text's atoms are found in one pass (AtomScanner), and only the patterns whose atoms are
//   there are run, each alone and anchored the way its kind is.
//
// Built once by LoadMailLexicon; immutable after Compile, and every const method is safe to call
// from many threads.

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/clean/atom_scanner.h"

namespace tonewatch {

// The tables of a mail lexicon, as the cleaner uses them. Attributions marked needs_quote are a
// kind of their own.
enum class MailKind : uint8_t {
  kSeparator,
  kAttribution,
  kQuoteAttribution,
  kHeaderFrom,
  kHeaderField,
  kSignoff,
  kMobileFooter,
  kDisclaimer,
  kFooterTerm,
};

// True for the kinds tested on one line at a time (MailPatternSet::LineKinds).
bool IsLineKind(MailKind kind);
// The bit of `kind` in a LineKinds mask.
inline uint16_t KindBit(MailKind kind) {
  return static_cast<uint16_t>(1u << static_cast<unsigned>(kind));
}

// How a kind's patterns must match the text given: all of it, its start, or anywhere in it.
enum class MailAnchor : uint8_t { kWhole, kPrefix, kContains };

class MailPatternSet {
 public:
  // Texts longer than this are never tested: no header, sign-off or opener is that long, and it
  // keeps a pathological text from costing more than one pass.
  static constexpr size_t kMaxTestedBytes = 2048;

  MailPatternSet();
  ~MailPatternSet();
  MailPatternSet(const MailPatternSet&) = delete;
  MailPatternSet& operator=(const MailPatternSet&) = delete;

  // Adds `pattern` (RE2 syntax, matched case-insensitively) as the next pattern of `kind`, whose
  // index among that kind's patterns is the number added (and not withdrawn) before it. Line
  // kinds must be kWhole. Returns its id, or -1 with RE2's reason in `error` when it does not
  // compile. Only before Compile.
  int Add(MailKind kind, MailAnchor anchor, std::string_view pattern, std::string& error);
  // Takes pattern `id`, the last one added, out of every answer (the loader rejected it).
  void Withdraw(int id);
  // Builds the line set and the window prefilter. Call once, after the last Add; before it
  // nothing matches. False when the line set does not fit its memory budget.
  bool Compile();

  // The line kinds whose patterns match all of `text` (a trimmed line), as KindBit bits; 0 for
  // an empty text or one longer than kMaxTestedBytes. One pass of the line set.
  uint16_t LineKinds(std::string_view text) const;

  // Appends the window kinds' atoms of `folded` (a text case-folded with AppendCaseFolded) that
  // start before byte `starts_before`, sorted and distinct.
  void Atoms(std::string_view folded, size_t starts_before, std::vector<int>& atoms) const {
    scanner_.Scan(folded, starts_before, atoms);
  }
  // The longest atom, in bytes: how far past a line's end an atom that starts in it may reach.
  size_t longest_atom() const { return scanner_.longest(); }
  // Sets `ids` to the ids, ascending, of the window-kind patterns that may match a text whose
  // atoms are `atoms` (sorted). A pattern left out cannot match such a text; one put in may not.
  // More atoms than the text has only let more patterns in.
  void Candidates(const std::vector<int>& atoms, std::vector<int>& ids) const;
  // True when some pattern of `kind` is among `ids`.
  bool HasKind(MailKind kind, std::span<const int> ids) const;
  // The index within window kind `kind` of the first of its patterns among `candidates`
  // (Candidates of the text's atoms) that matches `text` with its anchor, or -1. -1 as well for
  // an empty text or one longer than kMaxTestedBytes.
  int FirstMatch(MailKind kind, std::string_view text, std::span<const int> candidates) const;

  // For one text alone, any kind: the index of the first pattern of `kind` that matches `text`,
  // or -1 (the line set, or the prefilter and the candidates).
  int FirstMatch(MailKind kind, std::string_view text) const;
  // True when the line set or the prefilter lets pattern `id` match `text`, as the cleaner asks.
  bool Passes(int id, std::string_view text) const;

  // Pattern `id` alone on `text`, with its anchor and no prefilter and no size limit: the
  // reference the fast paths are checked against.
  bool MatchesAlone(int id, std::string_view text) const;

 private:
  struct Entry {
    MailKind kind;
    MailAnchor anchor;
    bool live = true;
    uint32_t index = 0;  // among the live patterns of `kind`
    int local_id = 0;    // in the line set (line kinds) or the window filter
  };

  // The ids of the line patterns that match all of `text`, ascending.
  void LineMatches(std::string_view text, std::vector<int>& ids) const;
  const RE2& Re2(int id) const;

  std::vector<Entry> entries_;  // per id
  std::vector<uint32_t> live_per_kind_;
  // Line kinds: each pattern alone (the reference, and the fallback when the set's DFA runs out
  // of memory on a text) and all of them in one anchored set.
  std::vector<std::unique_ptr<RE2>> line_patterns_;
  std::vector<int> line_ids_;  // per line-set index: the pattern's id
  std::unique_ptr<RE2::Set> line_set_;
  // Window kinds.
  re2::FilteredRE2 window_filter_;
  std::vector<int> window_ids_;  // per window-filter index: the pattern's id
  AtomScanner scanner_;
  bool compiled_ = false;
};

}  // namespace tonewatch
