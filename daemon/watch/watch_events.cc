// WatchSession's handlers: reading inotify events and turning them into reports.

#include <fmt/format.h>

#include <algorithm>
#include <boost/asio/buffer.hpp>
#include <chrono>

#include "daemon/watch/watch_rules.h"
#include "daemon/watch/watch_session.h"

namespace tonewatch::daemon {

void WatchSession::ReadMore() {
  inotify_.async_read_some(
      boost::asio::buffer(buffer_),
      [self = shared_from_this()](const boost::system::error_code& error, size_t bytes) {
        self->OnRead(error, bytes);
      });
}

void WatchSession::OnRead(const boost::system::error_code& error, size_t bytes) {
  if (stopped_ || error == boost::asio::error::operation_aborted) return;
  if (error) {
    NeedRescan(fmt::format("reading inotify events failed ({}); the folders are no longer watched",
                           error.message()));
    return;
  }
  for (const InotifyEvent& event : ParseInotifyEvents({buffer_.data(), bytes})) {
    Dispatch(event);
    if (stopped_) return;  // a callback stopped the watcher
  }
  ReadMore();
}

void WatchSession::Dispatch(const InotifyEvent& event) {
  if (event.mask & IN_Q_OVERFLOW) {
    OnOverflow();
    return;
  }
  const std::string* watched = table_.PathOf(event.wd);
  if (watched == nullptr) return;  // late events of a watch removed since
  // Copied: handling the event may change the table.
  const std::string dir = *watched;
  if (event.mask & (IN_IGNORED | IN_UNMOUNT | IN_DELETE_SELF | IN_MOVE_SELF)) {
    if (event.mask & IN_IGNORED) table_.Erase(event.wd);
    OnWatchedFolderGone(dir);
    return;
  }
  if (event.name.empty()) return;
  const std::string path = JoinPath(dir, event.name);
  if (event.mask & IN_ISDIR) {
    OnFolderEvent(path, event.mask);
  } else if (!IsIgnoredFileName(event.name) && !IsMaildirTmp(dir)) {
    // tmp/ is checked here too: it is watched when it appeared before its "cur" and "new".
    OnFileEvent(path, event.mask);
  }
}

void WatchSession::OnFolderEvent(const std::string& path, uint32_t mask) {
  if (mask & (IN_CREATE | IN_MOVED_TO)) {
    // Files may land in it before its watch exists, and a folder moved in comes full: report
    // what it holds once it is watched.
    if (!IsMaildirTmp(path) && WatchSubfolder(path)) WatchBelow(path, /*report_files=*/true);
  } else if (mask & IN_MOVED_FROM) {
    Unwatch(path);
    // The files it held are not known here, only to the store; a scan finds them gone.
    NeedRescan(fmt::format(
        "folder {} was renamed or moved away: the files under that name are gone", path));
  } else if (mask & IN_DELETE) {
    Unwatch(path);  // its files were deleted, and reported, before it could be
  }
}

void WatchSession::OnFileEvent(const std::string& path, uint32_t mask) {
  if (mask & IN_MODIFY) {
    if (!being_written_.contains(path)) Settle(path);
  } else if (mask & IN_CLOSE_WRITE) {
    Unsettle(path);  // this report covers the modifications before it
    Report(path, ChangeKind::kChanged);
  } else if (mask & IN_MOVED_TO) {
    Unsettle(path);
    // A link to a folder or a device node moved in is no input; a file already moved on is
    // reported removed by its own event.
    if (IsInputFile(path)) Report(path, ChangeKind::kChanged);
  } else if (mask & (IN_MOVED_FROM | IN_DELETE)) {
    Unsettle(path);
    Report(path, ChangeKind::kRemoved);
  } else if (mask & IN_CREATE) {
    if (IsCompleteOnCreate(path)) {
      Report(path, ChangeKind::kChanged);
    } else {
      being_written_.insert(path);
    }
  }
}

// Events on a watched folder itself. A subfolder deleted or moved is handled through its parent's
// event; only a root, which has no watched parent, needs handling here.
void WatchSession::OnWatchedFolderGone(const std::string& dir) {
  const auto root = std::find(roots_.begin(), roots_.end(), dir);
  if (root == roots_.end()) return;
  roots_.erase(root);
  Unwatch(dir);
  NeedRescan(fmt::format(
      "root folder {} was deleted, moved away or unmounted: it is no longer watched", dir));
}

void WatchSession::OnOverflow() {
  NeedRescan("the inotify event queue overflowed (fs.inotify.max_queued_events): events were lost");
  // Their closes may be among the events lost; the rescan reads them whole either way.
  being_written_.clear();
  // Folders created meanwhile were never announced: watch them now, or their changes would go
  // unseen until the next rescan too. inotify returns the existing watch for a folder watched.
  const std::vector<std::string> roots = roots_;
  for (const std::string& root : roots) {
    if (AddWatch(root, 0) == 0) {
      WatchBelow(root, /*report_files=*/false);
    } else {
      OnWatchedFolderGone(root);
    }
    if (stopped_) return;
  }
}

void WatchSession::Settle(const std::string& path) {
  std::unique_ptr<boost::asio::steady_timer>& timer = settling_[path];
  if (!timer) timer = std::make_unique<boost::asio::steady_timer>(io_);
  timer->expires_after(options_.settle);  // a wait pending ends with operation_aborted
  timer->async_wait([self = shared_from_this(), path](const boost::system::error_code& error) {
    if (!error) self->OnSettled(path);
  });
}

void WatchSession::OnSettled(const std::string& path) {
  if (stopped_) return;
  const auto it = settling_.find(path);
  if (it == settling_.end()) return;
  // A wait that completed just before a later modification moved the deadline was queued
  // already and could not be cancelled: the wait pending now reports.
  if (it->second->expiry() > std::chrono::steady_clock::now()) return;
  settling_.erase(it);
  Report(path, ChangeKind::kChanged);
}

void WatchSession::Unsettle(const std::string& path) {
  settling_.erase(path);
  being_written_.erase(path);
}

void WatchSession::UnsettleUnder(const std::string& dir) {
  const std::string prefix = dir + '/';
  const auto below = [&](const std::string& path) { return path.starts_with(prefix); };
  std::erase_if(settling_, [&](const auto& entry) { return below(entry.first); });
  std::erase_if(being_written_, below);
}

}  // namespace tonewatch::daemon
