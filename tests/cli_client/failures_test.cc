// The daemon commands of the real `tonewatch` binary when things go wrong, and the suppression
// and reload commands: no daemon, a silent one, a garbled answer, and each refusal's exit code.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/cli_client/fake_daemon.h"
#include "tests/cli_client/responses.h"
#include "tests/e2e/run_process.h"
#include "tests/support/test_support.h"

namespace tonewatch {
namespace {

using json = nlohmann::json;
using testing::Ask;
using testing::Contains;
using testing::Describe;
using testing::FakeDaemon;
using testing::OkLine;
using testing::Request;
using testing::RunResult;
using testing::Sent;
using testing::TempDir;
using testing::Tonewatch;

using namespace testing::exit_codes;

TEST(NoDaemon, EveryCommandExitsSixNamingSocketAndStartCommand) {
  TempDir dir;
  const std::string socket = dir.File("absent.sock");
  const std::vector<std::vector<std::string>> commands = {{"flagged"},
                                                          {"thread", "T1"},
                                                          {"message", "m1"},
                                                          {"status"},
                                                          {"suppress", "--rule", "r"},
                                                          {"unsuppress", "7"},
                                                          {"suppressions"},
                                                          {"reload"}};
  for (const auto& command : commands) {
    SCOPED_TRACE(command.front());
    const RunResult r = Ask(socket, command);
    EXPECT_EQ(r.exit_code, kExitNoDaemon) << Describe(r);
    EXPECT_TRUE(Contains(r.err, socket)) << Describe(r);
    EXPECT_TRUE(Contains(r.err, "systemctl --user start tonewatchd")) << Describe(r);
    EXPECT_TRUE(Contains(r.err, "tonewatchd --watch DIR")) << Describe(r);
  }
}

TEST(NoDaemon, LeftOverSocketExitsSix) {
  TempDir dir;
  const std::string socket = dir.File("stale.sock");
  testing::LeaveStaleSocket(socket);
  const RunResult r = Ask(socket, {"status"});
  EXPECT_EQ(r.exit_code, kExitNoDaemon) << Describe(r);
  EXPECT_TRUE(Contains(r.err, "not running")) << Describe(r);
}

TEST(SilentDaemon, TimeoutExitsSixAndSaysSo) {
  TempDir dir;
  FakeDaemon daemon(dir.File("d.sock"), "", FakeDaemon::Mode::kSilent);
  const RunResult r = Ask(daemon.path(), {"status", "--timeout", "1"});
  EXPECT_EQ(r.exit_code, kExitNoDaemon) << Describe(r);
  EXPECT_TRUE(Contains(r.err, "within 1 s")) << Describe(r);
  EXPECT_TRUE(Contains(r.err, daemon.path())) << Describe(r);
}

TEST(GarbledAnswer, NotJsonExitsFive) {
  TempDir dir;
  FakeDaemon daemon(dir.File("d.sock"), "SSH-2.0-OpenSSH_9.2");
  const RunResult r = Ask(daemon.path(), {"status"});
  EXPECT_EQ(r.exit_code, kExitInternal) << Describe(r);
  EXPECT_TRUE(Contains(r.err, "not JSON")) << Describe(r);
  EXPECT_TRUE(Contains(r.err, "SSH-2.0")) << Describe(r);
}

TEST(GarbledAnswer, ResultOfTheWrongShapeExitsFive) {
  TempDir dir;
  FakeDaemon daemon(dir.File("d.sock"), OkLine(json{{"total", "many"}}));
  const RunResult r = Ask(daemon.path(), {"flagged"});
  EXPECT_EQ(r.exit_code, kExitInternal) << Describe(r);
  EXPECT_TRUE(Contains(r.err, "flagged result")) << Describe(r);
}

TEST(GarbledAnswer, OtherProtocolVersionExitsFiveAndNamesBoth) {
  TempDir dir;
  FakeDaemon daemon(dir.File("d.sock"), R"({"v":2,"id":1,"ok":true,"result":{}})");
  const RunResult r = Ask(daemon.path(), {"status"});
  EXPECT_EQ(r.exit_code, kExitInternal) << Describe(r);
  EXPECT_TRUE(Contains(r.err, "protocol v2; this tonewatch speaks v1")) << Describe(r);
}

TEST(DaemonRefusal, BadRequestExitsTwoWithTheDaemonsMessage) {
  TempDir dir;
  FakeDaemon daemon(dir.File("d.sock"),
                    testing::ErrorLine("bad-request", "flagged: \"since\" is not a date"));
  const RunResult r = Ask(daemon.path(), {"flagged", "--since", "yesterday"});
  EXPECT_EQ(r.exit_code, kExitUsage) << Describe(r);
  EXPECT_TRUE(Contains(r.err, "\"since\" is not a date")) << Describe(r);
}

TEST(DaemonRefusal, InternalExitsFive) {
  TempDir dir;
  FakeDaemon daemon(dir.File("d.sock"),
                    testing::ErrorLine("internal", "/db/tonewatch.db: database is locked"));
  const RunResult r = Ask(daemon.path(), {"status"});
  EXPECT_EQ(r.exit_code, kExitInternal) << Describe(r);
  EXPECT_TRUE(Contains(r.err, "database is locked")) << Describe(r);
}

TEST(SuppressCommand, RuleEverywhereWithNote) {
  TempDir dir;
  FakeDaemon daemon(dir.File("d.sock"), OkLine(testing::SampleChange(true)));
  const RunResult r =
      Ask(daemon.path(), {"suppress", "--rule", "accusation.you-never", "--note", "her style"});
  ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
  EXPECT_EQ(Sent(daemon),
            Request("suppress", {{"rule", "accusation.you-never"}, {"note", "her style"}}));
  for (const char* item : {"suppressed rule accusation.you-never everywhere", "suppression 7",
                           "12 message(s) in 2 thread(s) changed", "tonewatch unsuppress 7"}) {
    EXPECT_TRUE(Contains(r.out, item)) << item << "\n" << Describe(r);
  }
}

TEST(SuppressCommand, RuleInThreadAndOneFinding) {
  TempDir dir;
  {
    FakeDaemon daemon(dir.File("a.sock"), OkLine(testing::SampleChange(true)));
    const RunResult r =
        Ask(daemon.path(), {"suppress", "--rule", "pressure.asap", "--thread", "T1"});
    ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
    EXPECT_EQ(Sent(daemon), Request("suppress", {{"rule", "pressure.asap"}, {"thread", "T1"}}));
  }
  FakeDaemon daemon(dir.File("b.sock"), OkLine(testing::SampleChange(false)));
  const RunResult r = Ask(daemon.path(), {"suppress", "--finding", "f00000000000000b1"});
  ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
  EXPECT_EQ(Sent(daemon), Request("suppress", {{"fingerprint", "f00000000000000b1"}}));
  EXPECT_TRUE(Contains(r.out, "already suppressed")) << Describe(r);
}

TEST(SuppressCommand, ContradictoryOrMissingFlagsAreUsageErrors) {
  TempDir dir;
  FakeDaemon daemon(dir.File("d.sock"), OkLine(testing::SampleChange(true)));
  const std::vector<std::vector<std::string>> commands = {
      {"suppress"},
      {"suppress", "--note", "why"},
      {"suppress", "--thread", "T1"},
      {"suppress", "--rule", "r", "--finding", "f1"},
      {"unsuppress"},
      {"unsuppress", "7", "--rule", "r"}};
  for (const auto& command : commands) {
    SCOPED_TRACE(fmt::format("{}", fmt::join(command, " ")));
    const RunResult r = Ask(daemon.path(), command);
    EXPECT_EQ(r.exit_code, kExitUsage) << Describe(r);
  }
  EXPECT_TRUE(daemon.Requests().empty());
}

TEST(UnsuppressCommand, ByIdAndByFlags) {
  TempDir dir;
  {
    FakeDaemon daemon(dir.File("a.sock"), OkLine(testing::SampleChange(false)));
    const RunResult r = Ask(daemon.path(), {"unsuppress", "7"});
    ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
    EXPECT_EQ(Sent(daemon), Request("unsuppress", {{"id", 7}}));
    EXPECT_TRUE(Contains(r.out, "removed suppression 7")) << Describe(r);
  }
  FakeDaemon daemon(dir.File("b.sock"), OkLine(testing::SampleChange(false)));
  const RunResult r =
      Ask(daemon.path(), {"unsuppress", "--rule", "pressure.asap", "--thread", "T1"});
  ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
  EXPECT_EQ(Sent(daemon), Request("unsuppress", {{"rule", "pressure.asap"}, {"thread", "T1"}}));
}

TEST(SuppressionsCommand, ListsEachWithItsNote) {
  TempDir dir;
  const json result = {{"suppressions", {testing::SampleChange(true)["suppression"]}}};
  FakeDaemon daemon(dir.File("d.sock"), OkLine(result));
  const RunResult r = Ask(daemon.path(), {"suppressions"});
  ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
  EXPECT_EQ(Sent(daemon), Request("suppressions"));
  for (const char* item : {"7", "2024-05-02 09:00 UTC", "rule accusation.you-never everywhere",
                           "our client's style"}) {
    EXPECT_TRUE(Contains(r.out, item)) << item << "\n" << Describe(r);
  }
}

TEST(ReloadCommand, PrintsHashAndStaleCount) {
  TempDir dir;
  FakeDaemon daemon(dir.File("d.sock"), OkLine({{"lexicon", "9f2c41"}, {"stale_messages", 812}}));
  const RunResult r = Ask(daemon.path(), {"reload"});
  ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
  EXPECT_EQ(Sent(daemon), Request("reload"));
  EXPECT_TRUE(Contains(r.out, "9f2c41")) << Describe(r);
  EXPECT_TRUE(Contains(r.out, "812 messages will be analyzed again")) << Describe(r);
}

TEST(ReloadCommand, RefusedLexiconExitsFourWithTheDaemonsReason) {
  TempDir dir;
  const std::string reason =
      "/lex/en/ultimatum.toml:12: rule ultimatum.x: bad pattern; the previous lexicon stays in use";
  FakeDaemon daemon(dir.File("d.sock"), testing::ErrorLine("reload-failed", reason));
  const RunResult r = Ask(daemon.path(), {"reload"});
  EXPECT_EQ(r.exit_code, kExitLexicon) << Describe(r);
  EXPECT_TRUE(Contains(r.err, reason)) << Describe(r);
}

TEST(DaemonHelp, ExplainsOptionsAndExitCodeSix) {
  for (const char* command : {"flagged", "thread", "message", "status", "suppress", "unsuppress",
                              "suppressions", "reload"}) {
    SCOPED_TRACE(command);
    const RunResult r = Tonewatch({command, "--help"});
    EXPECT_EQ(r.exit_code, kExitOk) << Describe(r);
    EXPECT_TRUE(Contains(r.out, "--socket")) << Describe(r);
    EXPECT_TRUE(Contains(r.out, "--timeout")) << Describe(r);
    EXPECT_TRUE(Contains(r.out, "6  tonewatchd is not running")) << Describe(r);
  }
  const RunResult top = Tonewatch({"--help"});
  EXPECT_TRUE(Contains(top.out, "6  tonewatchd is not running")) << Describe(top);
}

}  // namespace
}  // namespace tonewatch
