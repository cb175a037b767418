#include "analyzers/readers/byte_source.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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
    : fd_(other.fd_), name_(std::move(other.name_)), owned_(other.owned_) {
  other.fd_ = -1;
  other.owned_ = false;
}

ByteSource& ByteSource::operator=(ByteSource&& other) noexcept {
  if (this != &other) {
    if (owned_ && fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    name_ = std::move(other.name_);
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
