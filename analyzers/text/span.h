#pragma once

#include <cstddef>

namespace tonewatch {

// A half-open byte range [begin, end) into some UTF-8 text.
struct Span {
  size_t begin = 0;
  size_t end = 0;

  size_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool Contains(size_t offset) const { return offset >= begin && offset < end; }
  bool Overlaps(const Span& other) const { return begin < other.end && other.begin < end; }
  friend bool operator==(const Span&, const Span&) = default;
};

}  // namespace tonewatch
