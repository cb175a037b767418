#include "daemon/config/daemon_config.h"

#include <algorithm>
#include <cmath>
#include <thread>

#include "analyzers/base/file.h"

namespace tonewatch::daemon {

namespace fs = std::filesystem;

int DefaultWorkers() {
  constexpr unsigned kMaxDefaultWorkers = 8;
  // hardware_concurrency() may be 0 when the count is unknown.
  const unsigned cpus = std::thread::hardware_concurrency();
  return static_cast<int>(std::clamp(cpus, 1u, kMaxDefaultWorkers));
}

DaemonConfig DefaultDaemonConfig(const RuntimeEnv& env) {
  DaemonConfig config;
  config.socket = DefaultSocketPath(env);
  config.database = DefaultDatabasePath(env);
  config.workers = DefaultWorkers();
  return config;
}

int64_t HoursToMs(double hours) { return std::llround(hours * 3600.0 * 1000.0); }

std::optional<std::string> ResolvePath(std::string_view path, const fs::path& base_dir,
                                       const RuntimeEnv& env) {
  if (path.empty()) return std::nullopt;
  fs::path resolved;
  if (path == "~" || path.starts_with("~/")) {
    if (env.home.empty()) return std::nullopt;
    resolved = fs::path(env.home) / std::string(path.substr(path == "~" ? 1 : 2));
  } else if (path.front() == '/') {
    resolved = fs::path(path);
  } else {
    resolved = base_dir / fs::path(path);
  }
  return NormalFolderPath(resolved);
}

}  // namespace tonewatch::daemon
