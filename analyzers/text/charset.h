#pragma once

#include <string>
#include <string_view>

namespace tonewatch {

struct DecodedText {
  std::string text;      // valid UTF-8
  std::string charset;   // what it was read as ("UTF-8", "windows-1252", ...)
  bool guessed = false;  // the charset was detected, not declared
  bool damaged = false;  // some bytes could not be converted and became U+FFFD
};

// Converts `bytes` from `charset` (an IANA or ICU name) to UTF-8 with ICU. An empty or unknown
// charset name, or bytes that are not valid in it, fall back to detection (DetectAndDecode).
DecodedText DecodeCharset(std::string_view bytes, std::string_view charset);

// Valid UTF-8 stays as it is; anything else is detected with ICU's charset detector (ucsdet) and
// converted. Never fails: undecodable bytes become U+FFFD and `damaged` is set.
DecodedText DetectAndDecode(std::string_view bytes);

}  // namespace tonewatch
