#include "daemon/watch/watch_session.h"

#include <fmt/format.h>
#include <unistd.h>

#include <boost/asio/buffer.hpp>
#include <boost/asio/post.hpp>
#include <cerrno>
#include <deque>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "daemon/watch/watch_rules.h"

namespace tonewatch::daemon {
namespace {

namespace fs = std::filesystem;

// IN_MODIFY is watched for files appended to by a writer that keeps them open (mbox); it is
// coalesced, never reported as it arrives. IN_ONLYDIR: a folder replaced by a file between our
// look and the watch must not be watched as one.
constexpr uint32_t kFolderEvents = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE |
                                   IN_CREATE | IN_MODIFY | IN_DELETE_SELF | IN_MOVE_SELF |
                                   IN_ONLYDIR;

std::string ErrnoText(int error) {
  return std::error_code(error, std::generic_category()).message();
}

// "fs.inotify.max_user_watches (now 8192)", for messages that tell the user what to raise.
std::string WatchLimitName() {
  std::ifstream in("/proc/sys/fs/inotify/max_user_watches");
  long long limit = 0;
  if (in >> limit) return fmt::format("fs.inotify.max_user_watches (now {})", limit);
  return "fs.inotify.max_user_watches";
}

std::string AddWatchHint(int error) {
  if (error == ENOSPC) {
    return fmt::format("the inotify watch limit {} is reached; raise it with sysctl",
                       WatchLimitName());
  }
  return {};
}

}  // namespace

WatchSession::WatchSession(boost::asio::io_context& io, WatcherOptions options,
                           Watcher::ChangeCallback on_change,
                           Watcher::RescanCallback on_rescan_needed)
    : io_(io),
      options_(std::move(options)),
      on_change_(std::move(on_change)),
      on_rescan_needed_(std::move(on_rescan_needed)),
      inotify_(io) {}

Result<void> WatchSession::Open() {
  if (options_.roots.empty()) return Err(ErrorCode::kUsage, "watcher", "no folder to watch");
  if (!on_change_ || !on_rescan_needed_) {
    return Err(ErrorCode::kUsage, "watcher", "a change or rescan callback is empty");
  }
  const int fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    return Err(ErrorCode::kUnreadable, "inotify", ErrnoText(error),
               error == EMFILE ? "raise fs.inotify.max_user_instances with sysctl" : "");
  }
  boost::system::error_code ec;
  inotify_.assign(fd, ec);
  if (ec) {
    ::close(fd);
    return Err(ErrorCode::kInternal, "inotify", ec.message());
  }
  for (const std::string& root : options_.roots) {
    Result<void> watched = WatchRoot(NormalizeRoot(root));
    if (!watched) return watched;
  }
  return Ok();
}

Result<void> WatchSession::WatchRoot(const std::string& root) {
  std::error_code ec;
  const fs::file_status status = fs::status(root, ec);
  if (ec) {
    const bool missing = ec == std::errc::no_such_file_or_directory;
    return Err(missing ? ErrorCode::kNotFound : ErrorCode::kUnreadable, root,
               fmt::format("cannot watch: {}", ec.message()),
               missing ? "create the folder or remove it from the watched folders" : "");
  }
  if (!fs::is_directory(status)) {
    return Err(ErrorCode::kUsage, root, "cannot watch: not a folder",
               "watch the folder that holds it");
  }
  if (const int error = AddWatch(root, 0); error != 0) {
    return Err(ErrorCode::kUnreadable, root, fmt::format("cannot watch: {}", ErrnoText(error)),
               AddWatchHint(error));
  }
  roots_.push_back(root);
  WatchBelow(root, /*report_files=*/false);
  return Ok();
}

void WatchSession::Begin() { ReadMore(); }

void WatchSession::Stop() {
  if (stopped_) return;
  stopped_ = true;
  boost::system::error_code ignored;
  inotify_.close(ignored);  // drops every watch; the pending read ends with operation_aborted
  table_.Clear();
  settling_.clear();  // pending settle waits end with operation_aborted
  being_written_.clear();
}

int WatchSession::AddWatch(const std::string& dir, uint32_t extra_flags) {
  const int wd =
      ::inotify_add_watch(inotify_.native_handle(), dir.c_str(), kFolderEvents | extra_flags);
  if (wd < 0) return errno;
  table_.Add(wd, dir);
  return 0;
}

bool WatchSession::WatchSubfolder(const std::string& dir) {
  // IN_DONT_FOLLOW: a folder replaced by a link to one must not pull the link's target in.
  const int error = AddWatch(dir, IN_DONT_FOLLOW);
  if (error == ENOSPC) ReportWatchLimit(dir);
  // Other failures (the folder vanished or was replaced, permission denied) are left to the
  // scan, which reports what it cannot read.
  return error == 0;
}

// `dir` is watched already. Watches each folder below it before listing that folder, so a file
// landing in it is either listed or announced by an event, never neither.
void WatchSession::WatchBelow(const std::string& dir, bool report_files) {
  std::vector<std::string> found;
  ListFolder(dir, report_files, found);
  std::deque<std::string> pending(found.begin(), found.end());
  while (!pending.empty() && !stopped_) {
    const std::string sub = std::move(pending.front());
    pending.pop_front();
    if (!WatchSubfolder(sub)) continue;
    found.clear();
    ListFolder(sub, report_files, found);
    pending.insert(pending.end(), found.begin(), found.end());
  }
}

void WatchSession::ListFolder(const std::string& dir, bool report_files,
                              std::vector<std::string>& subfolders) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end && !stopped_; it.increment(ec)) {
    const std::string path = JoinPath(dir, it->path().filename().string());
    std::error_code status_ec;
    const fs::file_status link = it->symlink_status(status_ec);
    if (status_ec) continue;  // vanished since it was listed
    if (fs::is_directory(link)) {
      if (!IsMaildirTmp(path)) subfolders.push_back(path);
    } else if (report_files && IsInputFile(path)) {
      Report(path, ChangeKind::kChanged);
    }
  }
}

void WatchSession::Unwatch(const std::string& dir) {
  for (const int wd : table_.Under(dir)) {
    ::inotify_rm_watch(inotify_.native_handle(), wd);  // fails for a folder already gone: fine
    table_.Erase(wd);
  }
  UnsettleUnder(dir);
}

void WatchSession::Report(const std::string& path, ChangeKind kind) {
  if (!stopped_) on_change_(path, kind);
}

// Posted rather than called: a rescan may be asked for inside Start, before the daemon holds the
// Watcher, and a callback must never run there.
void WatchSession::NeedRescan(std::string why) {
  boost::asio::post(io_, [self = shared_from_this(), why = std::move(why)]() mutable {
    if (!self->stopped_) self->on_rescan_needed_(std::move(why));
  });
}

void WatchSession::ReportWatchLimit(const std::string& dir) {
  if (watch_limit_reported_) return;
  watch_limit_reported_ = true;
  NeedRescan(fmt::format(
      "the inotify watch limit {} is reached: {} and other folders are not watched, so their "
      "changes are found only by rescans; raise the limit with sysctl and restart the daemon",
      WatchLimitName(), dir));
}

}  // namespace tonewatch::daemon
