#pragma once

// The daemon's live view of its input folders: inotify, read through the daemon's io_context.
// It reports a file once its writer is done with it (closed it, renamed it into place, or fell
// quiet), not on every write; what it cannot know (events lost, folders it could not watch, a
// folder renamed) it hands to a full Scan (scanner.h) by asking for one.

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "analyzers/base/result.h"

namespace tonewatch::daemon {

enum class ChangeKind {
  kChanged,  // the path holds a new or changed input file: (re)read it
  kRemoved,  // the path no longer holds the file (deleted or renamed away): forget it
};

struct WatcherOptions {
  // Folders to watch, with everything below them. Each must exist and be a folder.
  std::vector<std::string> roots;
  // An appended-to file (an mbox kept open by its writer) is reported this long after its last
  // modification, so a burst of appends is reported once.
  std::chrono::milliseconds settle{200};
};

class WatchSession;

// Watches the roots and every folder below them, adding folders as they appear. Follows the
// rules of ListInputFiles (folder_walker.h): a Maildir's tmp/ is not watched, links to folders
// are not followed, hidden files are skipped (hidden folders are watched: Maildir++ subfolders
// are ".Sent"); editor leftovers ("x~", "x.swp") are skipped too (watch_rules.h).
//
// What is reported as kChanged, with the path spelled as Scan spells it (the root as
// NormalizeRoot gives it, then "/" and the path below it):
// - a file closed after writing, or moved or linked into a watched folder (Maildir delivery:
//   tmp/x renamed to new/x reports new/x only);
// - a file modified without being closed (an mbox appended to by a writer that keeps it open),
//   `settle` after its last modification. Only files that were there before their writer opened
//   them: one created while watched is reported when closed, however slowly it is written;
// - every file already inside a folder created in or moved into the tree: files may land in a
//   new folder before its watch is added. One found still being written there is reported again
//   when closed.
// kRemoved: a file deleted or renamed away (a Maildir flag rename new/x -> cur/x:2,S reports
// new/x removed, then cur/x:2,S changed).
//
// Not promised: exactly-once. A file in a new folder may be reported twice, and a writer that
// closes between appends makes one report per close; consumers compare the file's identity
// (StatIdentity) with what they stored. Reports follow the order of the events, a settled
// modification coming `settle` after its own.
//
// on_rescan_needed is called, with a sentence saying why, when the Watcher's view may have lost
// something a Scan would find: the kernel's event queue overflowed; the watch limit
// (fs.inotify.max_user_watches) kept a folder from being watched (said once per Watcher); a folder
// was renamed or moved away (the files under its old name are gone); a root was deleted or moved
// away (it is no longer watched; the daemon may Start a new Watcher when it is back); reading the
// inotify descriptor failed (nothing more is watched).
//
// Threading: the io_context is run by one thread. Start, Stop, the accessors and the destructor
// are called on that thread, or while it is not running. Callbacks run on it, inside
// io_context::run, never inside Start or Stop; they must not throw, and may call Stop or destroy
// the Watcher. Blocking: adding watches walks folders (Start, and when a folder appears).
class Watcher {
 public:
  using ChangeCallback = std::function<void(const std::string& path, ChangeKind kind)>;
  using RescanCallback = std::function<void(std::string why)>;

  // Opens an inotify descriptor, watches every root and the folders below it, and starts reading
  // events on `io`, which must outlive the Watcher's handlers (as for any asio object). Files
  // present at start are not reported: the daemon's start-up Scan does that. Errors, naming the
  // root: kNotFound for a root that does not exist, kUsage for a root that is not a folder (or no
  // roots, or an empty callback), kUnreadable when the root cannot be watched (permissions, the
  // inotify limits; the hint names the sysctl to raise).
  static Result<std::unique_ptr<Watcher>> Start(boost::asio::io_context& io, WatcherOptions options,
                                                ChangeCallback on_change,
                                                RescanCallback on_rescan_needed);

  ~Watcher();  // Stop()s.
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  // Closes the inotify descriptor and drops pending settle timers; no callback runs afterwards.
  // Handlers still queued finish as no-ops on the io_context. Idempotent.
  void Stop();

  // Folders watched now (roots included); 0 after Stop.
  size_t watched_folders() const;
  // Files modified and not yet reported (waiting out `settle`).
  size_t settling_files() const;

 private:
  explicit Watcher(std::shared_ptr<WatchSession> session);

  // Shared with the handlers in flight, which keep it alive until they have run.
  std::shared_ptr<WatchSession> session_;
};

}  // namespace tonewatch::daemon
