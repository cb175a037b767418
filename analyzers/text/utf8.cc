#include "analyzers/text/utf8.h"

#include <unicode/utf8.h>

namespace tonewatch {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

void Record(SanitizedText& out, Utf8Damage damage) {
  if (out.damage.size() < SanitizedText::kMaxRecordedDamage) out.damage.push_back(damage);
  ++out.damage_count;
}

}  // namespace

SanitizedText SanitizeUtf8(std::string_view bytes) {
  SanitizedText out;
  out.text.reserve(bytes.size());
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t length = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  while (i < length) {
    // ASCII fast path: most text is.
    if (s[i] != 0 && s[i] < 0x80) {
      out.text.push_back(static_cast<char>(s[i]));
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c == 0) {
      out.text.append(kReplacement);
      Record(out, {static_cast<size_t>(start), 1, true});
    } else if (c < 0) {
      out.text.append(kReplacement);
      Record(out, {static_cast<size_t>(start), static_cast<size_t>(i - start), false});
    } else {
      out.text.append(bytes.substr(start, i - start));
    }
  }
  return out;
}

size_t Utf8CutPoint(std::string_view bytes, size_t max_size) {
  if (bytes.size() <= max_size) return bytes.size();
  return Utf8Floor(bytes, max_size);
}

size_t Utf8Floor(std::string_view bytes, size_t max_size) {
  if (max_size >= bytes.size()) return bytes.size();
  // bytes[max_size] is the first byte left out: if it is a continuation byte, back up to the
  // lead byte so the character stays whole on the far side.
  size_t n = max_size;
  for (int back = 0; back < 3 && n > 0; ++back) {
    if ((static_cast<uint8_t>(bytes[n]) & 0xC0) != 0x80) break;
    --n;
  }
  return n;
}

}  // namespace tonewatch
