#pragma once

// The accepting end of the server: takes each new client, checks who it is and whether there is
// room, and hands it to the ConnectionManager.

#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/steady_timer.hpp>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "daemon/protocol/request.h"
#include "daemon/server/connection.h"
#include "daemon/server/socket_file.h"

namespace tonewatch::daemon {

// Threading: Start and Stop on the io_context's thread only; StopBeforeStart and connections() on
// any. Owned through shared_ptr by the Server and by its own pending accept.
class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(ListeningSocket socket, std::shared_ptr<const ServerOptions> options,
           std::shared_ptr<QueryPool> pool);
  Listener(const Listener&) = delete;
  Listener& operator=(const Listener&) = delete;

  // Starts accepting, unless Stop came first.
  void Start();

  // Closes the acceptor, removes the socket file and stops every connection. Safe to call twice.
  void Stop() noexcept;

  // When Start has not run yet (nothing has run the io_context since the server started), stops
  // the listener here, on the calling thread, and returns true: there are no connections and
  // nothing else touches it. Otherwise returns false and the caller must have Stop run on the
  // io_context's thread. This is what keeps a daemon that gives up before running its io_context
  // from waiting forever in ~Server.
  bool StopBeforeStart() noexcept;

  size_t connections() const;

 private:
  void Accept();
  void OnAccept(const boost::system::error_code& ec,
                boost::asio::local::stream_protocol::socket socket);
  void AcceptLater(const boost::system::error_code& ec);
  void Admit(boost::asio::local::stream_protocol::socket socket);
  void Log(std::string_view line) noexcept;

  ListeningSocket socket_;
  boost::asio::steady_timer retry_timer_;
  ConnectionServices services_;
  uint64_t accepted_ = 0;   // numbers connections in log lines
  std::mutex start_mutex_;  // orders Start against StopBeforeStart
  bool started_ = false;    // guarded by start_mutex_
  bool stopped_ = false;    // guarded by start_mutex_ until started_, then the io thread's
};

}  // namespace tonewatch::daemon
