// The daemon commands of the real `tonewatch` binary against a fake daemon: the request each
// command and flag sends, what a person and a script see, and the exit codes.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
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

json FlaggedResult() {
  return json{{"total", 3},
              {"offset", 0},
              {"limit", 1},
              {"threads", json::array({testing::SampleThread()})}};
}

TEST(FlaggedCommand, SendsEveryFilter) {
  TempDir dir;
  FakeDaemon daemon(dir.File("d.sock"), OkLine(FlaggedResult()));
  const RunResult r =
      Ask(daemon.path(),
          {"flagged", "--since", "2024-05-01", "--min-heat", "40", "--category", "ultimatum",
           "--counterpart", "dana", "--folder", "/mail/clients", "--limit", "1", "--page", "2"});
  ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
  EXPECT_EQ(Sent(daemon), Request("flagged", {{"since", "2024-05-01"},
                                              {"min_heat", 40},
                                              {"category", "ultimatum"},
                                              {"counterpart", "dana"},
                                              {"folder", "/mail/clients"},
                                              {"limit", 1},
                                              {"offset", 1}}));
}

TEST(FlaggedCommand, TextShowsWhyAndWhereToLookNext) {
  TempDir dir;
  FakeDaemon daemon(dir.File("d.sock"), OkLine(FlaggedResult()));
  const RunResult r = Ask(daemon.path(), {"flagged"});
  ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
  EXPECT_EQ(Sent(daemon), Request("flagged"));
  for (const char* item :
       {"heat 70/100 · rising · Invoice 4411", "with Dana Client <dana@client.example>",
        "take this off email", "heat rose over three messages",
        "Could we talk this through on a call today?", "accusation.you-never", "\"you never\"",
        "I haven't received it yet.", "tonewatch thread T1",
        "showing 1-1 of 3; --offset 1 for more"}) {
    EXPECT_TRUE(Contains(r.out, item)) << item << "\n" << Describe(r);
  }
  EXPECT_FALSE(Contains(r.out, "\x1b[")) << "no colour when stdout is not a terminal";
  // The hottest message comes first.
  EXPECT_LT(r.out.find("m2@client.example"), r.out.find("m1@client.example"));
}

TEST(FlaggedCommand, ColorAlwaysHighlights) {
  TempDir dir;
  FakeDaemon daemon(dir.File("d.sock"), OkLine(FlaggedResult()));
  const RunResult r = Ask(daemon.path(), {"flagged", "--color", "always"});
  ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
  EXPECT_TRUE(Contains(r.out, "\x1b[1;31m")) << Describe(r);
}

TEST(FlaggedCommand, JsonIsTheDaemonsResult) {
  TempDir dir;
  FakeDaemon daemon(dir.File("d.sock"), OkLine(FlaggedResult()));
  const RunResult r = Ask(daemon.path(), {"flagged", "--format=json"});
  ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
  ASSERT_FALSE(r.out.empty());
  EXPECT_EQ(r.out.back(), '\n');
  EXPECT_EQ(json::parse(r.out), FlaggedResult());
}

TEST(FlaggedCommand, OffsetAndPageExcludeEachOther) {
  TempDir dir;
  FakeDaemon daemon(dir.File("d.sock"), OkLine(FlaggedResult()));
  const RunResult r = Ask(daemon.path(), {"flagged", "--offset", "50", "--page", "2"});
  EXPECT_EQ(r.exit_code, kExitUsage) << Describe(r);
  EXPECT_TRUE(daemon.Requests().empty());
}

TEST(FlaggedCommand, UnknownCategoryIsRefusedBeforeAsking) {
  TempDir dir;
  FakeDaemon daemon(dir.File("d.sock"), OkLine(FlaggedResult()));
  const RunResult r = Ask(daemon.path(), {"flagged", "--category", "rudeness"});
  EXPECT_EQ(r.exit_code, kExitUsage) << Describe(r);
  EXPECT_TRUE(daemon.Requests().empty());
}

TEST(ThreadCommand, ShowsEveryMessagePlanAndFingerprints) {
  TempDir dir;
  FakeDaemon daemon(dir.File("d.sock"), OkLine(testing::SampleThread()));
  const RunResult r = Ask(daemon.path(), {"thread", "T1"});
  ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
  EXPECT_EQ(Sent(daemon), Request("thread", {{"id", "T1"}}));
  for (const char* item :
       {"Invoice 4411", "message m1@client.example", "message m2@client.example", "**ASAP**",
        "pressure.asap", "reply plan", "Acknowledge the frustration.", "take this off email",
        "rising", "tonewatch suppress --finding", "f00000000000000b2"}) {
    EXPECT_TRUE(Contains(r.out, item)) << item << "\n" << Describe(r);
  }
}

TEST(ThreadCommand, JsonIsTheDaemonsResult) {
  TempDir dir;
  FakeDaemon daemon(dir.File("d.sock"), OkLine(testing::SampleThread()));
  const RunResult r = Ask(daemon.path(), {"thread", "T1", "--format", "json"});
  ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
  EXPECT_EQ(json::parse(r.out), testing::SampleThread());
}

TEST(ThreadCommand, NotFoundExitsThreeWithTheDaemonsMessage) {
  TempDir dir;
  FakeDaemon daemon(dir.File("d.sock"), testing::ErrorLine("not-found", "no thread T9"));
  const RunResult r = Ask(daemon.path(), {"thread", "T9"});
  EXPECT_EQ(r.exit_code, kExitNotFound) << Describe(r);
  EXPECT_TRUE(Contains(r.err, "no thread T9")) << Describe(r);
  EXPECT_TRUE(r.out.empty());
}

TEST(MessageCommand, ShowsWhereTheMessageCameFrom) {
  TempDir dir;
  const json result = {{"thread", "T1"},
                       {"subject", "Invoice 4411"},
                       {"path", "/mail/inbox.mbox"},
                       {"source_offset", 5120},
                       {"lexicon", "lex123"},
                       {"message", testing::SampleThread()["messages"][1]}};
  FakeDaemon daemon(dir.File("d.sock"), OkLine(result));
  const RunResult r = Ask(daemon.path(), {"message", "m2@client.example"});
  ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
  EXPECT_EQ(Sent(daemon), Request("message", {{"id", "m2@client.example"}}));
  for (const char* item : {"message m2@client.example from Dana", "/mail/inbox.mbox (byte 5120)",
                           "lexicon lex123", "thread T1", "**you never**", "f00000000000000b1"}) {
    EXPECT_TRUE(Contains(r.out, item)) << item << "\n" << Describe(r);
  }
}

TEST(StatusCommand, TextShowsCountsQueueLexiconAndFolders) {
  TempDir dir;
  FakeDaemon daemon(dir.File("d.sock"), OkLine(testing::SampleStatus()));
  const RunResult r = Ask(daemon.path(), {"status"});
  ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
  EXPECT_EQ(Sent(daemon), Request("status"));
  for (const char* item : {"120 in 45 threads", "4 files waiting", "2 failed", "lex123",
                           "/home/me/Mail", "/home/me/calls"}) {
    EXPECT_TRUE(Contains(r.out, item)) << item << "\n" << Describe(r);
  }
}

TEST(StatusCommand, ListsFailedFilesWhenTheDaemonDoes) {
  TempDir dir;
  json status = testing::SampleStatus();
  status["failures"] = {{{"path", "/mail/broken.mbox"}, {"error", "empty mbox"}}};
  FakeDaemon daemon(dir.File("d.sock"), OkLine(status));
  const RunResult r = Ask(daemon.path(), {"status"});
  ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
  EXPECT_TRUE(Contains(r.out, "/mail/broken.mbox: empty mbox")) << Describe(r);
}

TEST(StatusCommand, ShowsProgressWhenTheDaemonSendsIt) {
  TempDir dir;
  json status = testing::SampleStatus();
  status["progress"] = {
      {"in_progress", 2}, {"files_read", 17}, {"messages_stored", 940}, {"scanning", true}};
  FakeDaemon daemon(dir.File("d.sock"), OkLine(status));
  const RunResult r = Ask(daemon.path(), {"status"});
  ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
  EXPECT_TRUE(Contains(r.out, "scanning the folders; 2 being read; 17 files read, 940 messages"))
      << Describe(r);
}

TEST(StatusCommand, JsonIsTheDaemonsResult) {
  TempDir dir;
  FakeDaemon daemon(dir.File("d.sock"), OkLine(testing::SampleStatus()));
  const RunResult r = Ask(daemon.path(), {"status", "--format=json"});
  ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
  const json out = json::parse(r.out);
  EXPECT_EQ(out, testing::SampleStatus());
  EXPECT_EQ(out.at("failed_files"), 2);
}

TEST(StatusCommand, DefaultSocketIsUnderXdgRuntimeDir) {
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "tonewatch");
  FakeDaemon daemon(dir.File("tonewatch/tonewatchd.sock"), OkLine(testing::SampleStatus()));
  const RunResult r =
      Tonewatch({"status"}, {{"XDG_RUNTIME_DIR", dir.path().string()}, {"RUNTIME_DIRECTORY", ""}});
  ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
  EXPECT_EQ(Sent(daemon), Request("status"));
}

}  // namespace
}  // namespace tonewatch
