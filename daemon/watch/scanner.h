#pragma once

// The full comparison of the watched folders with what the store knows. The daemon runs it at
// start (to catch what changed while it was down), periodically, and whenever the Watcher asks
// for it (events were lost). Inotify tells what happens while the daemon runs; only a scan can
// tell what happened while it did not.

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyzers/base/result.h"
#include "analyzers/report/report.h"
#include "daemon/store/keys.h"

namespace tonewatch::daemon {

struct ScanResult {
  // Files to (re)read: not in `known`, or whose device, inode, size or mtime differ from the
  // known identity. Sorted.
  std::vector<std::string> changed;
  // Known paths under a root that are no longer input files there (deleted, renamed away, now a
  // folder): to forget. Sorted.
  std::vector<std::string> removed;
  // Folders and files the walk could not look at (permission denied, a dangling link, a link to
  // a folder, a missing root), one Notice per path. Known files under such a path are neither
  // re-read nor forgotten: a folder that cannot be listed now is not proof its files are gone.
  std::vector<Notice> problems;
  // Input files found under the roots (those changed included).
  size_t files_seen = 0;
};

// Walks `roots` with the CLI's rules (folder_walker.h: Maildir tmp/ and hidden files skipped,
// links to folders not followed), further skipping editor leftovers (watch_rules.h), and
// compares every file found with `known` (path -> identity, as stored). content_hash is not
// compared: it is not computed here. Paths are spelled root (as NormalizeRoot gives it) + "/" +
// the path below it: the same spelling the Watcher reports, so both can key the store.
//
// Known paths that lie under none of the roots are left out of `removed`: dropping a root from
// the configuration is the daemon's decision, not something a scan infers. A root that does not
// exist is a problem, and its known files are kept (an unmounted disk is not a deletion).
//
// Reads only metadata (directory listings and stat), never file contents. Blocking: the daemon
// may run it off the io_context thread for large trees. Thread-safe (no shared state).
ScanResult Scan(const std::vector<std::string>& roots,
                const std::unordered_map<std::string, FileIdentity>& known);

// The identity of the file at `path` (following a symbolic link, as the readers do): device,
// inode, size and modification time in ns; content_hash left empty. kNotFound when it does not
// exist, kUnreadable for other stat failures; the error names the path.
Result<FileIdentity> StatIdentity(const std::string& path);

}  // namespace tonewatch::daemon
