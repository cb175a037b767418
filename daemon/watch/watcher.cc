#include "daemon/watch/watcher.h"

#include "daemon/watch/watch_session.h"

namespace tonewatch::daemon {

Result<std::unique_ptr<Watcher>> Watcher::Start(boost::asio::io_context& io, WatcherOptions options,
                                                ChangeCallback on_change,
                                                RescanCallback on_rescan_needed) {
  auto session = std::make_shared<WatchSession>(io, std::move(options), std::move(on_change),
                                                std::move(on_rescan_needed));
  if (Result<void> opened = session->Open(); !opened) {
    session->Stop();  // a rescan it may have posted must not reach the caller
    return opened.error();
  }
  session->Begin();
  // The constructor is private: Start is the only way to get a running Watcher.
  return std::unique_ptr<Watcher>(new Watcher(std::move(session)));
}

Watcher::Watcher(std::shared_ptr<WatchSession> session) : session_(std::move(session)) {}

Watcher::~Watcher() { Stop(); }

void Watcher::Stop() { session_->Stop(); }

size_t Watcher::watched_folders() const { return session_->watched_folders(); }

size_t Watcher::settling_files() const { return session_->settling_files(); }

}  // namespace tonewatch::daemon
