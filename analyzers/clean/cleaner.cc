#include "analyzers/clean/cleaner.h"

#include <fmt/format.h>

#include <algorithm>

#include "analyzers/clean/html_to_text.h"
#include "analyzers/clean/line_scan.h"
#include "analyzers/clean/reply_stripper.h"
#include "analyzers/clean/signature_stripper.h"
#include "analyzers/text/utf8.h"

namespace tonewatch {
namespace {

// U+E000 (private use) on a line of its own: where HtmlToText took a quote container out. Mail
// text does not contain it on a line alone, so it cannot be confused with the sender's words.
constexpr std::string_view kQuoteMarker = "\xEE\x80\x80";

bool HasContent(std::string_view text) { return !TrimLine(text).empty(); }

// Valid UTF-8 with '\n' line ends, cut at `limit` bytes (the rest counted in `dropped`).
std::string Normalize(std::string_view bytes, size_t limit, size_t& dropped) {
  const size_t keep = bytes.size() > limit ? Utf8CutPoint(bytes, limit) : bytes.size();
  dropped = bytes.size() - keep;
  std::string valid = SanitizeUtf8(bytes.substr(0, keep)).text;
  size_t cr = valid.find('\r');
  if (cr == std::string::npos) return valid;
  std::string out;
  out.reserve(valid.size());
  for (size_t start = 0; start < valid.size(); cr = valid.find('\r', start)) {
    if (cr == std::string::npos) cr = valid.size();
    out.append(valid, start, cr - start);
    if (cr == valid.size()) break;
    out += '\n';
    start = cr + 1 < valid.size() && valid[cr + 1] == '\n' ? cr + 2 : cr + 1;
  }
  return out;
}

// Blank lines between two quote (or signature...) lines belong to them, not to the sender.
void AbsorbBlanks(MarkedLines& m) {
  size_t i = 0;
  while (i < m.size()) {
    if (m.roles[i] != LineRole::kText || HasContent(m.lines[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < m.size() && m.roles[end] == LineRole::kText && !HasContent(m.lines[end])) ++end;
    if (i > 0 && end < m.size() && m.roles[i - 1] != LineRole::kText &&
        m.roles[i - 1] == m.roles[end]) {
      for (size_t k = i; k < end; ++k) m.roles[k] = m.roles[end];
    }
    i = end;
  }
}

// The lines with `role`, joined by '\n', leading and trailing blank lines dropped, and at most
// one blank line where other lines were taken out.
std::string Join(const MarkedLines& m, LineRole role) {
  std::string out;
  bool started = false;
  size_t pending_blank = 0;
  bool gap = false;  // lines of another role were left out since the last line written
  for (size_t i = 0; i < m.size(); ++i) {
    if (m.roles[i] != role || m.lines[i] == kQuoteMarker) {
      gap = gap || started;
      continue;
    }
    if (!HasContent(m.lines[i])) {
      if (started) ++pending_blank;
      continue;
    }
    // Where a quote was taken out from between two paragraphs, one blank line stays.
    if (gap) pending_blank = std::min<size_t>(pending_blank, 1);
    if (started) out.append(pending_blank + 1, '\n');
    pending_blank = 0;
    gap = false;
    started = true;
    std::string_view line = m.lines[i];
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    out.append(line);
  }
  return out;
}

size_t BytesOf(const MarkedLines& m, LineRole role) {
  size_t bytes = 0;
  for (size_t i = 0; i < m.size(); ++i) {
    if (m.roles[i] == role) bytes += m.lines[i].size() + 1;
  }
  return bytes;
}

// Marks and assembles. `everything_removed` is set when the input had content and none is left;
// the caller decides what to keep then.
CleanedBody CleanText(std::string_view text, const MailLexicon& lexicon, bool& everything_removed) {
  MarkedLines m = MarkedLines::Split(text);
  LineScan scan(lexicon, m);  // each line is scanned once, for both stages
  MarkQuotedText(scan, kQuoteMarker, m);
  MarkSignature(scan, m);
  AbsorbBlanks(m);
  CleanedBody body;
  body.text = Join(m, LineRole::kText);
  body.quoted = Join(m, LineRole::kQuote);
  body.signature_bytes = BytesOf(m, LineRole::kSignature);
  body.disclaimer_bytes = BytesOf(m, LineRole::kDisclaimer);
  body.stripping = m.stripping;
  if (m.signoff_in_middle) body.stripping = Stripping::kUncertain;
  everything_removed = !HasContent(body.text) && m.stripping != Stripping::kNone;
  return body;
}

// Keep-all result: the whole body, marked as a guess.
CleanedBody KeepAll(std::string text, size_t dropped) {
  MarkedLines m = MarkedLines::Split(text);
  CleanedBody body;
  body.text = Join(m, LineRole::kText);
  body.stripping = Stripping::kUncertain;
  body.dropped_bytes = dropped;
  return body;
}

}  // namespace

CleanedBody CleanPlainBody(std::string_view text, const MailLexicon& lexicon) {
  size_t dropped = 0;
  const std::string normalized = Normalize(text, kMaxPlainBodyBytes, dropped);
  bool everything_removed = false;
  CleanedBody body = CleanText(normalized, lexicon, everything_removed);
  if (everything_removed) return KeepAll(normalized, dropped);
  body.dropped_bytes = dropped;
  return body;
}

CleanedBody CleanHtmlBody(std::string_view html, const MailLexicon& lexicon) {
  size_t dropped = 0;
  const std::string normalized = Normalize(html, kMaxHtmlBodyBytes, dropped);
  HtmlText rendered = HtmlToText(normalized, {.remove_quotes = true, .quote_marker = kQuoteMarker});
  if (rendered.text.size() > kMaxPlainBodyBytes) {
    const size_t keep = Utf8CutPoint(rendered.text, kMaxPlainBodyBytes);
    dropped += rendered.text.size() - keep;
    rendered.text.resize(keep);
  }
  bool everything_removed = false;
  CleanedBody body = CleanText(rendered.text, lexicon, everything_removed);
  // Content that sat only in quote or signature containers counts as removed too.
  const bool taken_out = rendered.quote_containers > 0 || rendered.signature_bytes > 0;
  if (everything_removed || (taken_out && !HasContent(body.text))) {
    HtmlText all = HtmlToText(normalized, {.remove_quotes = false, .quote_marker = {}});
    return KeepAll(std::move(all.text), dropped);
  }
  if (rendered.quote_containers > 0) {
    body.stripping = std::max(body.stripping, Stripping::kStructural);
  }
  if (rendered.signature_bytes > 0) {
    body.signature_bytes += rendered.signature_bytes;
    body.stripping = std::max(body.stripping, Stripping::kStructural);
  }
  if (!rendered.quoted.empty()) {
    while (!rendered.quoted.empty() && rendered.quoted.back() == '\n') rendered.quoted.pop_back();
    body.quoted = body.quoted.empty() ? std::move(rendered.quoted)
                                      : fmt::format("{}\n{}", rendered.quoted, body.quoted);
  }
  body.dropped_bytes = dropped;
  return body;
}

}  // namespace tonewatch
