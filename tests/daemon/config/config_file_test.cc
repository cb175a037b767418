#include "daemon/config/config_file.h"

#include <gtest/gtest.h>

#include "tests/daemon/config/config_test_env.h"

namespace tonewatch::daemon {
namespace {

using testing::ErrorText;
using testing::TempEnv;
using testing::WriteConfig;
using tonewatch::testing::LineOf;
using tonewatch::testing::TempDir;

// Reads `toml` as the file `dir`/d.toml over the defaults.
Result<DaemonConfig> Load(const TempDir& dir, std::string_view toml) {
  const std::string path = WriteConfig(dir, "d.toml", toml);
  const RuntimeEnv env = TempEnv(dir);
  return ApplyConfigFile(path, env, DefaultDaemonConfig(env));
}

// Asserts that `toml` is refused, first on the line holding `needle`, with `reason` in the text.
void ExpectRefused(std::string_view toml, std::string_view needle, std::string_view reason) {
  TempDir dir;
  auto config = Load(dir, toml);
  ASSERT_FALSE(config) << "accepted:\n" << toml;
  EXPECT_EQ(config.error().code, ErrorCode::kBadInput);
  EXPECT_EQ(config.error().where, dir.File("d.toml") + ":" + std::to_string(LineOf(toml, needle)));
  EXPECT_NE(config.error().message.find(reason), std::string::npos) << ErrorText(config);
}

TEST(ConfigFile, EveryKeyIsRead) {
  TempDir dir;
  auto config = Load(dir, R"(watch = ["/mail/a", "/mail/b"]
me = ["ana@example.com"]
socket = "/run/t.sock"
database = "/var/t.db"
lexicons = "/usr/share/lex"
min_heat = 20
workers = 6
rescan_minutes = 0
batch_messages = 100
log_level = "warning"
[thread]
hot_heat = 55
unanswered_hours = 1.5
half_life_messages = 2
min_messages_for_trend = 4
trend_window = 8
trend_delta = 12
sustained_count = 3
sustained_window = 5
fast_messages = 10
fast_window_hours = 12
)");
  ASSERT_TRUE(config) << ErrorText(config);
  EXPECT_EQ(config->watch, (std::vector<std::string>{"/mail/a", "/mail/b"}));
  EXPECT_EQ(config->me, std::vector<std::string>{"ana@example.com"});
  EXPECT_EQ(config->socket, "/run/t.sock");
  EXPECT_EQ(config->database, "/var/t.db");
  EXPECT_EQ(config->lexicons, "/usr/share/lex");
  EXPECT_EQ(config->min_heat, 20);
  EXPECT_EQ(config->workers, 6);
  EXPECT_EQ(config->rescan_interval, std::chrono::seconds(0));
  EXPECT_EQ(config->batch_messages, 100);
  EXPECT_EQ(config->log_level, LogLevel::kWarning);
  const ThreadModelOptions& t = config->thread;
  EXPECT_EQ(t.hot_heat, 55);
  EXPECT_EQ(t.unanswered_after_ms, 90 * 60 * 1000);
  EXPECT_DOUBLE_EQ(t.half_life_messages, 2.0);
  EXPECT_EQ(t.min_messages_for_trend, 4);
  EXPECT_EQ(t.trend_window, 8);
  EXPECT_EQ(t.trend_delta, 12);
  EXPECT_EQ(t.sustained_count, 3);
  EXPECT_EQ(t.sustained_window, 5);
  EXPECT_EQ(t.fast_messages, 10);
  EXPECT_EQ(t.fast_window_ms, 12LL * 3600 * 1000);
}

TEST(ConfigFile, UnknownKeyIsRefusedWithFileAndLine) {
  TempDir dir;
  const std::string toml = "watch = [\"/m\"]\nwacth = [\"/n\"]\n";
  auto config = Load(dir, toml);
  ASSERT_FALSE(config);
  EXPECT_EQ(config.error().where, dir.File("d.toml") + ":2");
  EXPECT_NE(config.error().message.find("'wacth'"), std::string::npos) << ErrorText(config);
  // The hint lists the keys, so the typo is easy to spot.
  EXPECT_NE(config.error().hint.find("watch, me, socket"), std::string::npos)
      << config.error().hint;
}

TEST(ConfigFile, UnknownKeysAndTablesAreRefused) {
  ExpectRefused("[thread]\nhot_heat = 40\nhot = 50\n", "hot = 50", "'hot'");
  ExpectRefused("watch = [\"/m\"]\n[threads]\nhot_heat = 40\n", "[threads]", "'threads'");
}

TEST(ConfigFile, WrongTypesAreRefused) {
  ExpectRefused("workers = \"four\"\n", "workers", "'workers' must be a whole number");
  ExpectRefused("workers = 2.5\n", "workers", "'workers' must be a whole number");
  ExpectRefused("watch = \"/mail\"\n", "watch", "'watch' must be an array");
  ExpectRefused("me = [\"a\", 3]\n", "me", "not a string");
  ExpectRefused("socket = 7\n", "socket", "'socket' must be a string");
  ExpectRefused("thread = 5\n", "thread", "'thread' must be a table");
  ExpectRefused("[thread]\nunanswered_hours = \"4h\"\n", "unanswered_hours",
                "'thread.unanswered_hours' must be a number");
  ExpectRefused("log_level = \"loud\"\n", "log_level", "must be error, warning, info or debug");
}

TEST(ConfigFile, ValuesOutOfRangeAreRefused) {
  ExpectRefused("workers = 0\n", "workers", "'workers' must be from 1 to 64, not 0");
  ExpectRefused("min_heat = 101\n", "min_heat", "'min_heat' must be from 0 to 100");
  ExpectRefused("rescan_minutes = -1\n", "rescan_minutes", "'rescan_minutes' must be from 0");
  ExpectRefused("[thread]\nhot_heat = 0\n", "hot_heat", "'thread.hot_heat' must be from 1 to 100");
  ExpectRefused("[thread]\nunanswered_hours = nan\n", "unanswered_hours",
                "'thread.unanswered_hours' must be from 0");
  ExpectRefused("[thread]\nsustained_count = 4\nsustained_window = 3\n", "sustained_count",
                "is more than 'thread.sustained_window'");
}

TEST(ConfigFile, EveryProblemIsListedInLineOrder) {
  TempDir dir;
  auto config = Load(dir, "workers = 0\nwatch = [\"/m\"]\nbogus = 1\n");
  ASSERT_FALSE(config);
  EXPECT_EQ(config.error().where, dir.File("d.toml") + ":1");
  EXPECT_NE(config.error().message.find("\n" + dir.File("d.toml") + ":3: unknown field 'bogus'"),
            std::string::npos)
      << ErrorText(config);
}

TEST(ConfigFile, SyntaxErrorNamesTheLine) {
  TempDir dir;
  auto config = Load(dir, "watch = [\"/m\"]\nworkers = = 3\n");
  ASSERT_FALSE(config);
  EXPECT_EQ(config.error().code, ErrorCode::kBadInput);
  EXPECT_EQ(config.error().where, dir.File("d.toml") + ":2");
}

TEST(ConfigFile, RelativePathsAreUnderTheFilesFolder) {
  TempDir dir;
  const std::string path = WriteConfig(dir, "etc/d.toml",
                                       "watch = [\"Mail\", \"../srv/./mail\"]\n"
                                       "database = \"state/t.db\"\n");
  const RuntimeEnv env = TempEnv(dir);
  auto config = ApplyConfigFile(path, env, DefaultDaemonConfig(env));
  ASSERT_TRUE(config) << ErrorText(config);
  EXPECT_EQ(config->watch, (std::vector<std::string>{dir.File("etc/Mail"), dir.File("srv/mail")}));
  EXPECT_EQ(config->database, dir.File("etc/state/t.db"));
}

TEST(ConfigFile, TildePathsAreUnderHome) {
  TempDir dir;
  auto config = Load(dir, "watch = [\"~/Mail\", \"~\"]\nsocket = \"~/t.sock\"\n");
  ASSERT_TRUE(config) << ErrorText(config);
  EXPECT_EQ(config->watch, (std::vector<std::string>{dir.File("home/Mail"), dir.File("home")}));
  EXPECT_EQ(config->socket, dir.File("home/t.sock"));
}

TEST(ConfigFile, TildeWithoutHomeIsRefused) {
  TempDir dir;
  const std::string path = WriteConfig(dir, "d.toml", "watch = [\"~/Mail\"]\n");
  RuntimeEnv env;  // no $HOME
  auto config = ApplyConfigFile(path, env, DefaultDaemonConfig(env));
  ASSERT_FALSE(config);
  EXPECT_NE(config.error().message.find("needs $HOME"), std::string::npos) << ErrorText(config);
}

TEST(ConfigFile, KeysNotInTheFileKeepTheirValues) {
  TempDir dir;
  const RuntimeEnv env = TempEnv(dir);
  DaemonConfig base = DefaultDaemonConfig(env);
  base.me = {"kept@example.com"};
  base.thread.trend_delta = 17;
  const std::string path = WriteConfig(dir, "d.toml", "[thread]\nhot_heat = 45\n");
  auto config = ApplyConfigFile(path, env, base);
  ASSERT_TRUE(config) << ErrorText(config);
  EXPECT_EQ(config->me, base.me);
  EXPECT_EQ(config->thread.trend_delta, 17);
  EXPECT_EQ(config->thread.hot_heat, 45);
  EXPECT_EQ(config->socket, base.socket);
}

TEST(ConfigFile, DirectoryInsteadOfFileIsUnreadable) {
  TempDir dir;
  const RuntimeEnv env = TempEnv(dir);
  auto config = ApplyConfigFile(dir.path(), env, DefaultDaemonConfig(env));
  ASSERT_FALSE(config);
  EXPECT_EQ(config.error().code, ErrorCode::kUnreadable);
  EXPECT_EQ(config.error().where, dir.path().string());
}

TEST(ConfigFile, TheExampleConfigIsValid) {
  TempDir dir;
  const RuntimeEnv env = TempEnv(dir);
  auto config = ApplyConfigFile(TONEWATCH_EXAMPLE_CONFIG, env, DefaultDaemonConfig(env));
  ASSERT_TRUE(config) << ErrorText(config);
  EXPECT_EQ(config->watch.size(), 2u);
  // The example shows the defaults of the thread model.
  const ThreadModelOptions defaults;
  EXPECT_EQ(config->thread.hot_heat, defaults.hot_heat);
  EXPECT_EQ(config->thread.unanswered_after_ms, defaults.unanswered_after_ms);
  EXPECT_EQ(config->thread.fast_window_ms, defaults.fast_window_ms);
  EXPECT_DOUBLE_EQ(config->thread.half_life_messages, defaults.half_life_messages);
}

TEST(ConfigPaths, ResolvePath) {
  RuntimeEnv env;
  env.home = "/home/ana";
  struct Case {
    const char* path;
    const char* want;  // nullptr: refused
  };
  const Case cases[] = {
      {"/abs/x", "/abs/x"},
      {"rel/x", "/base/rel/x"},
      {"./a/../b/", "/base/b"},
      {"~", "/home/ana"},
      {"~/", "/home/ana"},
      {"~/Mail", "/home/ana/Mail"},
      {"~bob/x", "/base/~bob/x"},
      {"", nullptr},
      {"/", "/"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.path);
    auto got = ResolvePath(c.path, "/base", env);
    if (c.want == nullptr) {
      EXPECT_FALSE(got);
    } else {
      ASSERT_TRUE(got);
      EXPECT_EQ(*got, c.want);
    }
  }
}

}  // namespace
}  // namespace tonewatch::daemon
