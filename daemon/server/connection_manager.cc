#include "daemon/server/connection_manager.h"

#include <vector>

#include "daemon/server/connection.h"

namespace tonewatch::daemon {

void ConnectionManager::Start(const std::shared_ptr<Connection>& connection) {
  connections_.emplace(connection.get(), connection);
  count_ = connections_.size();
  connection->Start();
}

void ConnectionManager::Remove(const Connection* connection) noexcept {
  connections_.erase(connection);
  count_ = connections_.size();
}

void ConnectionManager::StopAll() noexcept {
  // Stop may close a connection, which calls Remove: walk a copy.
  std::vector<std::shared_ptr<Connection>> live;
  try {
    live.reserve(connections_.size());
    for (const auto& [key, weak] : connections_) {
      if (std::shared_ptr<Connection> connection = weak.lock()) live.push_back(connection);
    }
  } catch (...) {
    // Out of memory: stop those collected; the others close when their client goes.
  }
  for (const std::shared_ptr<Connection>& connection : live) connection->Stop();
}

}  // namespace tonewatch::daemon
