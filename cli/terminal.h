#pragma once

#include <unistd.h>

#include <string>

namespace tonewatch::cli {

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
