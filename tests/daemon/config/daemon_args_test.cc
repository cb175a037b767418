#include "daemon/config/daemon_args.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "tests/daemon/config/config_test_env.h"

namespace tonewatch::daemon {
namespace {

namespace fs = std::filesystem;
using testing::ErrorText;
using testing::Parse;
using testing::TempEnv;
using testing::WriteConfig;
using tonewatch::testing::TempDir;

TEST(ConfigArgs, FlagOverridesFile) {
  TempDir dir;
  const std::string file = WriteConfig(dir, "d.toml", R"(
watch = ["/mail/a"]
socket = "/run/file.sock"
workers = 3
rescan_minutes = 30
[thread]
hot_heat = 50
unanswered_hours = 8
)");
  auto args = Parse({"--config", file, "--socket", "/run/flag.sock", "--workers", "5", "--hot-heat",
                     "60", "--unanswered-hours", "0.5"},
                    TempEnv(dir));
  ASSERT_TRUE(args) << ErrorText(args);
  const DaemonConfig& config = args->config;
  EXPECT_EQ(config.socket, "/run/flag.sock");
  EXPECT_EQ(config.workers, 5);
  EXPECT_EQ(config.thread.hot_heat, 60);
  EXPECT_EQ(config.thread.unanswered_after_ms, 30 * 60 * 1000);
  // What no flag names stays the file's.
  EXPECT_EQ(config.watch, std::vector<std::string>{"/mail/a"});
  EXPECT_EQ(config.rescan_interval, std::chrono::minutes(30));
  EXPECT_EQ(config.config_file, file);
}

TEST(ConfigArgs, RepeatedWatchAndMeAccumulateAndReplaceTheFileLists) {
  TempDir dir;
  const std::string file =
      WriteConfig(dir, "d.toml", "watch = [\"/mail/file\"]\nme = [\"file@example.com\"]\n");
  auto args = Parse({"--config", file, "--watch", "/mail/a", "--watch=/mail/b", "--me",
                     "ana@example.com", "--me", "Ana Example"},
                    TempEnv(dir));
  ASSERT_TRUE(args) << ErrorText(args);
  EXPECT_EQ(args->config.watch, (std::vector<std::string>{"/mail/a", "/mail/b"}));
  EXPECT_EQ(args->config.me, (std::vector<std::string>{"ana@example.com", "Ana Example"}));
}

TEST(ConfigArgs, SameWatchFolderTwiceIsWatchedOnce) {
  TempDir dir;
  auto args =
      Parse({"--watch", "/mail/a", "--watch", "/mail/a/", "--watch", "/mail/b"}, TempEnv(dir));
  ASSERT_TRUE(args) << ErrorText(args);
  EXPECT_EQ(args->config.watch, (std::vector<std::string>{"/mail/a", "/mail/b"}));
}

TEST(ConfigArgs, MissingConfigFileIsAnErrorNamingIt) {
  TempDir dir;
  const std::string missing = dir.File("nope.toml");
  auto args = Parse({"--config", missing, "--watch", "/mail"}, TempEnv(dir));
  ASSERT_FALSE(args);
  EXPECT_EQ(args.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(args.error().where, missing);
  EXPECT_NE(ErrorText(args).find("no such config file"), std::string::npos) << ErrorText(args);
}

TEST(ConfigArgs, AbsentDefaultConfigFileIsFine) {
  TempDir dir;
  auto args = Parse({"--watch", "/mail"}, TempEnv(dir));
  ASSERT_TRUE(args) << ErrorText(args);
  EXPECT_EQ(args->config.config_file, "");
}

TEST(ConfigArgs, DefaultConfigFileIsReadFromXdgConfigHome) {
  TempDir dir;
  RuntimeEnv env = TempEnv(dir);
  env.xdg_config_home = dir.File("cfg");
  const std::string file =
      WriteConfig(dir, "cfg/tonewatch/tonewatchd.toml", "watch = [\"mail\"]\nworkers = 2\n");
  auto args = Parse({}, env);
  ASSERT_TRUE(args) << ErrorText(args);
  EXPECT_EQ(args->config.config_file, file);
  EXPECT_EQ(args->config.workers, 2);
  // Relative to the file's folder, not the working folder.
  EXPECT_EQ(args->config.watch, std::vector<std::string>{dir.File("cfg/tonewatch/mail")});
}

TEST(ConfigArgs, DefaultsFollowXdgVariables) {
  TempDir dir;
  RuntimeEnv env = TempEnv(dir);
  env.xdg_runtime_dir = "/run/user/4242";
  env.xdg_state_home = "/state";
  auto args = Parse({"--watch", "/mail"}, env);
  ASSERT_TRUE(args) << ErrorText(args);
  EXPECT_EQ(args->config.socket, "/run/user/4242/tonewatch/tonewatchd.sock");
  EXPECT_EQ(args->config.database, "/state/tonewatch/tonewatch.db");
  EXPECT_EQ(args->config.workers, DefaultWorkers());
  EXPECT_GE(args->config.workers, 1);
  EXPECT_LE(args->config.workers, 8);
  EXPECT_EQ(args->config.rescan_interval, std::chrono::minutes(10));
  EXPECT_EQ(args->config.thread.hot_heat, ThreadModelOptions{}.hot_heat);
}

TEST(ConfigArgs, DefaultsWithoutXdgFallBackToHomeAndTmp) {
  TempDir dir;
  auto args = Parse({"--watch", "/mail"}, TempEnv(dir));
  ASSERT_TRUE(args) << ErrorText(args);
  EXPECT_EQ(args->config.socket, "/tmp/tonewatch-4242/tonewatchd.sock");
  EXPECT_EQ(args->config.database, dir.File("home/.local/state/tonewatch/tonewatch.db"));
}

TEST(ConfigArgs, DefaultsFollowSystemdDirectories) {
  TempDir dir;
  RuntimeEnv env = TempEnv(dir);
  env.xdg_runtime_dir = "/run/user/4242";
  env.runtime_directory = "/run/tonewatch/ana";
  env.state_directory = "/var/lib/tonewatch/ana";
  env.configuration_directory = dir.File("etc");
  WriteConfig(dir, "etc/tonewatchd.toml", "watch = [\"/home/ana/Mail\"]\n");
  auto args = Parse({}, env);
  ASSERT_TRUE(args) << ErrorText(args);
  EXPECT_EQ(args->config.socket, "/run/tonewatch/ana/tonewatchd.sock");
  EXPECT_EQ(args->config.database, "/var/lib/tonewatch/ana/tonewatch.db");
  EXPECT_EQ(args->config.config_file, dir.File("etc/tonewatchd.toml"));
  EXPECT_EQ(args->config.watch, std::vector<std::string>{"/home/ana/Mail"});
}

TEST(ConfigArgs, NoWatchFolderIsAnErrorWithAHint) {
  TempDir dir;
  auto args = Parse({}, TempEnv(dir));
  ASSERT_FALSE(args);
  EXPECT_EQ(args.error().code, ErrorCode::kUsage);
  EXPECT_EQ(args.error().message, "no folder to watch");
  EXPECT_NE(args.error().hint.find("--watch"), std::string::npos) << args.error().hint;
  // The hint names the file the user would edit.
  EXPECT_NE(args.error().hint.find(dir.File("home/.config/tonewatch/tonewatchd.toml")),
            std::string::npos)
      << args.error().hint;
}

TEST(ConfigArgs, EmptyWatchListInFileIsNoWatchFolder) {
  TempDir dir;
  const std::string file = WriteConfig(dir, "d.toml", "watch = []\n");
  auto args = Parse({"--config", file}, TempEnv(dir));
  ASSERT_FALSE(args);
  EXPECT_EQ(args.error().message, "no folder to watch");
  EXPECT_NE(args.error().hint.find(file), std::string::npos) << args.error().hint;
}

TEST(ConfigArgs, RelativeAndTildeFlagPaths) {
  TempDir dir;
  const fs::path before = fs::current_path();
  fs::current_path(dir.path());
  auto args = Parse({"--watch", "mail/../Mail", "--database", "~/db/t.db", "--lexicons", "~"},
                    TempEnv(dir));
  fs::current_path(before);
  ASSERT_TRUE(args) << ErrorText(args);
  EXPECT_EQ(args->config.watch, std::vector<std::string>{dir.File("Mail")});
  EXPECT_EQ(args->config.database, dir.File("home/db/t.db"));
  EXPECT_EQ(args->config.lexicons, dir.File("home"));
}

TEST(ConfigArgs, BadFlagsAreUsageErrors) {
  TempDir dir;
  const std::vector<std::vector<std::string>> cases = {
      {"--watch", "/m", "--workers", "0"},
      {"--watch", "/m", "--hot-heat", "101"},
      {"--watch", "/m", "--unanswered-hours", "-1"},
      {"--watch", "/m", "--rescan-minutes", "many"},
      {"--watch", "/m", "--log-level", "loud"},
      {"--watch", "/m", "--bogus"},
      {"stray"},
  };
  for (const auto& argv : cases) {
    SCOPED_TRACE(argv.back());
    auto args = Parse(argv, TempEnv(dir));
    ASSERT_FALSE(args);
    EXPECT_EQ(args.error().code, ErrorCode::kUsage) << ErrorText(args);
    EXPECT_NE(args.error().hint.find("--help"), std::string::npos);
  }
}

TEST(ConfigArgs, LogLevelFlag) {
  TempDir dir;
  auto args = Parse({"--watch", "/m", "--log-level", "debug"}, TempEnv(dir));
  ASSERT_TRUE(args) << ErrorText(args);
  EXPECT_EQ(args->config.log_level, LogLevel::kDebug);
}

TEST(ConfigArgs, HelpIsReturnedNotPrinted) {
  TempDir dir;
  RuntimeEnv env = TempEnv(dir);
  env.xdg_runtime_dir = "/run/user/4242";
  // No watch folder: --help must not need a valid configuration.
  auto args = Parse({"--help"}, env);
  ASSERT_TRUE(args) << ErrorText(args);
  ASSERT_TRUE(args->print_and_exit);
  const std::string& help = *args->print_and_exit;
  for (const char* needle :
       {"--watch", "--config", "--unanswered-hours", "SIGHUP", "SIGTERM", "Exit codes",
        "$XDG_RUNTIME_DIR", "$STATE_DIRECTORY", "/run/user/4242/tonewatch/tonewatchd.sock"}) {
    EXPECT_NE(help.find(needle), std::string::npos) << needle;
  }
}

TEST(ConfigArgs, VersionIsReturnedNotPrinted) {
  TempDir dir;
  auto args = Parse({"--version"}, TempEnv(dir));
  ASSERT_TRUE(args) << ErrorText(args);
  ASSERT_TRUE(args->print_and_exit);
  EXPECT_EQ(*args->print_and_exit, std::string("tonewatchd ") + TONEWATCH_VERSION + "\n");
}

TEST(ConfigArgs, ExitCodesOfLaterErrors) {
  EXPECT_EQ(DaemonExitCodeFor(ErrorCode::kUsage), kDaemonExitUsage);
  EXPECT_EQ(DaemonExitCodeFor(ErrorCode::kBadLexicon), kDaemonExitLexicon);
  EXPECT_EQ(DaemonExitCodeFor(ErrorCode::kUnreadable), kDaemonExitRuntime);
  EXPECT_EQ(DaemonExitCodeFor(ErrorCode::kNotFound), kDaemonExitRuntime);
  EXPECT_EQ(DaemonExitCodeFor(ErrorCode::kInternal), kDaemonExitInternal);
}

}  // namespace
}  // namespace tonewatch::daemon
