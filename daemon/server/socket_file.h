#pragma once

// The socket file the server listens on: claiming its path safely, and removing it on the way out.

#include <sys/types.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/local/stream_protocol.hpp>
#include <string>

#include "analyzers/base/result.h"

namespace tonewatch::daemon {

struct ListeningSocket {
  boost::asio::local::stream_protocol::acceptor acceptor;
  std::string path;
  // Of the socket file bound, so that RemoveSocketFile removes this server's file and never the
  // file of a server started on the same path later.
  dev_t device = 0;
  ino_t inode = 0;
};

// Binds and listens on `path` with an acceptor on `io`.
//
// - The parent folder is created mode 0700 when missing; an existing one keeps its mode (it may be
//   shared on purpose, like /run/user/UID).
// - A socket file already at `path` is probed with a non-blocking connect: when a server answers
//   (or its backlog is full), kUsage naming the path; when nobody listens (a crashed daemon's
//   file), it is removed and replaced. Any other kind of file there is kUsage and left alone.
// - The socket is created mode 0600: the umask is 0177 during bind, and the file is chmod 0600
//   after. umask is process-wide, so a file another thread creates during that bind gets at most
//   0600 too; that errs on the private side.
//
// Two servers starting on one path at the same instant may both take a socket file for stale;
// the daemon's single instance is expected to be kept by its service manager.
// Errors name the path: kUsage as above or when the path does not fit a Unix socket address;
// kUnreadable when the OS refuses (folder, remove, bind, listen). Never throws.
Result<ListeningSocket> ListenOnSocketFile(boost::asio::io_context& io, const std::string& path);

// Unlinks socket.path if it is still the file `socket` bound (same device and inode). Errors are
// ignored: the file is gone, or was replaced by another server's. Never throws.
void RemoveSocketFile(const ListeningSocket& socket) noexcept;

}  // namespace tonewatch::daemon
