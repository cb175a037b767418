#include "analyzers/readers/byte_source.h"

#include <errno.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

namespace tonewatch {

Result<ByteSource> ByteSource::Open(const std::string& path) {
  if (path == "-") return ByteSource(STDIN_FILENO, "<stdin>", false);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    return Err(err == ENOENT ? ErrorCode::kNotFound : ErrorCode::kUnreadable, path,
               std::strerror(err));
  }
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    return Err(ErrorCode::kUnreadable, path, "is a directory",
               "folders are read as mail exports in a later version; pass the files inside");
  }
  return ByteSource(fd, path, true);
}

ByteSource::ByteSource(ByteSource&& other) noexcept
    : fd_(other.fd_),
      name_(std::move(other.name_)),
      pushed_(std::move(other.pushed_)),
      pushed_pos_(other.pushed_pos_),
      owned_(other.owned_) {
  other.fd_ = -1;
  other.owned_ = false;
}

ByteSource& ByteSource::operator=(ByteSource&& other) noexcept {
  if (this != &other) {
    if (owned_ && fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    name_ = std::move(other.name_);
    pushed_ = std::move(other.pushed_);
    pushed_pos_ = other.pushed_pos_;
    owned_ = other.owned_;
    other.fd_ = -1;
    other.owned_ = false;
  }
  return *this;
}

ByteSource::~ByteSource() {
  if (owned_ && fd_ >= 0) ::close(fd_);
}

Result<size_t> ByteSource::Read(char* buffer, size_t size) {
  if (pushed_pos_ < pushed_.size()) {
    const size_t n = std::min(size, pushed_.size() - pushed_pos_);
    std::memcpy(buffer, pushed_.data() + pushed_pos_, n);
    pushed_pos_ += n;
    if (pushed_pos_ == pushed_.size()) {
      pushed_.clear();
      pushed_pos_ = 0;
    }
    return n;
  }
  for (;;) {
    const ssize_t n = ::read(fd_, buffer, size);
    if (n >= 0) return static_cast<size_t>(n);
    if (errno == EINTR) continue;
    return Err(ErrorCode::kUnreadable, name_, std::strerror(errno));
  }
}

Result<size_t> ByteSource::ReadAppend(std::string& out, size_t size) {
  const size_t old = out.size();
  out.resize(old + size);
  auto n = Read(out.data() + old, size);
  out.resize(old + (n ? *n : 0));
  return n;
}

}  // namespace tonewatch

namespace tonewatch {

Result<std::string> ByteSource::ReadAll(size_t limit) {
  std::string out;
  constexpr size_t kChunk = 1 << 20;
  for (;;) {
    auto n = ReadAppend(out, kChunk);
    if (!n) return n.error();
    if (*n == 0) return out;
    if (out.size() > limit) {
      return Err(ErrorCode::kBadInput, name_,
                 fmt::format("more than {} MiB; too large to read from here", limit >> 20),
                 "save it to a file and pass the file");
    }
  }
}

}  // namespace tonewatch
