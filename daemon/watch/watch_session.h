#pragma once

// The Watcher's state and handlers (watcher.h states the contract). Internal: handlers in flight
// hold a shared_ptr to it, so the public Watcher can be destroyed while they are queued.

#include <sys/inotify.h>

#include <array>
#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analyzers/base/result.h"
#include "daemon/watch/inotify_event.h"
#include "daemon/watch/watch_table.h"
#include "daemon/watch/watcher.h"

namespace tonewatch::daemon {

class WatchSession : public std::enable_shared_from_this<WatchSession> {
 public:
  WatchSession(boost::asio::io_context& io, WatcherOptions options,
               Watcher::ChangeCallback on_change, Watcher::RescanCallback on_rescan_needed);

  // Opens the descriptor and watches the roots (Watcher::Start's errors). Call once, then Begin.
  Result<void> Open();
  // Starts reading events.
  void Begin();
  void Stop();

  size_t watched_folders() const { return table_.size(); }
  size_t settling_files() const { return settling_.size(); }

 private:
  // Room for at least a hundred events with maximal names; more are read on the next round.
  static constexpr size_t kReadBufferBytes = 64 * 1024;

  Result<void> WatchRoot(const std::string& root);
  int AddWatch(const std::string& dir, uint32_t extra_flags);
  bool WatchSubfolder(const std::string& dir);
  void WatchBelow(const std::string& dir, bool report_files);
  void ListFolder(const std::string& dir, bool report_files, std::vector<std::string>& subfolders);
  void Unwatch(const std::string& dir);

  void ReadMore();
  void OnRead(const boost::system::error_code& error, size_t bytes);
  void Dispatch(const InotifyEvent& event);
  void OnFolderEvent(const std::string& path, uint32_t mask);
  void OnFileEvent(const std::string& path, uint32_t mask);
  void OnWatchedFolderGone(const std::string& dir);
  void OnOverflow();

  // Coalesced reports of files modified in place.
  void Settle(const std::string& path);
  void OnSettled(const std::string& path);
  void Unsettle(const std::string& path);
  // Forgets what is pending for the files under `dir` (it is no longer watched).
  void UnsettleUnder(const std::string& dir);

  void Report(const std::string& path, ChangeKind kind);
  void NeedRescan(std::string why);
  void ReportWatchLimit(const std::string& dir);

  boost::asio::io_context& io_;
  WatcherOptions options_;
  Watcher::ChangeCallback on_change_;
  Watcher::RescanCallback on_rescan_needed_;
  std::vector<std::string> roots_;  // normalized; a root deleted or moved away leaves the list
  boost::asio::posix::stream_descriptor inotify_;
  WatchTable table_;
  std::unordered_map<std::string, std::unique_ptr<boost::asio::steady_timer>> settling_;
  // Files created while watched and not closed yet: their writer closes them when done, so
  // their modifications are not reported (a slow copy would otherwise be reported half done).
  std::unordered_set<std::string> being_written_;
  alignas(inotify_event) std::array<char, kReadBufferBytes> buffer_{};
  bool stopped_ = false;
  bool watch_limit_reported_ = false;
};

}  // namespace tonewatch::daemon
