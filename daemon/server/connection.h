#pragma once

// One client connection: reads bytes, frames request lines, has each answered on a query thread
// and writes the answer back. One request at a time: the next line is parsed only once the
// previous response is written. That keeps responses in request order, makes a pipelined
// "suppress" visible to the "flagged" after it, and lets a client flooding requests hold one query
// thread at most, so it cannot starve the others.

#include <array>
#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/steady_timer.hpp>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "daemon/protocol/request_parser.h"
#include "daemon/server/query_pool.h"
#include "daemon/server/server_options.h"

namespace tonewatch::daemon {

class ConnectionManager;

// What a connection shares with its server. Shared, not borrowed: a connection answering its last
// request after Server::Stop may outlive the Server.
struct ConnectionServices {
  std::shared_ptr<const ServerOptions> options;
  std::shared_ptr<ConnectionManager> manager;
  std::shared_ptr<QueryPool> pool;
};

// Threading: every member function on the io_context's thread only. Owned through shared_ptr by
// its own pending operations; exceptions never leave it (a failure is logged and the connection
// closed).
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  // `name` starts each log line ("connection 3 (pid 812, uid 1000)").
  Connection(boost::asio::local::stream_protocol::socket socket, std::string name,
             ConnectionServices services);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Starts reading. Once, through a shared_ptr.
  void Start();

  // Closes now when no request is being answered; otherwise once its response is written.
  void Stop() noexcept;

 private:
  void DoRead();
  void OnRead(const boost::system::error_code& ec, size_t bytes);
  void ProcessBuffered();
  void Dispatch(const std::string& line);
  void OnAnswered(QueryPool::Outcome outcome);
  void RefuseFraming();
  void Write(std::string line, bool then_close);
  void OnWritten(const boost::system::error_code& ec, bool then_close);
  void ArmIdleTimer(const char* waiting_for);
  void DisarmIdleTimer() noexcept;
  void OnIdle(const boost::system::error_code& ec, uint64_t generation);
  template <typename Step>
  void Guarded(Step&& step) noexcept;
  void Log(std::string_view message) noexcept;
  void Close() noexcept;

  // Big enough for most requests in one read; a longer line just takes several.
  static constexpr size_t kReadChunkBytes = 16 * 1024;

  boost::asio::local::stream_protocol::socket socket_;
  boost::asio::steady_timer idle_timer_;
  std::string name_;
  ConnectionServices services_;
  RequestParser parser_;
  std::array<char, kReadChunkBytes> buffer_;
  std::string_view unparsed_;  // the part of buffer_ read but not yet parsed
  std::string outgoing_;       // the response being written, with its newline
  const char* idle_waiting_for_ = "";
  // Bumped on every arm and disarm: a timer wait that completed just as the read it guarded did
  // carries an old generation and is ignored.
  uint64_t timer_generation_ = 0;
  bool in_flight_ = false;  // a request is with a query thread, or its response is being written
  bool stopping_ = false;
  bool closed_ = false;
};

}  // namespace tonewatch::daemon
