#pragma once

// Who is on the other end of a Unix socket, as the kernel saw it at connect time.

#include <sys/types.h>

#include <boost/asio/local/stream_protocol.hpp>

#include "analyzers/base/result.h"

namespace tonewatch::daemon {

struct PeerCredentials {
  pid_t pid = 0;
  uid_t uid = 0;
  gid_t gid = 0;
};

// Reads SO_PEERCRED from a connected socket. kUnreadable when the kernel refuses (the socket is
// closed, or not a Unix socket). Never throws.
Result<PeerCredentials> ReadPeerCredentials(boost::asio::local::stream_protocol::socket& socket);

}  // namespace tonewatch::daemon
