#pragma once

// The transport to tonewatchd: one request line out, one response line back, over its Unix socket
// (daemon/PROTOCOL.md, "Transport"). Knows nothing of JSON; daemon_call.h builds and reads lines.
// Boost.Asio's one seam in the CLI: its errors and exceptions become Result errors here.

#include <chrono>
#include <string>
#include <string_view>

#include "analyzers/base/result.h"

namespace tonewatch::cli {

// The start command printed when no daemon answers: the two ways README.md documents.
inline constexpr const char* kStartDaemonHint =
    "start it with: systemctl --user start tonewatchd, or tonewatchd --watch DIR";

// The default of --timeout: long enough for a daemon busy with a first ingest to answer.
inline constexpr std::chrono::milliseconds kDefaultDaemonTimeout{30'000};

struct DaemonEndpoint {
  std::string socket_path;
  // For the whole exchange: connecting, sending and reading the answer.
  std::chrono::milliseconds timeout = kDefaultDaemonTimeout;
};

// A response is one line; this bounds what a broken daemon can make the client hold. A flagged
// page at the protocol's largest limit (500 threads) is far below it.
inline constexpr size_t kMaxResponseBytes = size_t{256} << 20;

// Connects to `endpoint.socket_path`, sends `request_line` and a newline, and returns the first
// line of the answer without its newline (a trailing '\r' is kept: the caller parses JSON, which
// ignores it). Blocks for at most `endpoint.timeout`. Never throws.
//
// Errors, each naming the socket path in `where`:
//   kUnreadable  no socket file, nothing listening, permission denied, the connection closed before
//                a whole line came, or no answer within the timeout; the hint says what to do
//                (start the daemon, raise --timeout)
//   kUsage       the socket path is longer than a Unix socket address can hold
//   kInternal    the answer is longer than kMaxResponseBytes, or Asio failed unexpectedly
Result<std::string> ExchangeLine(const DaemonEndpoint& endpoint, std::string_view request_line);

}  // namespace tonewatch::cli
