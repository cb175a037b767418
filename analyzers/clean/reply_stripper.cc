#include "analyzers/clean/reply_stripper.h"

#include <algorithm>
#include <string>

namespace tonewatch {
namespace {

// Clients wrap a long attribution ("On <date>, <name> <\n<address>> wrote:") over at most three
// lines; joining more would let ordinary sentences pose as one.
constexpr size_t kMaxAttributionLines = 3;
// Outlook's header block is four to six fields, a wrapped To: or Cc: line adds a few more.
constexpr size_t kMaxHeaderBlockLines = 12;
// Clients wrap at 72 to 78 columns; a quoted line shorter than this was not wrapped.
constexpr size_t kMinWrappedQuoteBytes = 60;

struct Attribution {
  size_t lines = 0;  // 0: none
  bool needs_quote = false;
  // A form that may stand alone is stronger evidence than one that needs a quote below it.
  int Strength() const { return lines == 0 ? 0 : needs_quote ? 1 : 2; }
};

bool IsBlank(std::string_view line) { return TrimLine(line).empty(); }

class QuoteMarker {
 public:
  QuoteMarker(LineScan& scan, std::string_view marker, MarkedLines& lines)
      : scan_(scan), marker_(marker), m_(lines) {}

  void Run() {
    size_t i = 0;
    while (i < m_.size()) {
      if (m_.roles[i] != LineRole::kText || IsBlank(m_.lines[i])) {
        ++i;
      } else if (IsQuoteLine(m_.lines[i], marker_) || ContinuesWrappedQuote(i)) {
        m_.roles[i++] = LineRole::kQuote;
        m_.Raise(Stripping::kStructural);
      } else if (scan_.LineIs(i, MailKind::kSeparator)) {
        CutFrom(i, Stripping::kStructural);
        return;
      } else if (HeaderBlockAt(scan_, m_, i) > 0) {
        const size_t start = RuleAbove(i);
        CutFrom(start, start < i ? Stripping::kStructural : Stripping::kHeuristic);
        return;
      } else if (const Attribution a = AttributionAt(i); a.lines > 0) {
        const size_t next = NextNonBlank(i + a.lines);
        if (next < m_.size() && IsQuoteLine(m_.lines[next], marker_)) {
          for (size_t k = i; k < i + a.lines; ++k) m_.roles[k] = LineRole::kQuote;
          m_.Raise(Stripping::kHeuristic);
          i += a.lines;
        } else if (a.needs_quote) {
          ++i;
        } else {
          // A header without a quote below it is the quote's start when text follows (an
          // unquoted top-post), and a guess when nothing does.
          CutFrom(i, next < m_.size() ? Stripping::kHeuristic : Stripping::kUncertain);
          return;
        }
      } else {
        ++i;
      }
    }
  }

 private:
  void CutFrom(size_t first, Stripping how) {
    m_.MarkRest(first, LineRole::kQuote);
    m_.Raise(how);
  }

  // A client that re-wraps a long quoted line without repeating the '>' leaves its end on an
  // unquoted line: "> ... Nullam pharetra d" then "ignissim odio?". Such a line follows a long
  // quote line directly and starts in lower case; an answer between quotes does not.
  bool ContinuesWrappedQuote(size_t i) const {
    if (i == 0 || m_.roles[i - 1] != LineRole::kQuote) return false;
    const std::string_view above = TrimLine(m_.lines[i - 1]);
    const std::string_view line = TrimLine(m_.lines[i]);
    return above.size() >= kMinWrappedQuoteBytes && !line.empty() && line.front() >= 'a' &&
           line.front() <= 'z';
  }

  size_t NextNonBlank(size_t from) const {
    while (from < m_.size() && IsBlank(m_.lines[from])) ++from;
    return from;
  }

  // The rule line just above `first` (blank lines between allowed), or `first`.
  size_t RuleAbove(size_t first) const {
    size_t k = first;
    while (k > 0) {
      --k;
      if (m_.roles[k] != LineRole::kText) break;
      if (IsRuleLine(m_.lines[k])) return k;
      if (!IsBlank(m_.lines[k])) break;
    }
    return first;
  }

  // Lines [first, first + count) can be joined as the lexicon examples are joined: each of them
  // is unmarked, not blank and not quoted, and the joined text is not too long to be a header.
  bool Joinable(size_t first, size_t count) const {
    if (first + count > m_.size()) return false;
    size_t bytes = count - 1;  // the spaces between
    for (size_t k = first; k < first + count; ++k) {
      if (m_.roles[k] != LineRole::kText) return false;
      const std::string_view piece = TrimLine(m_.lines[k]);
      // Gmail may wrap "<address>:" so that ">:" starts the last line; it is no quote.
      const bool angle_tail = k + 1 == first + count && k > first && piece == ">:";
      if (piece.empty() || (IsQuoteLine(piece, marker_) && !angle_tail)) return false;
      bytes += piece.size();
    }
    return bytes <= LinePatterns::kMaxTestedBytes;
  }

  std::string Join(size_t first, size_t count) const {
    std::string out;
    for (size_t k = first; k < first + count; ++k) {
      if (!out.empty()) out += ' ';
      out.append(TrimLine(m_.lines[k]));
    }
    return out;
  }

  // Only the windows whose lines hold an attribution's atoms are joined and matched.
  Attribution Match(size_t first, size_t count) const {
    if (!Joinable(first, count)) return {};
    const size_t last = first + count - 1;
    const bool strong = scan_.WindowMayMatch(MailKind::kAttribution, first, last);
    const bool weak = scan_.WindowMayMatch(MailKind::kQuoteAttribution, first, last);
    if (!strong && !weak) return {};
    const std::string joined = Join(first, count);
    if (strong && scan_.WindowMatch(MailKind::kAttribution, joined, first, last) >= 0) {
      return {count, false};
    }
    if (weak && scan_.WindowMatch(MailKind::kQuoteAttribution, joined, first, last) >= 0) {
      return {count, true};
    }
    return {};
  }

  // Some attribution may match the widest window that starts at `first`. Its atoms hold those of
  // every narrower window there, so when none may match it, none matches any of them: most
  // lines are let go after one look at their kept atoms.
  bool MayStartAttribution(size_t first) const {
    for (size_t count = kMaxAttributionLines; count > 0; --count) {
      if (!Joinable(first, count)) continue;
      const size_t last = first + count - 1;
      return scan_.WindowMayMatch(MailKind::kAttribution, first, last) ||
             scan_.WindowMayMatch(MailKind::kQuoteAttribution, first, last);
    }
    return false;
  }

  Attribution AttributionAt(size_t first) const {
    if (!MayStartAttribution(first)) return {};
    for (size_t count = 1; count <= kMaxAttributionLines; ++count) {
      const Attribution a = Match(first, count);
      if (a.lines == 0) continue;
      // "Thanks\nOn Monday, Bob wrote:" is an attribution on the second line only: the sender's
      // own last line must not be swallowed into it. A weaker form further down ("... <\n
      // bob@example.com> wrote:") does not count against a strong one starting here.
      bool later_start = false;
      for (size_t skip = 1; skip < count && !later_start; ++skip) {
        later_start = Match(first + skip, count - skip).Strength() >= a.Strength();
      }
      if (!later_start) return a;
    }
    return {};
  }

  LineScan& scan_;
  std::string_view marker_;
  MarkedLines& m_;
};

}  // namespace

bool IsRuleLine(std::string_view line) {
  const std::string_view t = TrimLine(line);
  return t.size() >= 2 && std::all_of(t.begin(), t.end(), [](char c) {
           return c == '-' || c == '_' || c == '=' || c == '*' || c == '~';
         });
}

size_t HeaderBlockAt(LineScan& scan, const MarkedLines& lines, size_t first) {
  size_t fields = 0;
  bool saw_from = false;
  size_t last = first;
  for (size_t k = first; k < lines.size() && k < first + kMaxHeaderBlockLines; ++k) {
    if (lines.roles[k] != LineRole::kText) break;
    const std::string_view t = TrimLine(lines.lines[k]);
    if (t.empty() || t.front() == '>') break;
    const bool is_from = scan.LineIs(k, MailKind::kHeaderFrom);
    const bool is_field = !is_from && scan.LineIs(k, MailKind::kHeaderField);
    if (k == first && !is_from && !is_field) return 0;  // must start on a field
    if (is_from || is_field) {
      saw_from = saw_from || is_from;
      ++fields;
      last = k;
    }
  }
  return saw_from && fields >= 2 ? last - first + 1 : 0;
}

void MarkQuotedText(LineScan& scan, std::string_view quote_marker, MarkedLines& lines) {
  QuoteMarker(scan, quote_marker, lines).Run();
}

void MarkQuotedText(const MailLexicon& lexicon, std::string_view quote_marker, MarkedLines& lines) {
  LineScan scan(lexicon, lines);
  MarkQuotedText(scan, quote_marker, lines);
}

}  // namespace tonewatch
