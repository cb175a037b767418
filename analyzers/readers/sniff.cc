#include "analyzers/readers/sniff.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "analyzers/readers/transcript_sniff.h"

namespace tonewatch {
namespace {

constexpr size_t kBinarySample = 8192;
// Prose has few control bytes; past this share (NULs included) the source is data.
constexpr double kMaxControlShare = 0.10;
// A stray NUL or two in text is damage, replaced and reported where it is; more than this many in
// the sample is the mark of binary data (images, archives, UTF-16 without a BOM).
constexpr size_t kMaxStrayNuls = 4;
// Header names that only mail has; two of them near the top make a message.
constexpr std::array<std::string_view, 12> kMailHeaders = {
    "from",        "to",           "subject",      "date",     "message-id",   "received",
    "return-path", "mime-version", "delivered-to", "reply-to", "content-type", "cc"};
constexpr int kHeaderLinesLooked = 40;

bool StartsWithBom(std::string_view s, std::string_view bom) {
  return s.substr(0, bom.size()) == bom;
}

// True if `line` is "Name: value" with an RFC 5322 field name.
bool IsHeaderLine(std::string_view line, std::string* name) {
  const size_t colon = line.find(':');
  if (colon == 0 || colon == std::string_view::npos || colon > 76) return false;
  for (size_t i = 0; i < colon; ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    if (c <= 32 || c >= 127) return false;
  }
  name->assign(line.substr(0, colon));
  std::transform(name->begin(), name->end(), name->begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return true;
}

// Counts known mail headers in the header block at the start of `text`.
int MailHeaderCount(std::string_view text) {
  int known = 0;
  size_t pos = 0;
  for (int lines = 0; lines < kHeaderLinesLooked && pos < text.size(); ++lines) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = nl + 1;
    if (line.empty()) break;                          // end of the header block
    if (line[0] == ' ' || line[0] == '\t') continue;  // folded continuation
    std::string name;
    if (!IsHeaderLine(line, &name)) return lines == 0 ? 0 : known;
    if (std::find(kMailHeaders.begin(), kMailHeaders.end(), name) != kMailHeaders.end()) ++known;
  }
  return known;
}

}  // namespace

std::string BinaryReason(std::string_view head) {
  head = head.substr(0, kBinarySample);
  size_t nuls = 0;
  size_t controls = 0;  // NULs included
  size_t first_nul = 0;
  for (size_t i = 0; i < head.size(); ++i) {
    const auto u = static_cast<unsigned char>(head[i]);
    if (u >= 0x20 || u == '\n' || u == '\r' || u == '\t' || u == '\f' || u == 0x1B) continue;
    ++controls;
    if (u == 0 && nuls++ == 0) first_nul = i;
  }
  const bool mostly_controls =
      static_cast<double>(controls) > kMaxControlShare * static_cast<double>(head.size());
  if (nuls > kMaxStrayNuls || (nuls > 0 && mostly_controls)) {
    return fmt::format("NUL byte at offset {}", first_nul);
  }
  if (mostly_controls)
    return fmt::format("{} control bytes in the first {}", controls, head.size());
  return {};
}

SourceKind SniffSource(std::string_view head) {
  head = head.substr(0, kSniffHeadBytes);
  if (StartsWithBom(head, "\xEF\xBB\xBF")) head.remove_prefix(3);
  if (head.find_first_not_of(" \t\r\n") == std::string_view::npos) return SourceKind::kEmpty;
  // Mail first, judged by its header block alone: binary content further on (an attachment, a
  // damaged message) is the mail reader's to skip, part by part, not a reason to refuse the file.
  // A header block would also read as speaker labels.
  if (head.substr(0, 5) == "From ") {
    const size_t nl = head.find('\n');
    if (nl != std::string_view::npos && MailHeaderCount(head.substr(nl + 1)) >= 1) {
      return SourceKind::kMbox;
    }
  }
  if (MailHeaderCount(head) >= 2) return SourceKind::kMail;
  // UTF-16/32 text has NUL bytes but a BOM: the transcript reader decodes it.
  const bool wide_bom = StartsWithBom(head, "\xFF\xFE") || StartsWithBom(head, "\xFE\xFF") ||
                        StartsWithBom(head, std::string_view("\x00\x00\xFE\xFF", 4));
  if (!wide_bom && !BinaryReason(head).empty()) return SourceKind::kBinary;
  if (LooksLikeTranscript(head)) return SourceKind::kTranscript;
  return SourceKind::kText;
}

Result<std::string> ReadSniffHead(ByteSource& source) {
  std::string head;
  while (head.size() < kSniffHeadBytes) {
    auto n = source.ReadAppend(head, kSniffHeadBytes - head.size());
    if (!n) return n.error();
    if (*n == 0) break;
  }
  return head;
}

}  // namespace tonewatch
