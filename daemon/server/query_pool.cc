#include "daemon/server/query_pool.h"

#include <fmt/format.h>

#include <boost/asio/post.hpp>
#include <exception>

#include "daemon/protocol/handler.h"

namespace tonewatch::daemon {
namespace {

QueryPool::Outcome Failure(std::string what) {
  return {ErrorLine("null", ProtocolError::kInternal,
                    fmt::format("the daemon failed to answer this request: {}", what)),
          std::move(what)};
}

// The edge of the handler: whatever it throws becomes this request's error response.
QueryPool::Outcome Run(LineHandler& handler, const std::string& line) {
  try {
    return {handler(line), {}};
  } catch (const std::exception& e) {
    return Failure(e.what());
  } catch (...) {
    return Failure("an exception that is not a std::exception");
  }
}

}  // namespace

QueryPool::QueryPool(boost::asio::io_context::executor_type io, std::vector<LineHandler> handlers)
    : io_(io), handlers_(std::move(handlers)) {
  threads_.reserve(handlers_.size());
  try {
    for (LineHandler& handler : handlers_) {
      threads_.emplace_back([this, &handler] { Work(handler); });
    }
  } catch (...) {
    Join();  // a joinable std::thread destroyed would terminate the process
    throw;
  }
}

QueryPool::~QueryPool() { Join(); }

bool QueryPool::Submit(std::string line, Done done) {
  {
    std::lock_guard lock(mutex_);
    if (closing_) return false;
    tasks_.push_back({std::move(line), std::move(done)});
  }
  ready_.notify_one();
  return true;
}

void QueryPool::Join() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  ready_.notify_all();
  for (std::thread& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
}

void QueryPool::Work(LineHandler& handler) {
  while (std::optional<Task> task = Next()) {
    try {
      Outcome outcome = Run(handler, task->line);
      Deliver(std::move(*task), std::move(outcome));
    } catch (...) {
      // Only allocation can fail here; the thread must live on for the other connections.
    }
  }
}

std::optional<QueryPool::Task> QueryPool::Next() {
  std::unique_lock lock(mutex_);
  ready_.wait(lock, [this] { return closing_ || !tasks_.empty(); });
  if (tasks_.empty()) return std::nullopt;  // closing, and everything queued has run
  Task task = std::move(tasks_.front());
  tasks_.pop_front();
  return task;
}

void QueryPool::Deliver(Task task, Outcome outcome) noexcept {
  try {
    // `done` holds its connection. Moved into the posted handler, the connection is released on
    // the io_context's thread, never on this one, where closing its socket would race the reactor.
    boost::asio::post(io_, [done = std::move(task.done), outcome = std::move(outcome)]() mutable {
      done(std::move(outcome));
    });
  } catch (...) {
  }
}

}  // namespace tonewatch::daemon
