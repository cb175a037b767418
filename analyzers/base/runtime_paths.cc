#include "analyzers/base/runtime_paths.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>

namespace tonewatch {
namespace {

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

// An XDG base folder: the variable when it is an absolute path (the spec says relative values
// are to be ignored), else `fallback` under $HOME.
std::string XdgBase(const std::string& value, const std::string& home, const char* fallback) {
  if (!value.empty() && value.front() == '/') return value;
  return fmt::format("{}/{}", home.empty() ? "/tmp" : home, fallback);
}

}  // namespace

RuntimeEnv RuntimeEnv::FromEnvironment() {
  RuntimeEnv env;
  env.xdg_runtime_dir = Env("XDG_RUNTIME_DIR");
  env.xdg_state_home = Env("XDG_STATE_HOME");
  env.xdg_config_home = Env("XDG_CONFIG_HOME");
  env.home = Env("HOME");
  env.runtime_directory = Env("RUNTIME_DIRECTORY");
  env.state_directory = Env("STATE_DIRECTORY");
  env.configuration_directory = Env("CONFIGURATION_DIRECTORY");
  env.uid = static_cast<unsigned>(getuid());
  return env;
}

std::string DefaultSocketPath(const RuntimeEnv& env) {
  if (!env.runtime_directory.empty())
    return fmt::format("{}/tonewatchd.sock", env.runtime_directory);
  if (!env.xdg_runtime_dir.empty() && env.xdg_runtime_dir.front() == '/') {
    return fmt::format("{}/tonewatch/tonewatchd.sock", env.xdg_runtime_dir);
  }
  return fmt::format("/tmp/tonewatch-{}/tonewatchd.sock", env.uid);
}

std::string DefaultDatabasePath(const RuntimeEnv& env) {
  if (!env.state_directory.empty()) return fmt::format("{}/tonewatch.db", env.state_directory);
  return fmt::format("{}/tonewatch/tonewatch.db",
                     XdgBase(env.xdg_state_home, env.home, ".local/state"));
}

std::string DefaultConfigPath(const RuntimeEnv& env) {
  if (!env.configuration_directory.empty()) {
    return fmt::format("{}/tonewatchd.toml", env.configuration_directory);
  }
  return fmt::format("{}/tonewatch/tonewatchd.toml",
                     XdgBase(env.xdg_config_home, env.home, ".config"));
}

}  // namespace tonewatch
