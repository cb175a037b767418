#pragma once

// tonewatchd's socket server: JSON lines over a Unix stream socket (daemon/PROTOCOL.md,
// "Transport"). The anatomy of Asio's cpp11 http server: this class starts and stops; a Listener
// accepts and checks peers; each Connection frames lines with a RequestParser and has each one
// answered on a query thread; a ConnectionManager tracks connections so Stop can drain them.
//
// Threading: the daemon owns the io_context and runs it on one thread; every socket operation
// happens there. Request handlers run on the server's own query threads.

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <cstddef>
#include <memory>

#include "analyzers/base/result.h"
#include "daemon/server/server_options.h"

namespace tonewatch::daemon {

class Listener;
class QueryPool;

class Server {
  struct Key {
    explicit Key() = default;
  };

 public:
  // Makes the query threads' handlers, binds options.socket_path and starts accepting on `io`.
  // The socket file is created mode 0600 (there is no moment when it is wider) in a parent folder
  // created mode 0700 if missing. A stale socket file that nobody listens on is replaced. Errors,
  // naming the path: kUsage when another live server answers on the path, when a file that is not
  // a socket is there (it is left alone), the path does not fit a Unix socket address, or an
  // option is out of range; kUnreadable when the OS refuses; kInternal when the factory throws or
  // returns an empty handler (then no socket file is left behind).
  //
  // `io` must outlive the Server, and the Server must be destroyed before `io`. Accepting starts
  // once `io` runs. May be called from any thread. Never throws.
  static Result<std::unique_ptr<Server>> Start(boost::asio::io_context& io, ServerOptions options,
                                               LineHandlerFactory factory);

  // Calls Stop().
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Stops accepting (closes the acceptor, removes the socket file if it is still the one this
  // server bound), closes idle connections at once and the others once the request they are
  // handling is answered; then joins the query threads, so it returns when every handler has
  // returned. Requests pipelined behind the one in flight are not answered. Never calls
  // io_context::stop(): the io_context runs out of work once the last connection is closed.
  //
  // Call it on the io_context's thread (a signal handler, say); or on another thread before that
  // io_context has run at all, while it runs, or after it has stopped: while it runs, the socket
  // work is posted to it and waited for. (An io_context that has run and is merely paused, neither
  // running nor stopped, would make that wait forever.) Safe to call twice. Never throws.
  void Stop();

  // Connections open now (accepted and not yet closed). Any thread.
  size_t connections() const;

  // For Start only.
  Server(Key, boost::asio::io_context& io, std::shared_ptr<Listener> listener,
         std::shared_ptr<QueryPool> pool);

 private:
  boost::asio::io_context& io_;
  std::shared_ptr<Listener> listener_;
  std::shared_ptr<QueryPool> pool_;
  std::atomic<bool> stopped_{false};
};

}  // namespace tonewatch::daemon
