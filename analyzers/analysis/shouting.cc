#include "analyzers/analysis/shouting.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>
#include <unordered_map>

#include "analyzers/analysis/words.h"
#include "analyzers/text/segmenter.h"

namespace tonewatch {
namespace {

// Above this share of upper-case words the whole text is capitals, not shouting...
constexpr double kMaxUpperShare = 0.5;
// ...unless the text is this short: a chat turn or a one-line reply in capitals is raised voice.
constexpr size_t kShortText = 12;

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

// Cheap pre-check before word segmentation: a run of `min` upper-case ASCII letters, or any
// non-ASCII byte (whose case only ICU can tell).
bool MayShout(std::string_view text, int min) {
  int run = 0;
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
    run = (c >= 'A' && c <= 'Z') ? run + 1 : 0;
    if (run >= min) return true;
  }
  return false;
}

bool IsAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool IsAsciiWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'';
}

// Word spans: ICU's segmentation, or for pure ASCII text the same result from a plain scan (runs of
// letters, digits and apostrophes), which is several times faster.
std::vector<Span> Words(std::string_view text) {
  if (!IsAscii(text)) return WordSpans(text);
  std::vector<Span> out;
  for (size_t i = 0; i < text.size();) {
    if (!IsAsciiWordByte(text[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size() && IsAsciiWordByte(text[end])) ++end;
    out.push_back({i, end});
    i = end;
  }
  return out;
}

// True if the word at `word` opens its line and a colon follows it: a label, not a raised voice.
bool IsLabel(std::string_view text, const Span& word) {
  size_t before = word.begin;
  while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t')) --before;
  if (before > 0 && text[before - 1] != '\n') return false;
  size_t after = word.end;
  while (after < text.size() && text[after] == ' ') ++after;
  return after < text.size() && text[after] == ':';
}

}  // namespace

std::vector<CapsWord> FindCapsWords(std::string_view original, const LanguageData& data,
                                    const Dictionary* dictionary) {
  std::vector<CapsWord> out;
  if (!MayShout(original, std::max(1, data.caps_min_letters))) return out;
  // Judge the text by its words, not its letters: in "this is UNACCEPTABLE" one word of three is
  // shouted; in a long "PLEASE SEND THE FILE BY ..." every word is capitals, which is a style.
  size_t cased_words = 0;
  size_t upper_words = 0;
  for (const Span& word : Words(original)) {
    const std::string_view text = original.substr(word.begin, word.size());
    const CaseCount count = CountCase(text);
    if (count.upper + count.lower < 2) continue;  // "I", "a", numbers
    ++cased_words;
    if (count.lower != 0) continue;
    ++upper_words;
    if (count.upper < static_cast<size_t>(data.caps_min_letters)) continue;
    const bool acronym =
        std::find(data.acronyms.begin(), data.acronyms.end(), text) != data.acronyms.end() ||
        (dictionary != nullptr && IsAscii(text) && !dictionary->IsWord(text));
    out.push_back({word, !acronym && !IsLabel(original, word)});
  }
  if (cased_words == 0 ||
      (cased_words > kShortText &&
       static_cast<double>(upper_words) / static_cast<double>(cased_words) > kMaxUpperShare)) {
    return {};
  }
  std::unordered_map<std::string_view, size_t> uses;
  for (const CapsWord& w : out) ++uses[original.substr(w.span.begin, w.span.size())];
  for (CapsWord& w : out) {
    const std::string_view text = original.substr(w.span.begin, w.span.size());
    w.emphasis = std::find(data.caps_emphasis.begin(), data.caps_emphasis.end(),
                           AsciiLower(text)) != data.caps_emphasis.end();
    if (uses[text] > 1 && !w.emphasis) w.shouted = false;  // a term the writer uses
  }
  return out;
}

}  // namespace tonewatch
