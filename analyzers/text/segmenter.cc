#include "analyzers/text/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <memory>

namespace tonewatch {
namespace {

struct UTextCloser {
  void operator()(UText* text) const { utext_close(text); }
};
using UTextPtr = std::unique_ptr<UText, UTextCloser>;

enum class Kind { kSentence, kWord };

// Creating a break iterator loads ICU's rules; each thread keeps one of each kind.
icu::BreakIterator* Iterator(Kind kind) {
  thread_local std::unique_ptr<icu::BreakIterator> sentence;
  thread_local std::unique_ptr<icu::BreakIterator> word;
  auto& slot = kind == Kind::kSentence ? sentence : word;
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    slot.reset(kind == Kind::kSentence
                   ? icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status)
                   : icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
    if (U_FAILURE(status)) slot.reset();
  }
  return slot.get();
}

// Runs `kind`'s iterator over `text` and calls keep(rule_status) for each segment.
template <typename Keep>
std::vector<Span> Segments(std::string_view text, Kind kind, Keep keep) {
  std::vector<Span> out;
  if (text.empty()) return out;
  icu::BreakIterator* it = Iterator(kind);
  UErrorCode status = U_ZERO_ERROR;
  UTextPtr utext(utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
  if (it == nullptr || U_FAILURE(status)) {
    // Without ICU data the text is one segment: degraded, never wrong about offsets.
    if (kind == Kind::kSentence) out.push_back({0, text.size()});
    return out;
  }
  it->setText(utext.get(), status);
  if (U_FAILURE(status)) {
    if (kind == Kind::kSentence) out.push_back({0, text.size()});
    return out;
  }
  int32_t begin = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; begin = end, end = it->next()) {
    if (keep(it->getRuleStatus())) {
      out.push_back({static_cast<size_t>(begin), static_cast<size_t>(end)});
    }
  }
  // The iterator keeps a pointer to the UText; detach it before the UText closes.
  it->setText(icu::UnicodeString());
  return out;
}

}  // namespace

std::vector<Span> SentenceSpans(std::string_view text) {
  return Segments(text, Kind::kSentence, [](int32_t) { return true; });
}

std::vector<Span> WordSpans(std::string_view text) {
  return Segments(text, Kind::kWord, [](int32_t status) { return status >= UBRK_WORD_NONE_LIMIT; });
}

}  // namespace tonewatch
