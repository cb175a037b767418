#include "analyzers/text/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <memory>

#include "analyzers/text/utf8.h"

namespace tonewatch {
namespace {

struct DetectorClose {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};
struct ConverterClose {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// ICU's detector needs a sample, not the whole text.
constexpr size_t kDetectSample = 64 * 1024;

bool IsValidUtf8(std::string_view bytes) {
  const SanitizedText clean = SanitizeUtf8(bytes);
  return clean.damage_count == 0;
}

// Converts with ICU's converter for `name`; false when ICU does not know the charset.
bool Convert(std::string_view bytes, const char* name, DecodedText& out) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterClose> conv(ucnv_open(name, &status));
  if (U_FAILURE(status) || !conv) return false;
  icu::UnicodeString unicode(bytes.data(), static_cast<int32_t>(bytes.size()), conv.get(), status);
  if (U_FAILURE(status)) return false;
  std::string utf8;
  unicode.toUTF8String(utf8);
  out.damaged = unicode.indexOf(static_cast<UChar>(0xFFFD)) >= 0 ||
                unicode.indexOf(static_cast<UChar>(0x1A)) >= 0;
  SanitizedText clean = SanitizeUtf8(utf8);
  out.text = std::move(clean.text);
  out.charset = ucnv_getName(conv.get(), &status);
  return true;
}

}  // namespace

DecodedText DetectAndDecode(std::string_view bytes) {
  DecodedText out;
  if (IsValidUtf8(bytes)) {
    out.text = std::string(bytes);
    out.charset = "UTF-8";
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorClose> detector(ucsdet_open(&status));
  const std::string_view sample = bytes.substr(0, kDetectSample);
  const char* name = nullptr;
  if (U_SUCCESS(status)) {
    ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
    const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
    if (U_SUCCESS(status) && match != nullptr) name = ucsdet_getName(match, &status);
  }
  // windows-1252 is the commonest undeclared 8-bit charset in mail; use it when detection fails.
  if (name == nullptr || U_FAILURE(status) || !Convert(bytes, name, out)) {
    if (!Convert(bytes, "windows-1252", out)) {
      SanitizedText clean = SanitizeUtf8(bytes);
      out.text = std::move(clean.text);
      out.charset = "UTF-8";
      out.damaged = true;
      return out;
    }
  }
  out.guessed = true;
  return out;
}

DecodedText DecodeCharset(std::string_view bytes, std::string_view charset) {
  if (charset.empty()) return DetectAndDecode(bytes);
  DecodedText out;
  const std::string name(charset);
  if (Convert(bytes, name.c_str(), out) && !out.damaged) return out;
  return DetectAndDecode(bytes);
}

}  // namespace tonewatch
