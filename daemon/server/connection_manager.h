#pragma once

// The open connections of one server, so that Stop can reach them all.

#include <atomic>
#include <cstddef>
#include <memory>
#include <unordered_map>

namespace tonewatch::daemon {

class Connection;

// Holds connections weakly: a connection is owned by its pending operations, as in the Asio
// examples, and a connection that outlives its server (answering its last request) keeps the
// manager alive through its own shared_ptr without a cycle.
//
// Threading: the io_context's thread only, except size().
class ConnectionManager {
 public:
  // Tracks `connection` and starts it.
  void Start(const std::shared_ptr<Connection>& connection);

  // Forgets `connection`; a connection calls it as it closes. Unknown ones are ignored.
  void Remove(const Connection* connection) noexcept;

  // Asks every connection to stop (Connection::Stop): idle ones close now, busy ones after their
  // response.
  void StopAll() noexcept;

  // Connections open now. Any thread.
  size_t size() const { return count_.load(); }

 private:
  std::unordered_map<const Connection*, std::weak_ptr<Connection>> connections_;
  std::atomic<size_t> count_{0};
};

}  // namespace tonewatch::daemon
