#include "tests/cli_client/fake_daemon.h"

#include <gtest/gtest.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace tonewatch::testing {
namespace {

// How often the serving thread looks at the stop flag while it waits: short, so destroying a
// fake is quick; it is not a timing the tests depend on.
constexpr int kPollMillis = 20;
constexpr size_t kReadChunk = 4096;

int BoundSocket(const std::string& path) {
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    ADD_FAILURE() << "socket: " << std::strerror(errno);
    return -1;
  }
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (path.size() >= sizeof(address.sun_path)) {
    ADD_FAILURE() << "socket path too long: " << path;
    ::close(fd);
    return -1;
  }
  std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
  if (::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) != 0) {
    ADD_FAILURE() << "bind " << path << ": " << std::strerror(errno);
    ::close(fd);
    return -1;
  }
  return fd;
}

// Waits until `fd` is readable or `stop` is set; true when readable.
bool WaitReadable(int fd, const std::atomic<bool>& stop) {
  while (!stop) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, kPollMillis) > 0) return true;
  }
  return false;
}

}  // namespace

FakeDaemon::FakeDaemon(std::string socket_path, std::string answer, Mode mode)
    : path_(std::move(socket_path)), answer_(std::move(answer)), mode_(mode) {
  listen_fd_ = BoundSocket(path_);
  if (listen_fd_ < 0) return;
  if (::listen(listen_fd_, SOMAXCONN) != 0) {
    ADD_FAILURE() << "listen " << path_ << ": " << std::strerror(errno);
    return;
  }
  thread_ = std::thread([this] { Serve(); });
}

FakeDaemon::~FakeDaemon() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
  if (listen_fd_ >= 0) ::close(listen_fd_);
}

std::vector<std::string> FakeDaemon::Requests() {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

void FakeDaemon::Serve() {
  while (WaitReadable(listen_fd_, stop_)) {
    const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    Answer(fd);
    ::close(fd);
  }
}

void FakeDaemon::Answer(int fd) {
  std::string line;
  char buffer[kReadChunk];
  while (line.find('\n') == std::string::npos && WaitReadable(fd, stop_)) {
    const ssize_t n = ::read(fd, buffer, sizeof(buffer));
    if (n <= 0) break;
    line.append(buffer, static_cast<size_t>(n));
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    requests_.push_back(line.substr(0, line.find('\n')));
  }
  if (mode_ == Mode::kAnswer) {
    const std::string out = answer_ + "\n";
    // MSG_NOSIGNAL: a client that already gave up must not kill the test with SIGPIPE.
    [[maybe_unused]] const ssize_t sent = ::send(fd, out.data(), out.size(), MSG_NOSIGNAL);
  }
  if (mode_ == Mode::kSilent) {
    // Hold the connection until the client closes it (read returns 0) or the test ends.
    while (WaitReadable(fd, stop_) && ::read(fd, buffer, sizeof(buffer)) > 0) {
    }
  }
}

void LeaveStaleSocket(const std::string& socket_path) {
  const int fd = BoundSocket(socket_path);
  if (fd >= 0) ::close(fd);
}

}  // namespace tonewatch::testing
