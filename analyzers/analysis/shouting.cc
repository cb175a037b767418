#include "analyzers/analysis/shouting.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>

#include "analyzers/text/segmenter.h"

namespace tonewatch {
namespace {

// Above this share of upper-case letters the whole text is capitals, not shouting.
constexpr double kMaxUpperShare = 0.5;

struct CaseCount {
  size_t upper = 0;
  size_t lower = 0;
};

CaseCount CountCase(std::string_view text) {
  CaseCount count;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) continue;
    if (u_isUUppercase(c)) ++count.upper;
    if (u_isULowercase(c)) ++count.lower;
  }
  return count;
}

}  // namespace

std::vector<Span> FindShoutedWords(std::string_view original, const LanguageData& data) {
  std::vector<Span> out;
  const CaseCount total = CountCase(original);
  if (total.upper == 0 || total.lower == 0) return out;
  if (static_cast<double>(total.upper) / static_cast<double>(total.upper + total.lower) >
      kMaxUpperShare) {
    return out;
  }
  for (const Span& word : WordSpans(original)) {
    const std::string_view text = original.substr(word.begin, word.size());
    const CaseCount count = CountCase(text);
    if (count.lower != 0 || count.upper < static_cast<size_t>(data.caps_min_letters)) continue;
    if (std::find(data.acronyms.begin(), data.acronyms.end(), text) != data.acronyms.end())
      continue;
    out.push_back(word);
  }
  return out;
}

}  // namespace tonewatch
