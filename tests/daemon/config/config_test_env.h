#pragma once

// Helpers of the config tests: a RuntimeEnv inside a temp folder (so no test reads the real
// user's config), a command line from strings, and a config file written in one call.

#include <string>
#include <string_view>
#include <vector>

#include "analyzers/base/result.h"
#include "analyzers/base/runtime_paths.h"
#include "daemon/config/daemon_args.h"
#include "tests/support/test_support.h"

namespace tonewatch::daemon::testing {

// An environment whose $HOME is `dir`/home and whose XDG and systemd variables are unset.
RuntimeEnv TempEnv(const tonewatch::testing::TempDir& dir);

// ParseDaemonArgs over "tonewatchd" followed by `args`.
Result<DaemonArgs> Parse(std::vector<std::string> args, const RuntimeEnv& env);

// Writes `toml` to `dir`/`name` and returns the path.
std::string WriteConfig(const tonewatch::testing::TempDir& dir, std::string_view name,
                        std::string_view toml);

// The error's ToString(), or "(no error)" when `result` holds a value: for EXPECT_THAT-free
// assertions on error text.
template <typename T>
std::string ErrorText(const Result<T>& result) {
  return result ? std::string("(no error)") : result.error().ToString();
}

}  // namespace tonewatch::daemon::testing
