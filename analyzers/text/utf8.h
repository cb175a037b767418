#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tonewatch {

// One damaged place in the input: `offset` and `length` are byte positions in the bytes given to
// SanitizeUtf8, not in its output.
struct Utf8Damage {
  size_t offset = 0;
  size_t length = 0;
  bool nul = false;  // a NUL byte rather than an invalid sequence
};

struct SanitizedText {
  std::string text;                // valid UTF-8, no NUL bytes
  std::vector<Utf8Damage> damage;  // the first kMaxRecordedDamage places, in order
  size_t damage_count = 0;         // every damaged place, recorded or not
  static constexpr size_t kMaxRecordedDamage = 64;
};

// Returns `bytes` with every ill-formed UTF-8 sequence (each maximal subpart, as ICU's U8_NEXT sees
// it) and every NUL byte replaced by U+FFFD, so later stages can assume valid text. Never fails.
SanitizedText SanitizeUtf8(std::string_view bytes);

// Returns the largest n <= max_size such that bytes.substr(0, n) does not end inside a UTF-8
// sequence that continues after it. Used to cut long input into pieces.
size_t Utf8CutPoint(std::string_view bytes, size_t max_size);

// Returns the largest n <= max_size such that bytes[0, n) does not end in the middle of a UTF-8
// character, moving back at most 3 bytes; used to trim display contexts.
size_t Utf8Floor(std::string_view bytes, size_t max_size);

}  // namespace tonewatch
