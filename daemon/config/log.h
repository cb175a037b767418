#pragma once

// tonewatchd's log: one line per event on stderr, behind sd-daemon's priority prefix ("<3>" error,
// "<4>" warning, "<6>" info, "<7>" debug) so journald files each line under its priority. No
// timestamps or program name: journald adds both. Outside systemd the prefixes stay visible, which
// keeps the severity readable in a terminal too.

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>

namespace tonewatch::daemon {

// The values are the syslog priorities the prefixes carry.
enum class LogLevel { kError = 3, kWarning = 4, kInfo = 6, kDebug = 7 };

// "error", "warning", "info", "debug"; nullopt for anything else (case-sensitive).
std::optional<LogLevel> ParseLogLevel(std::string_view name);
std::string_view LogLevelName(LogLevel level);

// Events less severe than `level` are dropped. The default is kInfo. Thread-safe.
void SetLogLevel(LogLevel level);
LogLevel GetLogLevel();

// The line Log writes for an event: the prefix, `message` with each line break (CR, LF) replaced
// by "; " so a multi-line error stays one journal entry, and a final newline.
std::string FormatLogLine(LogLevel level, std::string_view message);

// Writes FormatLogLine(level, message) to stderr with one write(2), under a mutex, when `level`
// is at least as severe as the minimum. Thread-safe; never throws; a failed write is ignored
// (there is nowhere left to report it).
void Log(LogLevel level, std::string_view message);

template <typename... Args>
void LogError(fmt::format_string<Args...> format, Args&&... args) {
  Log(LogLevel::kError, fmt::format(format, std::forward<Args>(args)...));
}
template <typename... Args>
void LogWarning(fmt::format_string<Args...> format, Args&&... args) {
  Log(LogLevel::kWarning, fmt::format(format, std::forward<Args>(args)...));
}
template <typename... Args>
void LogInfo(fmt::format_string<Args...> format, Args&&... args) {
  Log(LogLevel::kInfo, fmt::format(format, std::forward<Args>(args)...));
}
// Formats only when debug lines are wanted: debug calls sit on busy paths.
template <typename... Args>
void LogDebug(fmt::format_string<Args...> format, Args&&... args) {
  if (GetLogLevel() < LogLevel::kDebug) return;
  Log(LogLevel::kDebug, fmt::format(format, std::forward<Args>(args)...));
}

}  // namespace tonewatch::daemon
