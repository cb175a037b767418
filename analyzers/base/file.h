#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace tonewatch {

// The whole content of a small file (a lexicon, a config), or nullopt with the reason in *error
// (the OS's, or that the file is over `max_bytes`). Not for inputs of unbounded size.
std::optional<std::string> ReadSmallFile(const std::filesystem::path& path, uintmax_t max_bytes,
                                         std::string* error);

// `path` lexically normalized and without a trailing '/' (the root stays "/"): the one spelling
// of a folder that the daemon, its config and `tonewatch flagged --folder` compare as prefixes.
std::string NormalFolderPath(const std::filesystem::path& path);

}  // namespace tonewatch
