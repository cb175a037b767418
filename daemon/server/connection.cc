#include "daemon/server/connection.h"

#include <fmt/format.h>

#include <boost/asio/buffer.hpp>
#include <boost/asio/write.hpp>
#include <exception>

#include "daemon/protocol/handler.h"
#include "daemon/server/connection_manager.h"

namespace tonewatch::daemon {

using boost::asio::local::stream_protocol;
using boost::system::error_code;

Connection::Connection(stream_protocol::socket socket, std::string name,
                       ConnectionServices services)
    : socket_(std::move(socket)),
      idle_timer_(socket_.get_executor()),
      name_(std::move(name)),
      services_(std::move(services)) {}

void Connection::Start() {
  Guarded([this] { DoRead(); });
}

void Connection::Stop() noexcept {
  stopping_ = true;
  if (!in_flight_) Close();  // cancels the pending read; OnWritten closes a busy connection
}

// The connection's edge: nothing thrown inside an operation reaches io_context::run().
template <typename Step>
void Connection::Guarded(Step&& step) noexcept {
  try {
    step();
  } catch (const std::exception& e) {
    Log(fmt::format("closed after an error in the server: {}", e.what()));
    Close();
  } catch (...) {
    Log("closed after an unknown exception in the server");
    Close();
  }
}

void Connection::DoRead() {
  ArmIdleTimer("with no bytes from the client");
  socket_.async_read_some(boost::asio::buffer(buffer_),
                          [self = shared_from_this()](const error_code& ec, size_t bytes) {
                            self->Guarded([&] { self->OnRead(ec, bytes); });
                          });
}

void Connection::OnRead(const error_code& ec, size_t bytes) {
  DisarmIdleTimer();
  if (closed_) return;
  if (ec) return Close();  // end of stream, reset, or cancelled by Stop: nothing left to answer
  unparsed_ = std::string_view(buffer_.data(), bytes);
  ProcessBuffered();
}

void Connection::ProcessBuffered() {
  while (!unparsed_.empty()) {
    const RequestParser::Step step = parser_.Parse(unparsed_);
    unparsed_.remove_prefix(step.consumed);
    if (step.status == RequestParser::Status::kGood) return Dispatch(parser_.line());
    if (step.status == RequestParser::Status::kBad) return RefuseFraming();
  }
  DoRead();
}

void Connection::Dispatch(const std::string& line) {
  in_flight_ = true;
  auto done = [self = shared_from_this()](QueryPool::Outcome outcome) {
    self->Guarded([&] { self->OnAnswered(std::move(outcome)); });
  };
  if (!services_.pool->Submit(line, std::move(done))) Close();  // the server is stopping
}

void Connection::OnAnswered(QueryPool::Outcome outcome) {
  if (closed_) return;
  if (!outcome.failure.empty()) {
    Log(fmt::format("the request handler threw: {}; answered with an internal error",
                    outcome.failure));
  }
  Write(std::move(outcome.response), /*then_close=*/false);
}

void Connection::RefuseFraming() {
  Log(fmt::format("{}; answered bad-request and closing", parser_.error()));
  in_flight_ = true;
  Write(Handler::FramingError(parser_.error()), /*then_close=*/true);
}

void Connection::Write(std::string line, bool then_close) {
  outgoing_ = std::move(line);
  outgoing_.push_back('\n');
  ArmIdleTimer("without the client reading its response");
  boost::asio::async_write(
      socket_, boost::asio::buffer(outgoing_),
      [self = shared_from_this(), then_close](const error_code& ec, size_t /*bytes*/) {
        self->Guarded([&] { self->OnWritten(ec, then_close); });
      });
}

void Connection::OnWritten(const error_code& ec, bool then_close) {
  DisarmIdleTimer();
  in_flight_ = false;
  if (ec || then_close || stopping_) return Close();
  ProcessBuffered();  // requests the client pipelined behind this one
}

void Connection::ArmIdleTimer(const char* waiting_for) {
  idle_waiting_for_ = waiting_for;
  const uint64_t generation = ++timer_generation_;
  idle_timer_.expires_after(services_.options->idle_timeout);
  idle_timer_.async_wait([self = shared_from_this(), generation](const error_code& ec) {
    self->Guarded([&] { self->OnIdle(ec, generation); });
  });
}

void Connection::DisarmIdleTimer() noexcept {
  ++timer_generation_;
  try {
    idle_timer_.cancel();  // releases the wait's hold on this connection now, not at expiry
  } catch (...) {
    // The generation already disarms it.
  }
}

void Connection::OnIdle(const error_code& ec, uint64_t generation) {
  if (ec || generation != timer_generation_ || closed_) return;
  Log(fmt::format("closed after {} ms {}", services_.options->idle_timeout.count(),
                  idle_waiting_for_));
  Close();
}

void Connection::Log(std::string_view message) noexcept {
  try {
    services_.options->log(fmt::format("{}: {}", name_, message));
  } catch (...) {
    // A failing logger must not take the connection down with it.
  }
}

void Connection::Close() noexcept {
  if (closed_) return;
  closed_ = true;
  DisarmIdleTimer();
  error_code ignored;
  socket_.shutdown(stream_protocol::socket::shutdown_both, ignored);
  socket_.close(ignored);
  services_.manager->Remove(this);
}

}  // namespace tonewatch::daemon
