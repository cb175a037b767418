// Asio's seam: async operations on a private io_context driven with run_for(), because Asio's
// synchronous calls cannot time out (the pattern of Asio's cpp11/timeouts/blocking_*_client
// examples). Every failure becomes an Error naming the socket path.
#include "cli/daemon_client.h"

#include <fmt/format.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/write.hpp>
#include <boost/system/system_error.hpp>
#include <exception>

namespace tonewatch::cli {
namespace {

namespace asio = boost::asio;
using boost::system::error_code;
using Protocol = asio::local::stream_protocol;

// What the exchange was doing when it stopped, for the error message.
enum class Stage { kConnect, kWrite, kRead, kDone };

double Seconds(std::chrono::milliseconds ms) { return static_cast<double>(ms.count()) / 1000.0; }

Error ConnectError(const std::string& path, const error_code& ec) {
  namespace errc = boost::system::errc;
  if (ec == errc::no_such_file_or_directory) {
    return Err(ErrorCode::kUnreadable, path, "tonewatchd is not running: no socket here",
               kStartDaemonHint);
  }
  if (ec == errc::connection_refused) {
    return Err(ErrorCode::kUnreadable, path,
               "tonewatchd is not running: nothing listens on this socket", kStartDaemonHint);
  }
  if (ec == errc::permission_denied) {
    return Err(ErrorCode::kUnreadable, path,
               fmt::format("cannot connect to tonewatchd: {}", ec.message()),
               "the socket is its owner's alone: run tonewatch as the daemon's user");
  }
  return Err(ErrorCode::kUnreadable, path,
             fmt::format("cannot connect to tonewatchd: {}", ec.message()), kStartDaemonHint);
}

// One request and its answer. Each completion handler starts the next step, so the io_context
// runs out of work exactly when the exchange is over, or stays busy until the deadline.
class Exchange {
 public:
  Exchange(const DaemonEndpoint& endpoint, std::string_view request_line)
      : endpoint_(endpoint), request_(std::string(request_line) + "\n") {}

  Result<std::string> Run() {
    socket_.async_connect(Protocol::endpoint(endpoint_.socket_path),
                          [this](const error_code& ec) { Connected(ec); });
    io_.run_for(endpoint_.timeout);
    if (!io_.stopped()) {
      // Deadline passed: cancel what is pending and let its handler run before we return.
      error_code ignored;
      socket_.close(ignored);
      io_.run();
      return TimedOut();
    }
    return Outcome();
  }

 private:
  void Connected(const error_code& ec) {
    if (ec) return Fail(ec);
    stage_ = Stage::kWrite;
    asio::async_write(socket_, asio::buffer(request_),
                      [this](const error_code& e, size_t) { Written(e); });
  }

  void Written(const error_code& ec) {
    if (ec) return Fail(ec);
    stage_ = Stage::kRead;
    asio::async_read_until(socket_, asio::dynamic_buffer(response_, kMaxResponseBytes), '\n',
                           [this](const error_code& e, size_t n) { Read(e, n); });
  }

  void Read(const error_code& ec, size_t line_end) {
    if (ec) return Fail(ec);
    response_.resize(line_end - 1);  // line_end is just past the '\n'
    stage_ = Stage::kDone;
  }

  void Fail(const error_code& ec) { error_ = ec; }

  Result<std::string> Outcome() {
    const std::string& path = endpoint_.socket_path;
    if (stage_ == Stage::kDone) return std::move(response_);
    if (stage_ == Stage::kConnect) return ConnectError(path, error_);
    if (stage_ == Stage::kRead && error_ == asio::error::not_found) {
      return Err(ErrorCode::kInternal, path,
                 fmt::format("tonewatchd's answer is longer than {} bytes without a newline",
                             kMaxResponseBytes));
    }
    const bool closed = error_ == asio::error::eof || error_ == asio::error::broken_pipe ||
                        error_ == asio::error::connection_reset;
    return Err(ErrorCode::kUnreadable, path,
               closed ? std::string("tonewatchd closed the connection without answering")
                      : fmt::format("lost the connection to tonewatchd: {}", error_.message()),
               "it may have stopped; see: systemctl --user status tonewatchd");
  }

  Error TimedOut() const {
    const std::string& path = endpoint_.socket_path;
    if (stage_ == Stage::kConnect) {
      return Err(
          ErrorCode::kUnreadable, path,
          fmt::format("could not connect to tonewatchd within {:g} s", Seconds(endpoint_.timeout)),
          kStartDaemonHint);
    }
    return Err(ErrorCode::kUnreadable, path,
               fmt::format("tonewatchd did not answer within {:g} s", Seconds(endpoint_.timeout)),
               "it may be busy with a large first ingest: try again, or raise --timeout");
  }

  const DaemonEndpoint& endpoint_;
  asio::io_context io_;
  Protocol::socket socket_{io_};
  std::string request_;
  std::string response_;
  Stage stage_ = Stage::kConnect;
  error_code error_;
};

}  // namespace

Result<std::string> ExchangeLine(const DaemonEndpoint& endpoint, std::string_view request_line) {
  try {
    Exchange exchange(endpoint, request_line);
    return exchange.Run();
  } catch (const boost::system::system_error& e) {
    // Asio throws only from the endpoint's constructor here, for a path over sun_path's size.
    if (e.code() == asio::error::name_too_long) {
      return Err(ErrorCode::kUsage, endpoint.socket_path,
                 "socket path is too long for a Unix socket (at most 107 bytes)");
    }
    return Err(ErrorCode::kInternal, endpoint.socket_path, e.what());
  } catch (const std::exception& e) {
    return Err(ErrorCode::kInternal, endpoint.socket_path, e.what());
  }
}

}  // namespace tonewatch::cli
