#include "analyzers/clean/line_scan.h"

#include <algorithm>

namespace tonewatch {

LineScan::LineScan(const MailLexicon& lexicon, const MarkedLines& lines)
    : lexicon_(lexicon), lines_(lines), scanned_(lines.size()) {}

void LineScan::Reset() {
  scanned_.assign(lines_.size(), Line{});
  atoms_.clear();
  candidates_.clear();
  window_first_ = window_last_ = SIZE_MAX;
}

bool LineScan::Testable(size_t i) const {
  const std::string_view text = TrimLine(lines_.lines[i]);
  return lexicon_.patterns != nullptr && !text.empty() &&
         text.size() <= MailPatternSet::kMaxTestedBytes;
}

bool LineScan::LineIs(size_t i, MailKind kind) {
  Line& line = scanned_[i];
  if (!line.classified) {
    line.classified = true;
    if (Testable(i)) line.kinds = lexicon_.patterns->LineKinds(TrimLine(lines_.lines[i]));
  }
  return (line.kinds & KindBit(kind)) != 0;
}

const LineScan::Line& LineScan::Scanned(size_t i) {
  Line& line = scanned_[i];
  if (line.scanned) return line;
  line.scanned = true;
  if (!Testable(i)) return line;
  line.testable = true;
  const MailPatternSet& set = *lexicon_.patterns;
  // The line's folded text and the space that joins it to the next line are its own; the next
  // lines' first bytes are read too, for an atom that starts here and runs on into them.
  folded_.clear();
  AppendCaseFolded(TrimLine(lines_.lines[i]), folded_);
  const size_t own = folded_.size() + 1;
  const size_t wanted = own + set.longest_atom();
  for (size_t k = i + 1; k < lines_.size() && folded_.size() < wanted; ++k) {
    const std::string_view next = TrimLine(lines_.lines[k]);
    if (next.empty()) break;  // no window runs over a blank line
    folded_ += ' ';
    AppendCaseFolded(next, folded_, wanted - folded_.size());
  }
  line_atoms_.clear();
  set.Atoms(folded_, own, line_atoms_);
  line.atoms_begin = static_cast<uint32_t>(atoms_.size());
  atoms_.insert(atoms_.end(), line_atoms_.begin(), line_atoms_.end());
  line.atoms_end = static_cast<uint32_t>(atoms_.size());
  return line;
}

bool LineScan::AllTestable(size_t first, size_t last) {
  if (first > last || last >= lines_.size()) return false;
  for (size_t k = first; k <= last; ++k) {
    if (!Scanned(k).testable) return false;
  }
  return true;
}

std::span<const int> LineScan::WindowCandidates(size_t first, size_t last) {
  if (first == last) {
    // A line alone is asked about again and again (two kinds, and as the first of several
    // windows): its candidates are kept.
    Line& line = scanned_[first];
    if (!line.has_candidates) {
      line.has_candidates = true;
      line_atoms_.assign(atoms_.begin() + line.atoms_begin, atoms_.begin() + line.atoms_end);
      lexicon_.patterns->Candidates(line_atoms_, line_candidates_);
      line.candidates_begin = static_cast<uint32_t>(candidates_.size());
      candidates_.insert(candidates_.end(), line_candidates_.begin(), line_candidates_.end());
      line.candidates_end = static_cast<uint32_t>(candidates_.size());
    }
    return std::span<const int>(candidates_.data() + line.candidates_begin,
                                line.candidates_end - line.candidates_begin);
  }
  if (first != window_first_ || last != window_last_) {
    window_atoms_.clear();
    for (size_t k = first; k <= last; ++k) {
      const Line& line = Scanned(k);
      window_atoms_.insert(window_atoms_.end(), atoms_.begin() + line.atoms_begin,
                           atoms_.begin() + line.atoms_end);
    }
    std::sort(window_atoms_.begin(), window_atoms_.end());
    window_atoms_.erase(std::unique(window_atoms_.begin(), window_atoms_.end()),
                        window_atoms_.end());
    lexicon_.patterns->Candidates(window_atoms_, window_candidates_);
    window_first_ = first;
    window_last_ = last;
  }
  return window_candidates_;
}

bool LineScan::WindowMayMatch(MailKind kind, size_t first, size_t last) {
  if (lexicon_.patterns == nullptr || first > last || last >= lines_.size()) return false;
  // No atoms are kept for a line too long to be tested alone, though a window's tested part may
  // start or end in it.
  if (!AllTestable(first, last)) return true;
  return lexicon_.patterns->HasKind(kind, WindowCandidates(first, last));
}

int LineScan::WindowMatch(MailKind kind, std::string_view text, size_t first, size_t last) {
  const MailPatternSet* set = lexicon_.patterns.get();
  if (set == nullptr || text.empty() || text.size() > MailPatternSet::kMaxTestedBytes) return -1;
  if (AllTestable(first, last)) return set->FirstMatch(kind, text, WindowCandidates(first, last));
  // A line of the window has no atoms kept (too long, or blank): the window's text is scanned
  // itself. It is at most kMaxTestedBytes.
  return set->FirstMatch(kind, text);
}

}  // namespace tonewatch
