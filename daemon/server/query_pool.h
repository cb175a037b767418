#pragma once

// The query threads: each owns one LineHandler and runs the request lines connections submit.
// Results go back to the io_context's thread, where the connection writes them.

#include <boost/asio/io_context.hpp>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "daemon/server/server_options.h"

namespace tonewatch::daemon {

class QueryPool {
 public:
  struct Outcome {
    std::string response;  // the response line, without its newline
    std::string failure;   // when the handler threw: its what(), for the log; else empty
  };
  using Done = std::function<void(Outcome)>;

  // Starts one thread per handler; each handler is called from its thread only. Completions are
  // posted to `io`. Throws std::system_error if a thread cannot be started (after joining those
  // that were).
  QueryPool(boost::asio::io_context::executor_type io, std::vector<LineHandler> handlers);

  // Join().
  ~QueryPool();
  QueryPool(const QueryPool&) = delete;
  QueryPool& operator=(const QueryPool&) = delete;

  // Queues `line` for the next free thread; `done` then runs on the io_context's thread with the
  // response (an "internal" error line when the handler threw). Lines run in the order submitted,
  // several at once on different threads. False, and `done` is dropped, once Join has begun. Any
  // thread.
  bool Submit(std::string line, Done done);

  // Runs what is queued, then joins the threads. Later calls return at once. Not from a query
  // thread, and not from two threads at once.
  void Join();

 private:
  struct Task {
    std::string line;
    Done done;
  };

  void Work(LineHandler& handler);
  std::optional<Task> Next();
  void Deliver(Task task, Outcome outcome) noexcept;

  boost::asio::io_context::executor_type io_;
  std::vector<LineHandler> handlers_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Task> tasks_;  // guarded by mutex_
  bool closing_ = false;    // guarded by mutex_
  std::vector<std::thread> threads_;
};

}  // namespace tonewatch::daemon
