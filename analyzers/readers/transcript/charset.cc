#include "analyzers/readers/transcript/charset.h"

#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <array>
#include <cstring>
#include <optional>

namespace tonewatch {
namespace {

constexpr size_t kReadChunk = 64 << 10;
// Units of UTF-16 converted per ICU call.
constexpr size_t kUnitBuffer = 16 << 10;
// BOM-less UTF-16: at least this share of the high bytes of code units are zero (ASCII-heavy
// text), and at most kMaxOtherZeroShare of the low bytes.
constexpr double kMinHighZeroShare = 0.4;
constexpr double kMaxOtherZeroShare = 0.05;

struct DetectorCloser {
  void operator()(UCharsetDetector* detector) const { ucsdet_close(detector); }
};

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

std::optional<Charset> FromBom(std::string_view head) {
  using namespace std::string_view_literals;
  if (StartsWith(head, "\xEF\xBB\xBF"sv)) return Charset{"UTF-8", 3, false};
  // UTF-32LE's BOM begins with UTF-16LE's: test it first.
  if (StartsWith(head, "\xFF\xFE\x00\x00"sv)) return Charset{"UTF-32LE", 4, false};
  if (StartsWith(head, "\x00\x00\xFE\xFF"sv)) return Charset{"UTF-32BE", 4, false};
  if (StartsWith(head, "\xFF\xFE"sv)) return Charset{"UTF-16LE", 2, false};
  if (StartsWith(head, "\xFE\xFF"sv)) return Charset{"UTF-16BE", 2, false};
  return std::nullopt;
}

std::optional<Charset> FromZeroPattern(std::string_view head) {
  const size_t pairs = head.size() / 2;
  if (pairs < 2) return std::nullopt;
  size_t even_zero = 0;
  size_t odd_zero = 0;
  for (size_t i = 0; i + 1 < head.size(); i += 2) {
    even_zero += head[i] == '\0';
    odd_zero += head[i + 1] == '\0';
  }
  const auto share = [&](size_t n) { return static_cast<double>(n) / static_cast<double>(pairs); };
  if (share(odd_zero) >= kMinHighZeroShare && share(even_zero) <= kMaxOtherZeroShare) {
    return Charset{"UTF-16LE", 0, true};
  }
  if (share(even_zero) >= kMinHighZeroShare && share(odd_zero) <= kMaxOtherZeroShare) {
    return Charset{"UTF-16BE", 0, true};
  }
  return std::nullopt;
}

// True when `head` reads as UTF-8: no invalid sequence, or invalid ones outnumbered by valid
// multi-byte characters (mixed encodings). A sequence cut by the end of the head is not invalid.
bool LooksUtf8(std::string_view head) {
  const auto* s = reinterpret_cast<const uint8_t*>(head.data());
  const int32_t length = static_cast<int32_t>(head.size());
  size_t invalid = 0;
  size_t multibyte = 0;
  for (int32_t i = 0; i < length;) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0) {
      ++multibyte;
    } else if (i < length || length - start > U8_COUNT_TRAIL_BYTES(s[start])) {
      ++invalid;
    }
  }
  return invalid == 0 || multibyte >= invalid;
}

// Legacy charsets that ucsdet may name and that we accept: its EBCDIC and ISO-2022 guesses on
// short Latin text are wrong more often than right.
bool Acceptable(std::string_view name) {
  return !StartsWith(name, "UTF") && !StartsWith(name, "IBM") && !StartsWith(name, "ISO-2022");
}

std::string GuessLegacy(std::string_view head) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&status));
  if (U_FAILURE(status)) return "windows-1252";
  ucsdet_setText(detector.get(), head.data(), static_cast<int32_t>(head.size()), &status);
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &found, &status);
  for (int32_t i = 0; U_SUCCESS(status) && i < found; ++i) {
    const char* name = ucsdet_getName(matches[i], &status);
    if (U_FAILURE(status) || name == nullptr || !Acceptable(name)) continue;
    // Files called ISO-8859-1 are nearly always windows-1252 (curly quotes in 0x80-0x9F).
    if (std::strcmp(name, "ISO-8859-1") == 0) return "windows-1252";
    return name;
  }
  return "windows-1252";  // the most common undeclared 8-bit charset of subtitle files
}

// Opens a converter that stops at undecodable input instead of substituting silently: the caller
// marks and reports it. Null when ICU has no converter of that name.
std::unique_ptr<UConverter, UConverterCloser> OpenStoppingConverter(const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, UConverterCloser> converter(ucnv_open(name.c_str(), &status));
  if (U_FAILURE(status)) return nullptr;
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  return U_SUCCESS(status) ? std::move(converter) : nullptr;
}

void AppendCodePoint(UChar32 c, std::string* out) {
  std::array<uint8_t, U8_MAX_LENGTH> bytes{};
  int32_t n = 0;
  U8_APPEND_UNSAFE(bytes.data(), n, c);
  out->append(reinterpret_cast<const char*>(bytes.data()), static_cast<size_t>(n));
}

}  // namespace

Charset DetectCharset(std::string_view head) {
  head = head.substr(0, kCharsetSniffBytes);
  if (auto bom = FromBom(head)) return *bom;
  if (auto utf16 = FromZeroPattern(head)) return *utf16;
  // A NUL outside UTF-16 means binary data: leave it to the binary check, not to ucsdet.
  if (head.find('\0') != std::string_view::npos || LooksUtf8(head)) return Charset{};
  return Charset{GuessLegacy(head), 0, true};
}

void UConverterCloser::operator()(UConverter* converter) const { ucnv_close(converter); }

Utf8Stream::Utf8Stream(ByteSource& source, std::string raw, Charset charset, ConverterPtr converter)
    : source_(source),
      raw_(std::move(raw)),
      charset_(std::move(charset)),
      converter_(std::move(converter)) {}

Utf8Stream::Utf8Stream(Utf8Stream&&) noexcept = default;
Utf8Stream::~Utf8Stream() = default;

Result<Utf8Stream> Utf8Stream::Open(ByteSource& source, std::string prefix) {
  std::string raw = std::move(prefix);
  while (raw.size() < kCharsetSniffBytes) {
    auto n = source.ReadAppend(raw, kCharsetSniffBytes - raw.size());
    if (!n) return n.error();
    if (*n == 0) break;
  }
  Charset charset = DetectCharset(raw);
  raw.erase(0, charset.bom_bytes);
  ConverterPtr converter;
  if (!charset.utf8()) {
    converter = OpenStoppingConverter(charset.name);
    if (!converter) {
      return Err(ErrorCode::kInternal, source.name(),
                 fmt::format("ICU has no converter for the detected charset {}", charset.name));
    }
  }
  return Utf8Stream(source, std::move(raw), std::move(charset), std::move(converter));
}

Result<size_t> Utf8Stream::Read(std::string* out) {
  if (raw_.empty() && !eof_) {
    auto n = source_.ReadAppend(raw_, kReadChunk);
    if (!n) return n.error();
    eof_ = *n == 0;
  }
  const size_t before = out->size();
  if (!converter_) {
    out->append(raw_);
  } else if (!flushed_ && (!raw_.empty() || eof_)) {
    Convert(raw_, eof_, out);
    flushed_ = eof_;
  }
  raw_.clear();
  return out->size() - before;
}

void Utf8Stream::Convert(std::string_view bytes, bool flush, std::string* out) {
  std::array<char16_t, kUnitBuffer> units{};
  const char* source = bytes.data();
  const char* limit = source + bytes.size();
  for (;;) {
    char16_t* target = units.data();
    UErrorCode status = U_ZERO_ERROR;
    ucnv_toUnicode(converter_.get(), &target, units.data() + units.size(), &source, limit, nullptr,
                   flush, &status);
    AppendUtf16(units.data(), static_cast<size_t>(target - units.data()), out);
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(status)) {
      out->push_back('\xFF');  // never valid UTF-8: the line reader reports it with its line
      if (source < limit) continue;
    }
    break;
  }
  if (flush && pending_lead_ != 0) {
    out->push_back('\xFF');
    pending_lead_ = 0;
  }
}

void Utf8Stream::AppendUtf16(const char16_t* units, size_t count, std::string* out) {
  for (size_t i = 0; i < count; ++i) {
    const char16_t unit = units[i];
    if (pending_lead_ != 0) {
      const char16_t lead = pending_lead_;
      pending_lead_ = 0;
      if (U16_IS_TRAIL(unit)) {
        AppendCodePoint(U16_GET_SUPPLEMENTARY(lead, unit), out);
        continue;
      }
      out->push_back('\xFF');  // a lead surrogate without its trail
    }
    if (U16_IS_LEAD(unit)) {
      pending_lead_ = unit;
    } else if (U16_IS_TRAIL(unit)) {
      out->push_back('\xFF');
    } else {
      AppendCodePoint(unit, out);
    }
  }
}

std::string ToUtf8(std::string_view bytes, const Charset& charset) {
  bytes.remove_prefix(std::min(bytes.size(), charset.bom_bytes));
  if (charset.utf8()) return std::string(bytes);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, UConverterCloser> converter(ucnv_open(charset.name.c_str(), &status));
  if (U_FAILURE(status)) return std::string(bytes);
  std::u16string units(bytes.size() * 2 + 1, u'\0');  // at most two units per byte
  const int32_t n = ucnv_toUChars(converter.get(), units.data(), static_cast<int32_t>(units.size()),
                                  bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return std::string(bytes);
  std::string out;
  out.reserve(static_cast<size_t>(n));
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U16_NEXT(units.data(), i, n, c);
    AppendCodePoint(U_IS_SURROGATE(c) ? 0xFFFD : c, &out);
  }
  return out;
}

}  // namespace tonewatch
