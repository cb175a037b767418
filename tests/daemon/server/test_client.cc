#include "tests/daemon/server/test_client.h"

#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace tonewatch::daemon::server_test {
namespace {

// Far beyond anything a working server needs, even under sanitizers on a loaded machine.
constexpr timeval kSafetyTimeout{20, 0};

enum class Chunk { kBytes, kClosed, kTimedOut };

Chunk Receive(int fd, std::string& into) {
  char buffer[4096];
  const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
  if (n > 0) {
    into.append(buffer, static_cast<size_t>(n));
    return Chunk::kBytes;
  }
  if (n == 0 || errno == ECONNRESET) return Chunk::kClosed;
  return Chunk::kTimedOut;  // EAGAIN after SO_RCVTIMEO, or a failure: no answer either way
}

}  // namespace

TestClient::TestClient(const std::string& socket_path) {
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return;
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, socket_path.c_str(), sizeof address.sun_path - 1);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 ||
      ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &kSafetyTimeout, sizeof kSafetyTimeout) != 0) {
    ::close(fd);
    return;
  }
  fd_ = fd;
}

TestClient::~TestClient() {
  if (fd_ >= 0) ::close(fd_);
}

TestClient::TestClient(TestClient&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), unread_(std::move(other.unread_)) {}

bool TestClient::Send(std::string_view bytes) {
  if (fd_ < 0) return false;
  while (!bytes.empty()) {
    // MSG_NOSIGNAL: a server that closed on us is an outcome to assert, not a SIGPIPE.
    const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

std::optional<std::string> TestClient::ReadLine() {
  if (fd_ < 0) return std::nullopt;
  for (;;) {
    if (const size_t end = unread_.find('\n'); end != std::string::npos) {
      std::string line = unread_.substr(0, end);
      unread_.erase(0, end + 1);
      return line;
    }
    if (Receive(fd_, unread_) != Chunk::kBytes) return std::nullopt;
  }
}

bool TestClient::ClosedByServer() {
  if (fd_ < 0 || !unread_.empty()) return false;
  return Receive(fd_, unread_) == Chunk::kClosed;
}

}  // namespace tonewatch::daemon::server_test
