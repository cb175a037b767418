#include "tests/daemon/config/config_test_env.h"

namespace tonewatch::daemon::testing {

RuntimeEnv TempEnv(const tonewatch::testing::TempDir& dir) {
  RuntimeEnv env;
  env.home = (dir.path() / "home").string();
  // Not the test runner's uid: the fallback socket path must come from the env, not getuid().
  env.uid = 4242;
  return env;
}

Result<DaemonArgs> Parse(std::vector<std::string> args, const RuntimeEnv& env) {
  args.insert(args.begin(), "tonewatchd");
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  return ParseDaemonArgs(static_cast<int>(args.size()), argv.data(), env);
}

std::string WriteConfig(const tonewatch::testing::TempDir& dir, std::string_view name,
                        std::string_view toml) {
  const std::string path = dir.File(name);
  tonewatch::testing::WriteFile(path, toml);
  return path;
}

}  // namespace tonewatch::daemon::testing
