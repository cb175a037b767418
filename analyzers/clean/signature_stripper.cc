#include "analyzers/clean/signature_stripper.h"

#include <algorithm>
#include <string>

#include "analyzers/clean/reply_stripper.h"

namespace tonewatch {
namespace {

// A disclaimer sits at the very end; its first paragraph is looked for among this many last lines
// (the longest notices run to thirty or forty wrapped lines).
constexpr size_t kDisclaimerWindow = 80;
// How many lines of a paragraph are joined to test a disclaimer opener.
constexpr size_t kOpenerLines = 4;
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

class SignatureMarker {
 public:
  SignatureMarker(const MailLexicon& lexicon, MarkedLines& lines) : lexicon_(lexicon), m_(lines) {}

  void Run() {
    Collect();
    MarkDisclaimer();
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

  void MarkDisclaimer() {
    const size_t begin = text_.size() > kDisclaimerWindow ? text_.size() - kDisclaimerWindow : 0;
    for (size_t p = begin; p < text_.size(); ++p) {
      const std::string_view line = TrimLine(m_.lines[text_[p]]);
      const bool starts_paragraph =
          p == 0 || TrimLine(m_.lines[text_[p - 1]]).empty() || IsRuleLine(m_.lines[text_[p - 1]]);
      if (line.empty() || !starts_paragraph) continue;
      std::string opener;
      for (size_t k = p; k < text_.size() && k < p + kOpenerLines; ++k) {
        const std::string_view piece = TrimLine(m_.lines[text_[k]]);
        if (piece.empty()) break;
        if (!opener.empty()) opener += ' ';
        opener.append(piece);
      }
      opener.resize(std::min(opener.size(), LinePatterns::kMaxTestedBytes));
      if (!lexicon_.disclaimers.Matches(opener)) continue;
      size_t start = p;
      for (size_t k = p; k > 0; --k) {
        const std::string_view above = m_.lines[text_[k - 1]];
        if (IsRuleLine(above)) start = k - 1;
        if (!TrimLine(above).empty() && !IsRuleLine(above)) break;
      }
      if (ContentBefore(text_[start]))
        Mark(text_[start], LineRole::kDisclaimer, Stripping::kHeuristic);
      return;
    }
  }

  void MarkFooter() {
    const size_t begin = content_.size() > kFooterWindow ? content_.size() - kFooterWindow : 0;
    for (size_t c = 0; c < content_.size(); ++c) {
      if (!lexicon_.mobile_footers.Matches(TrimLine(m_.lines[content_[c]]))) continue;
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
      if (!lexicon_.signoffs.Matches(TrimLine(m_.lines[content_[c]]))) continue;
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

  const MailLexicon& lexicon_;
  MarkedLines& m_;
  std::vector<size_t> text_;
  std::vector<size_t> content_;
};

}  // namespace

void MarkSignature(const MailLexicon& lexicon, MarkedLines& lines) {
  SignatureMarker(lexicon, lines).Run();
}

}  // namespace tonewatch
