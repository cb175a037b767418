#include "analyzers/readers/mail/part_content.h"

#include <algorithm>

#include "analyzers/readers/mail/gmime_handles.h"

namespace tonewatch {
namespace {

// Reads up to `limit` bytes of `stream` from where it is.
std::string ReadUpTo(GMimeStream* stream, size_t limit) {
  constexpr size_t kBlock = 4096;
  std::string out;
  while (out.size() < limit) {
    const size_t want = std::min(kBlock, limit - out.size());
    const size_t at = out.size();
    out.resize(at + want);
    const ssize_t n = g_mime_stream_read(stream, out.data() + at, want);
    out.resize(at + (n > 0 ? static_cast<size_t>(n) : 0));
    if (n <= 0) break;
  }
  return out;
}

}  // namespace

std::string PartContent(GMimePart* part) {
  GMimeDataWrapper* wrapper = g_mime_part_get_content(part);
  if (wrapper == nullptr) return {};
  GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(wrapper, stream.get());
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.get()));
  return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

std::string PartContentHead(GMimePart* part, size_t limit) {
  GMimeDataWrapper* wrapper = g_mime_part_get_content(part);
  if (wrapper == nullptr) return {};
  GMimeStream* raw = g_mime_data_wrapper_get_stream(wrapper);  // owned by the wrapper
  if (raw == nullptr) return {};
  // The part's stream may be a window on the file that others read too: start at its start, and
  // leave it there for the next reader.
  g_mime_stream_reset(raw);
  GObjectPtr<GMimeStream> decoded(g_mime_stream_filter_new(raw));
  const GMimeContentEncoding encoding = g_mime_data_wrapper_get_encoding(wrapper);
  if (encoding == GMIME_CONTENT_ENCODING_BASE64 ||
      encoding == GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE ||
      encoding == GMIME_CONTENT_ENCODING_UUENCODE) {
    GObjectPtr<GMimeFilter> filter(g_mime_filter_basic_new(encoding, FALSE));
    g_mime_stream_filter_add(GMIME_STREAM_FILTER(decoded.get()), filter.get());
  }
  std::string head = ReadUpTo(decoded.get(), limit);
  g_mime_stream_reset(raw);
  return head;
}

bool CarriedRaw(GMimePart* part) {
  switch (g_mime_part_get_content_encoding(part)) {
    case GMIME_CONTENT_ENCODING_BASE64:
    case GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE:
    case GMIME_CONTENT_ENCODING_UUENCODE:
      return false;
    default:
      return true;
  }
}

bool IsWideCharset(std::string_view charset) {
  std::string lower;
  for (char c : charset.substr(0, 8)) lower.push_back(g_ascii_tolower(c));
  for (std::string_view wide :
       {"utf-16", "utf16", "utf-32", "utf32", "ucs-2", "ucs2", "ucs-4", "ucs4", "unicode"}) {
    if (std::string_view(lower).substr(0, wide.size()) == wide) return true;
  }
  return false;
}

size_t RemoveNuls(std::string& bytes) {
  const size_t before = bytes.size();
  bytes.erase(std::remove(bytes.begin(), bytes.end(), '\0'), bytes.end());
  return before - bytes.size();
}

}  // namespace tonewatch
