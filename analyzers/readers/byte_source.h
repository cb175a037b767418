#pragma once

#include <string>

#include "analyzers/base/result.h"

namespace tonewatch {

// A file or standard input, read in chunks. Errors name the source and carry the OS's reason.
// Owns its file descriptor (not stdin's). Not thread-safe; movable, not copyable.
class ByteSource {
 public:
  // Opens `path` for reading; "-" is standard input. Fails with kNotFound, or kUnreadable for a
  // directory, a permission problem or another OS error.
  static Result<ByteSource> Open(const std::string& path);

  ByteSource(ByteSource&& other) noexcept;
  ByteSource& operator=(ByteSource&& other) noexcept;
  ByteSource(const ByteSource&) = delete;
  ByteSource& operator=(const ByteSource&) = delete;
  ~ByteSource();

  // Reads up to `size` bytes into `buffer`. Returns 0 at end of input. Retries on EINTR.
  Result<size_t> Read(char* buffer, size_t size);

  // Reads up to `size` more bytes and appends them to `out`; returns how many (0 at the end).
  Result<size_t> ReadAppend(std::string& out, size_t size);

  // Puts `bytes` back in front of what is left: the next reads return them first. Used after
  // sniffing the start of a pipe, which cannot be re-read.
  void PushBack(std::string bytes) {
    pushed_ = std::move(bytes) + pushed_.substr(pushed_pos_);
    pushed_pos_ = 0;
  }

  // Reads everything that is left, up to `limit` bytes; fails (kBadInput) past it.
  Result<std::string> ReadAll(size_t limit);

  // The name used in messages: the path, or "<stdin>".
  const std::string& name() const { return name_; }

 private:
  ByteSource(int fd, std::string name, bool owned)
      : fd_(fd), name_(std::move(name)), owned_(owned) {}
  int fd_ = -1;
  std::string name_;
  std::string pushed_;  // bytes put back by PushBack, returned before the descriptor's
  size_t pushed_pos_ = 0;
  bool owned_ = false;
};

}  // namespace tonewatch
