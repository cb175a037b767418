#include "daemon/config/log.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <mutex>

namespace tonewatch::daemon {
namespace {

std::atomic<LogLevel> g_min_level{LogLevel::kInfo};
// One write(2) per line already keeps lines whole between processes sharing the journal stream;
// the mutex also keeps them in the order the threads logged them.
std::mutex g_write_mutex;

void WriteAll(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(STDERR_FILENO, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
}

}  // namespace

std::optional<LogLevel> ParseLogLevel(std::string_view name) {
  if (name == "error") return LogLevel::kError;
  if (name == "warning") return LogLevel::kWarning;
  if (name == "info") return LogLevel::kInfo;
  if (name == "debug") return LogLevel::kDebug;
  return std::nullopt;
}

std::string_view LogLevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kError:
      return "error";
    case LogLevel::kWarning:
      return "warning";
    case LogLevel::kInfo:
      return "info";
    case LogLevel::kDebug:
      return "debug";
  }
  return "info";
}

void SetLogLevel(LogLevel level) { g_min_level.store(level); }

LogLevel GetLogLevel() { return g_min_level.load(); }

std::string FormatLogLine(LogLevel level, std::string_view message) {
  std::string line = fmt::format("<{}>", static_cast<int>(level));
  line.reserve(line.size() + message.size() + 1);
  for (size_t i = 0; i < message.size(); ++i) {
    const char c = message[i];
    if (c != '\n' && c != '\r') {
      line += c;
      continue;
    }
    // A CR LF pair is one break.
    if (c == '\r' && i + 1 < message.size() && message[i + 1] == '\n') ++i;
    if (i + 1 < message.size()) line += "; ";
  }
  line += '\n';
  return line;
}

void Log(LogLevel level, std::string_view message) {
  if (level > GetLogLevel()) return;
  try {
    const std::string line = FormatLogLine(level, message);
    std::lock_guard<std::mutex> lock(g_write_mutex);
    WriteAll(line);
  } catch (...) {
    // Out of memory while logging: dropping the line is all that is left to do.
  }
}

}  // namespace tonewatch::daemon
