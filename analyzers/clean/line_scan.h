#pragma once

// What the mail lexicon says about the lines of one body, found once per line and kept.
//
// The cleaner asks about a line (is it a separator, a header field, a sign-off?) and about runs of
// lines joined by one space (is this an attribution wrapped over three lines? does this paragraph
// open like a legal notice?). A LineScan answers both without running the lexicon's patterns over
// every line and window. A line is classified once, by one pass of the lexicon's anchored line
// set (MailPatternSet::LineKinds). For windows, the first time a line is part of one its
// case-folded text is scanned once for the window patterns' atoms, and the atoms are kept; a
// window's atoms are the union of its lines', so a window is never scanned again. Only the
// patterns whose atoms a window holds are run, on the window's text, and almost every line of
// prose, data or code lets none in.
//
// A line's kept atoms are those that start in its trimmed text or at the space that joins it to
// the next line: an atom that spans two joined lines counts for the first. That is a superset of
// the atoms of any window the line is part of, which is all the prefilter needs.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/clean/mail_lexicon.h"
#include "analyzers/clean/marked_lines.h"

namespace tonewatch {

class LineScan {
 public:
  // `lexicon` and `lines` must outlive the scan. The scan reads the lines' text, never their
  // roles, so marking lines does not disturb it; changing the lines (MarkedLines::SplitLine) does:
  // call Reset after that.
  LineScan(const MailLexicon& lexicon, const MarkedLines& lines);

  // True when line `i` of the lines, trimmed (TrimLine), is wholly a `kind` line (a line kind:
  // IsLineKind). The first question about a line classifies it; later ones are lookups.
  bool LineIs(size_t i, MailKind kind);

  // The index within `kind` of the first pattern that matches `text`, or -1. `text` must be lines
  // `first` to `last` trimmed and joined by one space (as QuoteMarker and FooterMarker join them),
  // or a part of that which starts in line `first` (a line without its banner) and may end early
  // (cut at MailPatternSet::kMaxTestedBytes). The patterns run only when the lines' atoms allow
  // them. A window asked about twice in a row (two kinds) is gathered once.
  int WindowMatch(MailKind kind, std::string_view text, size_t first, size_t last);

  // True when some pattern of `kind` may match a window of lines `first` to `last`: false means
  // none can, whatever part of the window is tested. For skipping the work of joining lines.
  bool WindowMayMatch(MailKind kind, size_t first, size_t last);

  // Forgets every line (after the lines changed).
  void Reset();

 private:
  struct Line {
    bool classified = false;      // `kinds` is known
    bool scanned = false;         // the atoms are known
    bool has_candidates = false;  // and the candidates of the line alone
    bool testable = false;        // trimmed, not empty and no longer than kMaxTestedBytes
    uint16_t kinds = 0;           // the line kinds it is (KindBit)
    uint32_t atoms_begin = 0, atoms_end = 0;            // into atoms_
    uint32_t candidates_begin = 0, candidates_end = 0;  // into candidates_: the line alone
  };

  bool Testable(size_t i) const;
  const Line& Scanned(size_t i);
  // Lines [first, last] exist and all keep atoms.
  bool AllTestable(size_t first, size_t last);
  // The window patterns that the atoms of lines [first, last] (all testable) let in; valid until
  // the next call.
  std::span<const int> WindowCandidates(size_t first, size_t last);

  const MailLexicon& lexicon_;
  const MarkedLines& lines_;
  std::vector<Line> scanned_;
  std::vector<int> atoms_;       // the lines' atoms, each line's run sorted
  std::vector<int> candidates_;  // the lines' candidates, each line's run sorted
  // The last window of two lines or more, its atoms and candidates.
  size_t window_first_ = SIZE_MAX, window_last_ = SIZE_MAX;
  std::vector<int> window_atoms_;
  std::vector<int> window_candidates_;
  // Scratch space, kept to save allocations.
  std::string folded_;
  std::vector<int> line_atoms_;
  std::vector<int> line_candidates_;
};

}  // namespace tonewatch
