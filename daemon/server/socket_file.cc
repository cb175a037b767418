#include "daemon/server/socket_file.h"

#include <fmt/format.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace tonewatch::daemon {
namespace {

namespace fs = std::filesystem;
using boost::asio::local::stream_protocol;

// With this umask, bind creates the socket file 0600 (from 0777): never wider, not even briefly.
constexpr mode_t kOwnerOnlyUmask = 0177;
constexpr mode_t kSocketMode = 0600;

std::string ErrnoText(int error) { return std::generic_category().message(error); }

class ScopedUmask {
 public:
  explicit ScopedUmask(mode_t mask) : previous_(::umask(mask)) {}
  ~ScopedUmask() { ::umask(previous_); }
  ScopedUmask(const ScopedUmask&) = delete;
  ScopedUmask& operator=(const ScopedUmask&) = delete;

 private:
  mode_t previous_;
};

// Closes a file descriptor on scope exit.
struct FdCloser {
  int fd;
  ~FdCloser() {
    if (fd >= 0) ::close(fd);
  }
};

Result<void> CheckPath(const std::string& path) {
  constexpr size_t kMaxPath = sizeof(sockaddr_un{}.sun_path) - 1;  // room for the NUL
  if (path.empty()) return Err(ErrorCode::kUsage, "socket", "no socket path given");
  if (path.find('\0') != std::string::npos) {
    return Err(ErrorCode::kUsage, path, "the socket path holds a NUL byte");
  }
  if (path.size() > kMaxPath) {
    return Err(ErrorCode::kUsage, path,
               fmt::format("the socket path is {} bytes; a Unix socket path holds at most {}",
                           path.size(), kMaxPath),
               "choose a shorter socket path");
  }
  return Ok();
}

Result<void> MakeParent(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  std::error_code ec;
  if (parent.empty() || fs::exists(parent, ec)) return Ok();
  fs::create_directories(parent, ec);
  if (!ec) fs::permissions(parent, fs::perms::owner_all, fs::perm_options::replace, ec);
  if (ec) {
    return Err(ErrorCode::kUnreadable, parent.string(),
               fmt::format("cannot create the socket's folder: {}", ec.message()));
  }
  return Ok();
}

// Whether a server listens on the socket file at `path`. Non-blocking, so a server whose backlog
// is full (EAGAIN) counts as live instead of hanging the probe.
Result<bool> SomeoneListens(const std::string& path) {
  FdCloser probe{::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)};
  if (probe.fd < 0) {
    return Err(ErrorCode::kUnreadable, path,
               fmt::format("cannot make a socket to probe this socket file: {}", ErrnoText(errno)));
  }
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::memcpy(address.sun_path, path.data(), path.size());  // CheckPath bounded the size
  if (::connect(probe.fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0) {
    return true;
  }
  const int error = errno;
  if (error == EAGAIN || error == EINPROGRESS) return true;
  if (error == ECONNREFUSED || error == ENOENT) return false;
  return Err(ErrorCode::kUnreadable, path,
             fmt::format("cannot probe this socket file: {}", ErrnoText(error)));
}

// Clears the way for bind: nothing there, or a stale socket file, which is removed.
Result<void> ClaimPath(const std::string& path) {
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(path, ec);
  if (status.type() == fs::file_type::not_found) return Ok();
  if (ec) {
    return Err(ErrorCode::kUnreadable, path, fmt::format("cannot inspect: {}", ec.message()));
  }
  if (!fs::is_socket(status)) {
    return Err(ErrorCode::kUsage, path, "exists and is not a socket; left untouched",
               "remove it, or choose another socket path");
  }
  Result<bool> live = SomeoneListens(path);
  if (!live) return live.error();
  if (*live) {
    return Err(ErrorCode::kUsage, path, "another server is already listening on this socket",
               "stop it first, or choose another socket path");
  }
  if (!fs::remove(path, ec) && ec) {
    return Err(ErrorCode::kUnreadable, path,
               fmt::format("cannot remove the stale socket file: {}", ec.message()));
  }
  return Ok();
}

Result<ListeningSocket> Bind(boost::asio::io_context& io, const std::string& path) {
  stream_protocol::acceptor acceptor(io);
  boost::system::error_code ec;
  acceptor.open(stream_protocol(), ec);
  if (ec) return Err(ErrorCode::kUnreadable, path, "cannot open a socket: " + ec.message());
  {
    ScopedUmask owner_only(kOwnerOnlyUmask);
    acceptor.bind(stream_protocol::endpoint(path), ec);
  }
  if (ec) return Err(ErrorCode::kUnreadable, path, "cannot bind: " + ec.message());
  struct stat bound {};
  if (::chmod(path.c_str(), kSocketMode) != 0 || ::stat(path.c_str(), &bound) != 0) {
    const int error = errno;
    ::unlink(path.c_str());
    return Err(ErrorCode::kUnreadable, path, "cannot set the socket's mode: " + ErrnoText(error));
  }
  acceptor.listen(boost::asio::socket_base::max_listen_connections, ec);
  if (ec) {
    ::unlink(path.c_str());
    return Err(ErrorCode::kUnreadable, path, "cannot listen: " + ec.message());
  }
  return ListeningSocket{std::move(acceptor), path, bound.st_dev, bound.st_ino};
}

}  // namespace

Result<ListeningSocket> ListenOnSocketFile(boost::asio::io_context& io, const std::string& path) {
  try {
    if (Result<void> ok = CheckPath(path); !ok) return ok.error();
    if (Result<void> ok = MakeParent(path); !ok) return ok.error();
    if (Result<void> ok = ClaimPath(path); !ok) return ok.error();
    return Bind(io, path);
  } catch (const std::exception& e) {  // Asio's endpoint and allocation failures
    return Err(ErrorCode::kInternal, path, fmt::format("cannot listen: {}", e.what()));
  }
}

void RemoveSocketFile(const ListeningSocket& socket) noexcept {
  struct stat now {};
  if (::lstat(socket.path.c_str(), &now) != 0) return;
  if (now.st_dev == socket.device && now.st_ino == socket.inode) ::unlink(socket.path.c_str());
}

}  // namespace tonewatch::daemon
