#pragma once

// tonewatchd's config file: TOML, every key optional, unknown keys refused so that a typo is not
// silently ignored. systemd/tonewatchd.toml.example documents every key.
//
//   watch = ["~/Mail/clients"]      # paths: "~/" is $HOME, relative is relative to this file
//   me = ["ana@example.com"]
//   socket, database, lexicons      # paths
//   min_heat, workers, rescan_minutes, batch_messages, log_level
//   [thread]                        # the thread model (ThreadModelOptions)
//   hot_heat, unanswered_hours, half_life_messages, min_messages_for_trend, trend_window,
//   trend_delta, sustained_count, sustained_window, fast_messages, fast_window_hours

#include <cstdint>
#include <filesystem>

#include "analyzers/base/result.h"
#include "daemon/config/daemon_config.h"

namespace tonewatch::daemon {

// The largest config file read; a config is a few hundred bytes, so anything near this is not one.
inline constexpr uintmax_t kMaxConfigFileBytes = 1 << 20;

// `base` with every key the file at `path` sets replacing its value (a list key replaces the
// whole list). Sets config_file to the file's absolute path. Errors, which leave nothing applied:
// kNotFound or kUnreadable naming the file; kBadInput for a TOML syntax error, an unknown key, a
// value of the wrong type or out of range, naming "file:line" of the first problem and listing
// any others, one "file:line: reason" per line, in the message.
Result<DaemonConfig> ApplyConfigFile(const std::filesystem::path& path, const RuntimeEnv& env,
                                     DaemonConfig base);

}  // namespace tonewatch::daemon
