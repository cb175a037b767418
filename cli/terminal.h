#pragma once

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace tonewatch::cli {

// Writes `text` to stdout as is (no formatting, embedded NULs kept).
inline void PrintOut(std::string_view text) { std::fwrite(text.data(), 1, text.size(), stdout); }

inline bool IsTerminal(int fd) { return ::isatty(fd) == 1; }

// --color=auto|always|never against whether stdout is a terminal (and NO_COLOR, by convention).
inline bool UseColor(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return IsTerminal(STDOUT_FILENO);
}

}  // namespace tonewatch::cli
