#include "daemon/server/server.h"

#include <fmt/format.h>

#include <boost/asio/post.hpp>
#include <exception>
#include <future>
#include <vector>

#include "daemon/config/log.h"
#include "daemon/server/listener.h"
#include "daemon/server/query_pool.h"
#include "daemon/server/socket_file.h"

namespace tonewatch::daemon {
namespace {

Result<void> CheckOptions(const ServerOptions& options, const LineHandlerFactory& factory) {
  const std::string where = options.socket_path.empty() ? "server" : options.socket_path;
  if (options.query_threads < 1) {
    return Err(ErrorCode::kUsage, where,
               fmt::format("query_threads is {}; at least 1 is needed", options.query_threads));
  }
  if (options.max_connections < 1) {
    return Err(ErrorCode::kUsage, where, "max_connections is 0; at least 1 is needed");
  }
  if (options.idle_timeout.count() <= 0) {
    return Err(ErrorCode::kUsage, where, "idle_timeout must be positive");
  }
  if (!factory) return Err(ErrorCode::kUsage, where, "no request handler factory given");
  return Ok();
}

Result<std::vector<LineHandler>> MakeHandlers(const LineHandlerFactory& factory, int count,
                                              const std::string& where) {
  std::vector<LineHandler> handlers;
  try {
    for (int i = 0; i < count; ++i) {
      LineHandler handler = factory();
      if (!handler) {
        return Err(ErrorCode::kInternal, where, "the request handler factory returned no handler");
      }
      handlers.push_back(std::move(handler));
    }
  } catch (const std::exception& e) {
    return Err(ErrorCode::kInternal, where,
               fmt::format("cannot make a request handler: {}", e.what()));
  }
  return handlers;
}

// The listener's state belongs to the io_context's thread. Stop may come from that thread (a
// signal handler) or another (a test, a destructor); from another, the work is posted there and
// waited for, unless nothing runs the io_context any more.
void RunOnIoThread(boost::asio::io_context& io, const std::function<void()>& work) {
  if (io.get_executor().running_in_this_thread() || io.stopped()) return work();
  std::promise<void> done;
  boost::asio::post(io, [&] {
    work();
    done.set_value();
  });
  done.get_future().wait();
}

}  // namespace

void LogServerWarning(std::string_view line) { Log(LogLevel::kWarning, line); }

Result<std::unique_ptr<Server>> Server::Start(boost::asio::io_context& io, ServerOptions options,
                                              LineHandlerFactory factory) {
  const std::string path = options.socket_path;
  try {
    if (Result<void> ok = CheckOptions(options, factory); !ok) return ok.error();
    if (!options.log) options.log = LogServerWarning;
    // Handlers and threads first: when they fail, no socket file is left behind.
    Result<std::vector<LineHandler>> handlers = MakeHandlers(factory, options.query_threads, path);
    if (!handlers) return handlers.error();
    auto pool = std::make_shared<QueryPool>(io.get_executor(), std::move(*handlers));
    Result<ListeningSocket> socket = ListenOnSocketFile(io, path);
    if (!socket) return socket.error();
    auto listener = std::make_shared<Listener>(
        std::move(*socket), std::make_shared<const ServerOptions>(std::move(options)), pool);
    boost::asio::post(io, [listener] { listener->Start(); });
    return std::make_unique<Server>(Key{}, io, std::move(listener), std::move(pool));
  } catch (const std::exception& e) {  // threads that will not start, allocation
    return Err(ErrorCode::kInternal, path, fmt::format("cannot start the server: {}", e.what()));
  }
}

Server::Server(Key, boost::asio::io_context& io, std::shared_ptr<Listener> listener,
               std::shared_ptr<QueryPool> pool)
    : io_(io), listener_(std::move(listener)), pool_(std::move(pool)) {}

Server::~Server() { Stop(); }

void Server::Stop() {
  if (stopped_.exchange(true)) return;
  try {
    if (!listener_->StopBeforeStart()) RunOnIoThread(io_, [this] { listener_->Stop(); });
  } catch (...) {
    // Only posting can fail, for memory; the query threads are still joined below.
  }
  pool_->Join();
}

size_t Server::connections() const { return listener_->connections(); }

}  // namespace tonewatch::daemon
