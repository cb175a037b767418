#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "analyzers/base/result.h"
#include "analyzers/readers/byte_source.h"

struct UConverter;

namespace tonewatch {

// Closes an ICU converter: the deleter of the unique_ptr that owns it.
struct UConverterCloser {
  void operator()(UConverter* converter) const;
};

// The character encoding of a source, as decided from its first bytes.
struct Charset {
  std::string name = "UTF-8";  // an ICU converter name: "UTF-8", "UTF-16LE", "windows-1252", ...
  size_t bom_bytes = 0;        // length of the byte order mark to skip
  bool detected = false;  // guessed from the bytes by ICU (legacy 8-bit), not declared by a BOM
  bool utf8() const { return name == "UTF-8"; }
};

// How many bytes of the start of a source decide its charset.
inline constexpr size_t kCharsetSniffBytes = 64 << 10;

// Decides the charset of a source from `head`, its first bytes (up to kCharsetSniffBytes are
// looked at). In order: a byte order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE); the zero-byte
// pattern of UTF-16 without a BOM; UTF-8 when the bytes are valid UTF-8, or mostly so (some
// invalid bytes among valid multi-byte characters: a file of mixed encodings, whose damage the
// reader replaces and reports per line); else ICU's charset detector (ucsdet) among legacy 8-bit
// and East Asian multi-byte charsets, with ISO-8859-1 read as its superset windows-1252 (as web
// browsers do). Bytes that look binary come out as UTF-8 too: the reader's binary check rejects
// them. Never fails.
Charset DetectCharset(std::string_view head);

// Converts `bytes` (a whole text, or a head cut anywhere) from `charset` to UTF-8 at once; used to
// read the start of a source for format detection. Undecodable sequences become U+FFFD.
std::string ToUtf8(std::string_view bytes, const Charset& charset);

// A ByteSource read as UTF-8, whatever its charset, in bounded memory.
//
// A UTF-8 source passes through unchanged after its BOM, invalid bytes included: the line reader
// replaces them with U+FFFD and reports each damaged line. Another charset is converted with ICU
// (ucnv) chunk by chunk; a sequence that cannot be decoded comes out as the byte 0xFF (never valid
// UTF-8) so that the line reader reports it in the same way. Not thread-safe; movable.
class Utf8Stream {
 public:
  // Reads the start of `source` and decides its charset. `prefix` holds bytes the caller has
  // already read from the source (to sniff it); they are read first. Fails with the source's read
  // error, or kInternal when ICU has no converter for the detected charset.
  static Result<Utf8Stream> Open(ByteSource& source, std::string prefix = {});

  Utf8Stream(Utf8Stream&&) noexcept;
  Utf8Stream& operator=(Utf8Stream&&) = delete;
  ~Utf8Stream();

  // Appends the next UTF-8 bytes (about one read chunk) to *out; returns how many, 0 at the end.
  Result<size_t> Read(std::string* out);

  const Charset& charset() const { return charset_; }
  const std::string& name() const { return source_.name(); }

 private:
  using ConverterPtr = std::unique_ptr<UConverter, UConverterCloser>;

  Utf8Stream(ByteSource& source, std::string raw, Charset charset, ConverterPtr converter);
  void Convert(std::string_view bytes, bool flush, std::string* out);
  void AppendUtf16(const char16_t* units, size_t count, std::string* out);

  ByteSource& source_;
  std::string raw_;  // bytes read but not yet handed out
  Charset charset_;
  ConverterPtr converter_;     // null for UTF-8
  char16_t pending_lead_ = 0;  // a lead surrogate whose trail comes with the next chunk
  bool eof_ = false;
  bool flushed_ = false;
};

}  // namespace tonewatch
