#pragma once

// What Server::Start is given: where to listen, how many query threads, the limits, and the
// request handlers the query threads run.

#include <sys/types.h>
#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace tonewatch::daemon {

// Answers one request line (without its newline) with one response line (without its newline),
// as Handler::HandleLine does. If it throws, the server answers that request with an "internal"
// error and goes on. It must not wait for the io_context's thread: Server::Stop may be joining
// the query threads from there.
using LineHandler = std::function<std::string(std::string_view line)>;

// Makes the handler of one query thread (which will hold, say, its own SQLite connection).
// Server::Start calls it query_threads times, on the thread calling Start, before it returns; each
// handler is then called from its own query thread only, so it needs no locking of its own.
using LineHandlerFactory = std::function<LineHandler()>;

// Takes one log line, without a newline or priority prefix. Called only on the io_context's
// thread; an exception it throws is swallowed.
using ServerLog = std::function<void(std::string_view line)>;

// The default ServerLog: the daemon's Log (daemon/config/log.h) at priority "warning". Everything
// the server logs is a client or peer misbehaving.
void LogServerWarning(std::string_view line);

struct ServerOptions {
  std::string socket_path;
  // Threads running request handlers. A connection has at most one request in a query thread at a
  // time, so this is also how many clients are answered at once.
  int query_threads = 2;
  // A connection that sends no byte for this long while the server waits for one (a partial line,
  // or nothing at all), or does not read its response for this long, is closed. The time a
  // request spends in its handler does not count.
  std::chrono::milliseconds idle_timeout{30'000};
  // Connections beyond this many are accepted, sent one error line with code "internal" and the
  // message "busy: ..." (protocol v1 has no code of its own for it), and closed.
  size_t max_connections = 64;
  // The one user served: a peer whose SO_PEERCRED uid differs is sent one "bad-request" error line
  // naming both uids and closed. Tests set another uid to see the refusal.
  uid_t allowed_uid = ::geteuid();
  ServerLog log = LogServerWarning;
};

}  // namespace tonewatch::daemon
