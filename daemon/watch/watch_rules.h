#pragma once

// The rules the watcher and the scanner share, so that both name and skip the same files. A path
// spelled differently by the two would be stored twice; a file one skips and the other reports
// would be read and then forgotten on every rescan.

#include <string>
#include <string_view>

// IsMaildirTmp: the folder walker's, so the watcher skips the folders the CLI skips.
#include "analyzers/readers/folder_walker.h"

namespace tonewatch::daemon {

// `root` made absolute (against the current folder) and lexically normal, without a trailing
// separator ("/" stays "/"). Symbolic links are not resolved: the user's spelling of the root is
// the one the store keys files by.
std::string NormalizeRoot(const std::string& root);

// `dir` + "/" + `name`, without doubling the separator when `dir` is "/".
std::string JoinPath(std::string_view dir, std::string_view name);

// True for names that are never inputs: hidden files (".DS_Store", Maildir++ control files,
// ".x.swp") and editor leftovers ("draft~", "x.swp", "x.swx"), which come and go while someone
// edits. Says nothing about folders: hidden folders are walked (Maildir++ subfolders are ".Sent").
bool IsIgnoredFileName(std::string_view name);

// True when `path` is an input file: its name is not ignored, and it is a regular file or a link
// to one (followed, as the walker does). Looks at the disk; false for a path that is gone.
bool IsInputFile(const std::string& path);

// True when the file that just appeared at `path` is complete already: a link to an input file,
// or a hard link to a file written elsewhere. Anything else that appears is being written, and is
// reported once closed.
bool IsCompleteOnCreate(const std::string& path);

}  // namespace tonewatch::daemon
