#pragma once

#include <filesystem>
#include <vector>

#include "analyzers/base/error.h"

namespace tonewatch {

// The files to read under `root`, in sorted order (root itself when it is a file). Walks folders
// recursively without following symbolic links to folders, so a link loop cannot trap it: such a
// link is reported and skipped. Skips a Maildir's tmp/ (a folder named "tmp" beside "cur" or
// "new": messages there are still being written), and hidden files (".DS_Store", Maildir++
// control files); hidden folders are walked (Maildir++ subfolders are named ".Sent").
// Problems (permission denied, dangling links, link loops) are appended to `errors`, one per path.
std::vector<std::filesystem::path> ListInputFiles(const std::filesystem::path& root,
                                                  std::vector<Error>* errors);

// True when `dir` is a Maildir's tmp/ (named "tmp" beside "cur" or "new"): what lands there is
// still being written and is renamed into new/ when complete. Looks at the disk. The walker skips
// such folders; so does the daemon's watcher.
bool IsMaildirTmp(const std::filesystem::path& dir);

}  // namespace tonewatch
