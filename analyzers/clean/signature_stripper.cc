#include "analyzers/clean/signature_stripper.h"

#include <algorithm>
#include <string>

#include "analyzers/clean/reply_stripper.h"
#include "analyzers/text/utf8.h"

namespace tonewatch {
namespace {

// A footer sits at the very end; its first line is looked for among this many last lines (the
// longest notices run to thirty or forty wrapped lines, and a signature may stand above them).
constexpr size_t kDisclaimerWindow = 80;
// How many lines of a paragraph are joined to test a disclaimer opener.
constexpr size_t kOpenerLines = 4;
// How many lines of a footer paragraph are searched for a footer term: a notice names its
// recipient, its prohibition or its list within its first sentences.
constexpr size_t kTermLines = 12;
// A run of this many decoration characters inside a line draws a banner ("Eric  ***** This email
// is ..."); shorter runs are emphasis or a dash.
constexpr size_t kMinBannerRun = 5;
// Bounds on a body built of nothing but openers and banners: the banner runs tried per line, and
// the footers cut from between sender paragraphs (or split off a line) per body.
constexpr size_t kMaxBannerRunsTried = 8;
constexpr size_t kMaxFooterCuts = 4;
// A mobile footer is the last line, or followed by a name or a link line or two.
constexpr size_t kFooterWindow = 3;
// Sign-offs are looked for among this many last non-blank lines.
constexpr size_t kSignoffWindow = 10;
// Name-block lines: a name, a title, a company, a phone number, an address line.
constexpr size_t kMaxNameLineBytes = 80;
constexpr size_t kMaxShortWords = 3;
constexpr size_t kMaxNameWords = 7;
constexpr size_t kMinPhoneDigits = 6;
// The first line of a contact block is a name, perhaps with a title: "Jane Roe, Sales Manager".
constexpr size_t kMaxContactNameWords = 5;

size_t Words(std::string_view t) {
  size_t words = 0;
  bool in_word = false;
  for (char c : t) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool HasContact(std::string_view t) {
  const size_t digits = static_cast<size_t>(
      std::count_if(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }));
  return t.find('@') != std::string_view::npos || t.find("http") != std::string_view::npos ||
         t.find("www.") != std::string_view::npos || digits >= kMinPhoneDigits;
}

// Short, and not a sentence: "Jane Doe", "Director, Sales | Acme", "+1 555 0100", "acme.com".
bool LooksLikeNameLine(std::string_view line) {
  const std::string_view t = TrimLine(line);
  if (t.size() > kMaxNameLineBytes) return false;
  if (HasContact(t)) return true;
  const size_t words = Words(t);
  if (words <= kMaxShortWords) return t.back() != '?';
  const bool sentence_end =
      t.back() == '.' || t.back() == '!' || t.back() == '?' || t.back() == ':' || t.back() == ';';
  const bool lower_start = t.front() >= 'a' && t.front() <= 'z';
  return words <= kMaxNameWords && !sentence_end && !lower_start;
}

bool IsDelimiter(std::string_view line) { return TrimLine(line) == "--"; }

// What banners are drawn with: "*****", "=====", "+++++CONFIDENTIALITY NOTICE+++++".
bool IsDecoration(char c) {
  return c == '*' || c == '=' || c == '-' || c == '_' || c == '+' || c == '#' || c == '~';
}

// `line` trimmed and without the banner decoration in front of its words.
std::string_view WithoutBanner(std::string_view line) {
  line = TrimLine(line);
  while (!line.empty() && (IsDecoration(line.front()) || line.front() == ' ' ||
                           line.front() == '\t' || line.front() == '[')) {
    line.remove_prefix(1);
  }
  return line;
}

// The start of the first banner run at or after `from` in `line` that has words before it and
// after it, or npos.
size_t NextBannerRun(std::string_view line, size_t from) {
  bool words_before = from > 0;
  size_t run = 0;
  for (size_t i = from; i < line.size(); ++i) {
    if (IsDecoration(line[i])) {
      ++run;
      continue;
    }
    if (run >= kMinBannerRun && words_before && !WithoutBanner(line.substr(i)).empty()) {
      return i - run;
    }
    run = 0;
    words_before = words_before || (line[i] != ' ' && line[i] != '\t');
  }
  return std::string_view::npos;
}

// Finds legal notices and automatic footers (mailing lists, unsubscribe blocks, virus scanners)
// by their words: a line that opens like one ([[disclaimer]]) in a paragraph that holds a footer
// term ([[footer_term]]), wherever it starts: after a blank line, under the body's last line,
// under a "-- " signature, inside a banner. Marks it kDisclaimer to the end, or only its paragraph
// when sender prose follows it.
class FooterMarker {
 public:
  FooterMarker(LineScan& scan, MarkedLines& lines) : scan_(scan), m_(lines) {}

  void Run() {
    SplitBanners();
    for (size_t i = 0; i < m_.size(); ++i) {
      if (m_.roles[i] == LineRole::kText) text_.push_back(i);
    }
    size_t cuts = 0;
    const size_t begin = text_.size() > kDisclaimerWindow ? text_.size() - kDisclaimerWindow : 0;
    for (size_t p = begin; p < text_.size(); ++p) {
      if (!StartsFooter(p)) continue;
      const size_t start = WithRulesAbove(p);
      const size_t end = ParagraphEnd(p);
      if (!ProseFrom(end)) {
        if (ContentBefore(start)) {
          m_.MarkRest(text_[start], LineRole::kDisclaimer);
          m_.Raise(Stripping::kHeuristic);
        } else {
          m_.Raise(Stripping::kUncertain);  // all of it reads as a footer: kept whole, in doubt
        }
        return;
      }
      // Sender prose follows (a P.S., an answer under a pasted notice): only this footer goes.
      if (++cuts > kMaxFooterCuts) return;
      for (size_t k = start; k < end; ++k) m_.roles[text_[k]] = LineRole::kDisclaimer;
      m_.Raise(Stripping::kHeuristic);
      p = end - 1;
    }
  }

 private:
  bool Blank(size_t p) const { return TrimLine(m_.lines[text_[p]]).empty(); }

  // A paragraph's first words joined with the lines under them, and the last line joined.
  struct Paragraph {
    std::string text;
    size_t last = 0;
  };

  // `first` (a part of line next - 1), then the lines from line `next` on up to the paragraph's
  // end (a blank line, or a line already marked as something else), trimmed and joined by one
  // space, at most `max_lines` lines and LinePatterns::kMaxTestedBytes bytes.
  Paragraph JoinParagraph(std::string_view first, size_t next, size_t max_lines) const {
    Paragraph out{std::string(first.substr(0, Utf8CutPoint(first, LinePatterns::kMaxTestedBytes))),
                  next - 1};
    for (size_t k = next, joined = 1; k < m_.size() && joined < max_lines; ++k) {
      if (out.text.size() >= LinePatterns::kMaxTestedBytes || m_.roles[k] != LineRole::kText) {
        break;
      }
      const std::string_view piece = TrimLine(m_.lines[k]);
      if (piece.empty()) break;
      out.text += ' ';
      out.text.append(piece);
      out.last = k;
      ++joined;
    }
    out.text.resize(Utf8CutPoint(out.text, LinePatterns::kMaxTestedBytes));
    return out;
  }

  // `words` of line next - 1 and the lines under them, up to `max_lines`, match a `kind` pattern.
  bool ParagraphMatches(MailKind kind, std::string_view words, size_t next, size_t max_lines) {
    const Paragraph p = JoinParagraph(words, next, max_lines);
    return scan_.WindowMatch(kind, p.text, next - 1, p.last) >= 0;
  }

  // `words` (a line without its banner, followed by line `next`) opens a footer, and its
  // paragraph names something only a footer names.
  bool IsFooterText(std::string_view words, size_t next) {
    if (words.empty()) return false;
    return ParagraphMatches(MailKind::kDisclaimer, words, next, kOpenerLines) &&
           ParagraphMatches(MailKind::kFooterTerm, words, next, kTermLines);
  }

  // A footer begins a line of its own: under a blank or drawn line, after a banner, or under a
  // line that ends a sentence or is short like a name or contact line (a signature's last line,
  // a body's last sentence with no blank line under it). A wrapped sentence going on does not.
  bool AtLineStart(size_t p) const {
    const std::string_view line = TrimLine(m_.lines[text_[p]]);
    if (p == 0 || IsDecoration(line.front())) return true;
    const std::string_view above = TrimLine(m_.lines[text_[p - 1]]);
    if (above.empty() || IsRuleLine(above)) return true;
    if (line.front() >= 'a' && line.front() <= 'z') return false;  // a wrapped sentence going on
    return std::string_view(".!?:;)]\"'>").find(above.back()) != std::string_view::npos ||
           LooksLikeNameLine(above);
  }

  bool StartsFooter(size_t p) {
    const std::string_view line = TrimLine(m_.lines[text_[p]]);
    if (line.empty() || IsRuleLine(line) || !AtLineStart(p)) return false;
    return IsFooterText(WithoutBanner(line), text_[p] + 1);
  }

  // The footer's first line, or the drawn lines right above it (blank lines between allowed).
  size_t WithRulesAbove(size_t p) const {
    size_t start = p;
    for (size_t k = p; k > 0; --k) {
      const std::string_view above = m_.lines[text_[k - 1]];
      if (IsRuleLine(above)) start = k - 1;
      if (!TrimLine(above).empty() && !IsRuleLine(above)) break;
    }
    return start;
  }

  // Past the paragraph that starts at `p`, and past a drawn line closing its banner.
  size_t ParagraphEnd(size_t p) const {
    size_t end = p + 1;
    while (end < text_.size() && !Blank(end)) ++end;
    size_t k = end;
    while (k < text_.size() && Blank(k)) ++k;
    if (k < text_.size() && IsRuleLine(m_.lines[text_[k]])) {
      while (k < text_.size() && IsRuleLine(m_.lines[text_[k]])) ++k;
      end = k;
    }
    return end;
  }

  // Sender prose: a paragraph with no opener, no footer term, no drawn line, and more than a
  // name and contact block.
  bool IsProse(size_t first, size_t end) {
    bool name_like = true;
    for (size_t k = first; k < end; ++k) {
      const std::string_view line = TrimLine(m_.lines[text_[k]]);
      if (IsRuleLine(line)) return false;
      name_like = name_like && LooksLikeNameLine(line);
    }
    if (name_like) return false;
    const std::string_view words = WithoutBanner(m_.lines[text_[first]]);
    return !ParagraphMatches(MailKind::kDisclaimer, words, text_[first] + 1, kTermLines) &&
           !ParagraphMatches(MailKind::kFooterTerm, words, text_[first] + 1, kTermLines);
  }

  bool ProseFrom(size_t p) {
    while (p < text_.size()) {
      while (p < text_.size() && Blank(p)) ++p;
      if (p == text_.size()) return false;
      size_t end = p;
      while (end < text_.size() && !Blank(end)) ++end;
      if (IsProse(p, end)) return true;
      p = end;
    }
    return false;
  }

  // Some sender's line with content is still unmarked above text_[p].
  bool ContentBefore(size_t p) const {
    for (size_t k = 0; k < p; ++k) {
      if (m_.roles[text_[k]] == LineRole::kText && !Blank(k)) return true;
    }
    return false;
  }

  // A notice glued behind the sender's words with a banner ("Eric  ****** This email and any
  // files ..."): the line is cut in two at the banner, so that the notice can go alone. The cuts
  // are made once every line has been looked at, and then the scan starts over on the new lines.
  void SplitBanners() {
    size_t begin = m_.size();
    for (size_t seen = 0; begin > 0 && seen < kDisclaimerWindow; --begin) {
      if (m_.roles[begin - 1] == LineRole::kText) ++seen;
    }
    std::vector<std::pair<size_t, size_t>> cuts;  // line, byte
    for (size_t i = begin; i < m_.size() && cuts.size() < kMaxFooterCuts; ++i) {
      if (m_.roles[i] != LineRole::kText) continue;
      const std::string_view line = m_.lines[i];
      size_t at = NextBannerRun(line, 0);
      for (size_t tried = 0; at != std::string_view::npos && tried < kMaxBannerRunsTried; ++tried) {
        if (IsFooterText(WithoutBanner(line.substr(at)), i + 1)) {
          cuts.emplace_back(i, at);
          break;
        }
        at = NextBannerRun(line, line.find_first_not_of(line[at], at));
      }
    }
    for (auto cut = cuts.rbegin(); cut != cuts.rend(); ++cut) m_.SplitLine(cut->first, cut->second);
    if (!cuts.empty()) scan_.Reset();
  }

  LineScan& scan_;
  MarkedLines& m_;
  std::vector<size_t> text_;
};

class SignatureMarker {
 public:
  SignatureMarker(LineScan& scan, MarkedLines& lines) : scan_(scan), m_(lines) {}

  void Run() {
    Collect();
    MarkFooter();
    Collect();
    MarkDelimited();
    Collect();
    MarkSignoff();
    Collect();
    MarkContactBlock();
  }

 private:
  // text_: every kText line index; content_: the non-blank ones.
  void Collect() {
    text_.clear();
    content_.clear();
    for (size_t i = 0; i < m_.size(); ++i) {
      if (m_.roles[i] != LineRole::kText) continue;
      text_.push_back(i);
      if (!TrimLine(m_.lines[i]).empty()) content_.push_back(i);
    }
  }

  bool ContentBefore(size_t line) const { return !content_.empty() && content_.front() < line; }

  void Mark(size_t first, LineRole role, Stripping how) {
    m_.MarkRest(first, role);
    m_.Raise(how);
  }

  void MarkFooter() {
    const size_t begin = content_.size() > kFooterWindow ? content_.size() - kFooterWindow : 0;
    for (size_t c = 0; c < content_.size(); ++c) {
      if (!scan_.LineIs(content_[c], MailKind::kMobileFooter)) continue;
      if (!ContentBefore(content_[c])) return;
      if (c >= begin) {
        Mark(content_[c], LineRole::kSignature, Stripping::kHeuristic);
      } else {
        // A phone client's footer with more text under it: that text is, most likely, the
        // message replied to, pasted without '>' or header. A guess.
        m_.MarkRest(content_[c] + 1, LineRole::kQuote);
        m_.roles[content_[c]] = LineRole::kSignature;
        m_.Raise(Stripping::kUncertain);
      }
      return;
    }
  }

  void MarkDelimited() {
    for (size_t c = 0; c < content_.size(); ++c) {
      if (!IsDelimiter(m_.lines[content_[c]])) continue;
      const size_t after = content_.size() - c - 1;
      if (after <= kMaxSignatureLines && ContentBefore(content_[c])) {
        Mark(content_[c], LineRole::kSignature, Stripping::kStructural);
        return;
      }
    }
  }

  void MarkSignoff() {
    const size_t begin = content_.size() > kSignoffWindow ? content_.size() - kSignoffWindow : 0;
    for (size_t c = content_.size(); c-- > begin;) {
      if (!scan_.LineIs(content_[c], MailKind::kSignoff)) continue;
      const size_t after = content_.size() - c - 1;
      size_t names = 0;
      while (names < after && LooksLikeNameLine(m_.lines[content_[c + 1 + names]])) ++names;
      if (after == 0 || names == 0) continue;  // a closing "Thanks!", or not a sign-off at all
      if (names == after && after <= kMaxNameLines && ContentBefore(content_[c])) {
        Mark(content_[c], LineRole::kSignature, Stripping::kHeuristic);
      } else {
        m_.signoff_in_middle = true;  // "Thanks,\nBob\n\nP.S. ...": kept, but in doubt
      }
      return;
    }
  }

  // A last paragraph that is only a name with contact lines ("Gina Roe\ngina@example.com\n
  // (555) 010-9947") is a signature without a sign-off.
  void MarkContactBlock() {
    if (content_.empty()) return;
    size_t first = content_.size() - 1;
    while (first > 0 && content_[first - 1] + 1 == content_[first]) --first;
    const size_t lines = content_.size() - first;
    if (lines < 2 || lines > kMaxNameLines || first == 0) return;
    bool contact = false;
    for (size_t c = first; c < content_.size(); ++c) {
      const std::string_view line = TrimLine(m_.lines[content_[c]]);
      if (!LooksLikeNameLine(line)) return;
      contact = contact || HasContact(line);
    }
    if (contact && Words(TrimLine(m_.lines[content_[first]])) <= kMaxContactNameWords) {
      Mark(content_[first], LineRole::kSignature, Stripping::kHeuristic);
    }
  }

  LineScan& scan_;
  MarkedLines& m_;
  std::vector<size_t> text_;
  std::vector<size_t> content_;
};

}  // namespace

void MarkSignature(LineScan& scan, MarkedLines& lines) {
  FooterMarker(scan, lines).Run();
  SignatureMarker(scan, lines).Run();
}

void MarkSignature(const MailLexicon& lexicon, MarkedLines& lines) {
  LineScan scan(lexicon, lines);
  MarkSignature(scan, lines);
}

}  // namespace tonewatch
