#include "analyzers/text/normalized_text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace tonewatch {
namespace {

bool IsAsciiSpace(uint8_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Characters NFKC leaves alone but that writers use interchangeably with ASCII ones.
char PunctuationFold(UChar32 c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
    case 0xFF07:
      return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0x00AB:
    case 0x00BB:
      return '"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
      return '-';
    default:
      return 0;
  }
}

const icu::Normalizer2* NfkcCasefold() {
  UErrorCode status = U_ZERO_ERROR;
  // ICU owns the instance for the life of the process.
  static const icu::Normalizer2* instance = icu::Normalizer2::getNFKCCasefoldInstance(status);
  return U_SUCCESS(status) ? instance : nullptr;
}

}  // namespace

// Builds a NormalizedText in one pass over the original.
class NormalizedTextBuilder {
 public:
  explicit NormalizedTextBuilder(std::string_view original) : original_(original) {
    out_.text_.reserve(original.size());
    out_.begin_of_.reserve(original.size());
    out_.end_of_.reserve(original.size());
    out_.from_original_.assign(original.size() + 1, 0);
    out_.original_size_ = original.size();
  }

  NormalizedText Run() {
    const auto* s = reinterpret_cast<const uint8_t*>(original_.data());
    const int32_t length = static_cast<int32_t>(original_.size());
    int32_t i = 0;
    while (i < length) {
      if (s[i] < 0x80) {
        if (i + 1 < length && s[i + 1] >= 0x80 && CombinesWithPrevious(s, i + 1, length)) {
          // "e" + U+0301: normalize the pair, so "cafe\u0301" matches "café".
          i = Cluster(s, i, i + 1, length);
          continue;
        }
        if (IsAsciiSpace(s[i])) {
          Space(i, i + 1);
        } else {
          char c = static_cast<char>(s[i]);
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
          Emit(std::string_view(&c, 1), i, i + 1);
        }
        ++i;
        continue;
      }
      const int32_t start = i;
      UChar32 c;
      U8_NEXT(s, i, length, c);
      if (c < 0) c = 0xFFFD;  // callers sanitize; stay safe anyway
      if (u_isUWhiteSpace(c)) {
        Space(start, i);
      } else if (char folded = PunctuationFold(c)) {
        Emit(std::string_view(&folded, 1), start, i);
      } else {
        i = Cluster(s, start, i, length);
      }
    }
    out_.from_original_[original_.size()] = static_cast<uint32_t>(out_.text_.size());
    return std::move(out_);
  }

 private:
  // True if the code point at `i` normalizes together with the one before it (a combining mark).
  static bool CombinesWithPrevious(const uint8_t* s, int32_t i, int32_t length) {
    const icu::Normalizer2* norm = NfkcCasefold();
    UChar32 c;
    U8_NEXT(s, i, length, c);
    // Only marks: default ignorables such as the soft hyphen also lack a boundary, but vanish on
    // their own and must not pull the letter before them into their span.
    return c >= 0 && norm != nullptr && !norm->hasBoundaryBefore(c) &&
           (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
  }

  // A character and the characters that normalize together with it.
  int32_t Cluster(const uint8_t* s, int32_t start, int32_t i, int32_t length) {
    const icu::Normalizer2* norm = NfkcCasefold();
    while (i < length && s[i] >= 0x80) {
      int32_t next = i;
      UChar32 c;
      U8_NEXT(s, next, length, c);
      if (c < 0 || norm == nullptr || norm->hasBoundaryBefore(c)) break;
      i = next;
    }
    std::string_view piece = original_.substr(start, i - start);
    if (norm == nullptr) {
      Emit(piece, start, i);
      return i;
    }
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString normalized = norm->normalize(
        icu::UnicodeString::fromUTF8(icu::StringPiece(piece.data(), piece.size())), status);
    if (U_FAILURE(status)) {
      Emit(piece, start, i);
      return i;
    }
    std::string utf8;
    normalized.toUTF8String(utf8);
    if (utf8.empty()) {  // default ignorables (soft hyphen, zero-width joiner) vanish
      Mark(start, i);
      return i;
    }
    Emit(utf8, start, i);
    return i;
  }

  void Space(int32_t start, int32_t end) {
    if (!out_.text_.empty() && out_.text_.back() == ' ' && last_was_space_) {
      out_.end_of_.back() = static_cast<uint32_t>(end);  // extend the run
      Mark(start, end);
      return;
    }
    Emit(" ", start, end);
    last_was_space_ = true;
  }

  void Emit(std::string_view bytes, int32_t start, int32_t end) {
    Mark(start, end);
    for (char b : bytes) {
      out_.text_.push_back(b);
      out_.begin_of_.push_back(static_cast<uint32_t>(start));
      out_.end_of_.push_back(static_cast<uint32_t>(end));
    }
    last_was_space_ = false;
  }

  // Original bytes [start, end) map to the current end of the normalized text.
  void Mark(int32_t start, int32_t end) {
    for (int32_t k = start; k < end; ++k) {
      out_.from_original_[k] = static_cast<uint32_t>(out_.text_.size());
    }
  }

  std::string_view original_;
  NormalizedText out_;
  bool last_was_space_ = false;
};

NormalizedText NormalizedText::Build(std::string_view original) {
  return NormalizedTextBuilder(original).Run();
}

Span NormalizedText::ToOriginal(Span span) const {
  if (span.begin >= text_.size()) return {original_size_, original_size_};
  if (span.empty()) return {begin_of_[span.begin], begin_of_[span.begin]};
  return {begin_of_[span.begin], end_of_[span.end - 1]};
}

}  // namespace tonewatch
