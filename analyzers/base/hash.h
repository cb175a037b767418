#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tonewatch {

// 64-bit FNV-1a: a stable identity for lexicons and texts (not a security hash).
class Fnv1a {
 public:
  void Add(std::string_view bytes) {
    for (unsigned char b : bytes) {
      state_ ^= b;
      state_ *= kPrime;
    }
  }
  uint64_t value() const { return state_; }
  std::string Hex() const;  // 16 lower-case hex digits

 private:
  static constexpr uint64_t kOffsetBasis = 14695981039346656037ULL;
  static constexpr uint64_t kPrime = 1099511628211ULL;
  uint64_t state_ = kOffsetBasis;
};

}  // namespace tonewatch
