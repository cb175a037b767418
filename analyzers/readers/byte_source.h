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

  // The name used in messages: the path, or "<stdin>".
  const std::string& name() const { return name_; }

 private:
  ByteSource(int fd, std::string name, bool owned)
      : fd_(fd), name_(std::move(name)), owned_(owned) {}
  int fd_ = -1;
  std::string name_;
  bool owned_ = false;
};

}  // namespace tonewatch
