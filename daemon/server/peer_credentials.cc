#include "daemon/server/peer_credentials.h"

#include <sys/socket.h>

#include <cerrno>
#include <system_error>

namespace tonewatch::daemon {

Result<PeerCredentials> ReadPeerCredentials(boost::asio::local::stream_protocol::socket& socket) {
  ucred credentials{};
  socklen_t size = sizeof credentials;
  if (::getsockopt(socket.native_handle(), SOL_SOCKET, SO_PEERCRED, &credentials, &size) != 0) {
    return Err(ErrorCode::kUnreadable, "peer credentials",
               "SO_PEERCRED failed: " + std::generic_category().message(errno));
  }
  return PeerCredentials{credentials.pid, credentials.uid, credentials.gid};
}

}  // namespace tonewatch::daemon
