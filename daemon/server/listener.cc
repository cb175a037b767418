#include "daemon/server/listener.h"

#include <fmt/format.h>

#include <boost/asio/buffer.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <exception>

#include "daemon/protocol/handler.h"
#include "daemon/server/connection_manager.h"
#include "daemon/server/peer_credentials.h"

namespace tonewatch::daemon {
namespace {

using boost::asio::local::stream_protocol;
using boost::system::error_code;

// Accept errors such as EMFILE repeat at once; pausing keeps them from spinning the io thread
// while descriptors are freed.
constexpr std::chrono::milliseconds kAcceptRetryDelay{100};

// A client turned away still gets one line saying why, so its user is told more than "connection
// closed". One short line always fits an empty socket buffer, so the write cannot stall.
void SendAndClose(stream_protocol::socket socket, std::string line) {
  struct Farewell {
    stream_protocol::socket socket;
    std::string line;
  };
  auto farewell = std::make_shared<Farewell>(Farewell{std::move(socket), std::move(line) + "\n"});
  boost::asio::async_write(farewell->socket, boost::asio::buffer(farewell->line),
                           [farewell](const error_code& /*ec*/, size_t /*bytes*/) {
                             error_code ignored;
                             farewell->socket.shutdown(stream_protocol::socket::shutdown_both,
                                                       ignored);
                             farewell->socket.close(ignored);
                           });
}

}  // namespace

Listener::Listener(ListeningSocket socket, std::shared_ptr<const ServerOptions> options,
                   std::shared_ptr<QueryPool> pool)
    : socket_(std::move(socket)),
      retry_timer_(socket_.acceptor.get_executor()),
      services_{std::move(options), std::make_shared<ConnectionManager>(), std::move(pool)} {}

void Listener::Start() {
  std::lock_guard lock(start_mutex_);
  if (stopped_) return;
  started_ = true;
  Accept();
}

bool Listener::StopBeforeStart() noexcept {
  std::lock_guard lock(start_mutex_);
  if (started_) return false;
  Stop();
  return true;
}

void Listener::Stop() noexcept {
  if (stopped_) return;
  stopped_ = true;
  error_code ignored;
  socket_.acceptor.close(ignored);
  try {
    retry_timer_.cancel();
  } catch (...) {
    // stopped_ keeps a retry from accepting.
  }
  RemoveSocketFile(socket_);
  services_.manager->StopAll();
}

size_t Listener::connections() const { return services_.manager->size(); }

void Listener::Accept() {
  socket_.acceptor.async_accept(
      [self = shared_from_this()](const error_code& ec, stream_protocol::socket socket) {
        self->OnAccept(ec, std::move(socket));
      });
}

void Listener::OnAccept(const error_code& ec, stream_protocol::socket socket) {
  if (stopped_) return;  // a client accepted just before Stop is dropped with the rest
  try {
    if (ec) return AcceptLater(ec);
    Admit(std::move(socket));
    Accept();
  } catch (const std::exception& e) {  // the edge of each connection, before it has one
    Log(fmt::format("accepting a connection failed: {}", e.what()));
    try {
      AcceptLater(boost::asio::error::no_memory);
    } catch (...) {
      Log("no longer accepting connections");
    }
  }
}

void Listener::AcceptLater(const error_code& ec) {
  Log(fmt::format("accept failed: {}; retrying in {} ms", ec.message(), kAcceptRetryDelay.count()));
  retry_timer_.expires_after(kAcceptRetryDelay);
  retry_timer_.async_wait([self = shared_from_this()](const error_code& wait_ec) {
    if (!wait_ec && !self->stopped_) self->Accept();
  });
}

void Listener::Admit(stream_protocol::socket socket) {
  const uint64_t number = ++accepted_;
  Result<PeerCredentials> peer = ReadPeerCredentials(socket);
  if (!peer) return Log(fmt::format("connection {}: {}; closed", number, peer.error().ToString()));
  const std::string name =
      fmt::format("connection {} (pid {}, uid {})", number, peer->pid, peer->uid);
  const ServerOptions& options = *services_.options;
  if (peer->uid != options.allowed_uid) {
    Log(fmt::format("{}: refused: this server serves uid {} only", name, options.allowed_uid));
    return SendAndClose(std::move(socket),
                        ErrorLine("null", ProtocolError::kBadRequest,
                                  fmt::format("refused: this tonewatchd serves uid {} only, "
                                              "and this client runs as uid {}",
                                              options.allowed_uid, peer->uid)));
  }
  if (services_.manager->size() >= options.max_connections) {
    Log(fmt::format("{}: turned away: {} connections open already", name, options.max_connections));
    return SendAndClose(std::move(socket),
                        ErrorLine("null", ProtocolError::kInternal,
                                  fmt::format("busy: {} connections open already; try "
                                              "again later",
                                              options.max_connections)));
  }
  services_.manager->Start(std::make_shared<Connection>(std::move(socket), name, services_));
}

void Listener::Log(std::string_view line) noexcept {
  try {
    services_.options->log(line);
  } catch (...) {
    // A failing logger must not stop the server.
  }
}

}  // namespace tonewatch::daemon
