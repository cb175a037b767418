#pragma once

// tonewatchd's settings, as one value: what ParseDaemonArgs (daemon_args.h) builds from the
// defaults, the config file and the flags, in that order. Plain data; the daemon reads it at
// start-up and never writes it.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/base/runtime_paths.h"
#include "analyzers/thread/thread_model.h"
#include "daemon/config/log.h"

namespace tonewatch::daemon {

struct DaemonConfig {
  // Folders watched, with everything below them: absolute, lexically normal paths, no two the
  // same. ParseDaemonArgs guarantees at least one; whether they exist is the watcher's to say.
  std::vector<std::string> watch;
  // The Unix socket `tonewatch` talks to; default DefaultSocketPath(env).
  std::string socket;
  // The SQLite database; default DefaultDatabasePath(env).
  std::string database;
  // The user's own addresses, names or speaker names: their messages are told from the
  // counterpart's (case-insensitive, as `tonewatch analyze --me`).
  std::vector<std::string> me;
  // The lexicon folder; empty means the search order of ResolveLexiconRoot (lexicon_path.h):
  // $TONEWATCH_LEXICONS, the installed lexicons, the source tree's.
  std::string lexicons;
  // A `flagged` request that names no min_heat lists messages with at least this heat (0..100).
  int min_heat = 1;
  // The thread model's thresholds; the file's [thread] table and --hot-heat / --unanswered-hours
  // change them.
  ThreadModelOptions thread;
  // Reading and analysis threads; default DefaultWorkers().
  int workers = 1;
  // A full scan of the watched folders this often catches what inotify missed; zero means only
  // at start and when the watcher reports lost events.
  std::chrono::seconds rescan_interval{kDefaultRescanMinutes * 60};
  // Messages per store transaction, at most.
  int batch_messages = kDefaultBatchMessages;
  // Less severe log lines are dropped; the daemon passes it to SetLogLevel (log.h).
  LogLevel log_level = LogLevel::kInfo;
  // The config file that was read; empty when none was (the default file is optional).
  std::string config_file;

  static constexpr int kDefaultRescanMinutes = 10;
  // The ingester's own default (IngesterOptions::batch_messages): few enough that queries never
  // wait long behind a write transaction, enough that its fixed cost is small per message.
  static constexpr int kDefaultBatchMessages = 500;

  // The bounds the file and the flags accept. They catch typos (an extra zero), not tuning:
  // beyond them a value is almost surely a mistake.
  static constexpr int kMaxWorkers = 64;
  static constexpr int kMaxRescanMinutes = 7 * 24 * 60;
  static constexpr int kMaxBatchMessages = 100'000;
  static constexpr double kMaxHours = 24.0 * 365;  // the CLI's --unanswered-hours bound
};

// The analysis threads when none are configured: one per CPU, at least 1 and at most 8 (past a
// few threads the single store writer, not analysis, is the limit).
int DefaultWorkers();

// The defaults: socket and database from `env` (runtime_paths.h), DefaultWorkers(), no watch
// folders, the documented thresholds.
DaemonConfig DefaultDaemonConfig(const RuntimeEnv& env);

// `hours` in milliseconds, rounded: the file and the flags take hours, the thread model ms.
int64_t HoursToMs(double hours);

// `path` as an absolute, lexically normal path: "~" and "~/..." are under `env.home`, a relative
// path is under `base_dir` (which must be absolute). nullopt when `path` is empty, or starts with
// "~" while $HOME is unset. "~user/" is not expanded: it is a relative path like any other.
std::optional<std::string> ResolvePath(std::string_view path, const std::filesystem::path& base_dir,
                                       const RuntimeEnv& env);

}  // namespace tonewatch::daemon
