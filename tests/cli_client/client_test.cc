// The daemon client's layers in process: the transport (daemon_client.h) against a fake daemon,
// the envelope (daemon_call.h), the params each command sends, and reading reports back.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/daemon_call.h"
#include "cli/daemon_client.h"
#include "cli/daemon_commands.h"
#include "cli/daemon_report.h"
#include "cli/exit_codes.h"
#include "tests/cli_client/fake_daemon.h"
#include "tests/cli_client/responses.h"
#include "tests/support/test_support.h"

namespace tonewatch::cli {
namespace {

using json = nlohmann::json;
using testing::Contains;
using testing::FakeDaemon;
using testing::TempDir;

// Short, so a test of a silent daemon ends quickly; the outcome, not the time, is asserted.
constexpr std::chrono::milliseconds kShortTimeout{300};
constexpr std::chrono::milliseconds kLongTimeout{60'000};

DaemonEndpoint At(const std::string& path, std::chrono::milliseconds timeout = kLongTimeout) {
  return DaemonEndpoint{path, timeout};
}

TEST(DaemonClient, SendsOneLineAndReadsOneLine) {
  TempDir dir;
  FakeDaemon daemon(dir.File("d.sock"), "{\"answer\":1}\nnot this line");
  auto line = ExchangeLine(At(daemon.path()), "{\"question\":1}");
  ASSERT_TRUE(line) << line.error().ToString();
  EXPECT_EQ(*line, "{\"answer\":1}");
  EXPECT_EQ(daemon.Requests(), std::vector<std::string>{"{\"question\":1}"});
}

TEST(DaemonClient, LongAnswerArrivesWhole) {
  TempDir dir;
  // Far more than one socket buffer, so the answer arrives in many reads.
  const std::string answer = "\"" + std::string(3 << 20, 'a') + "\"";
  FakeDaemon daemon(dir.File("d.sock"), answer);
  auto line = ExchangeLine(At(daemon.path()), "{}");
  ASSERT_TRUE(line) << line.error().ToString();
  EXPECT_EQ(*line, answer);
}

TEST(DaemonClient, MissingSocketSaysHowToStartTheDaemon) {
  TempDir dir;
  const std::string path = dir.File("absent.sock");
  auto line = ExchangeLine(At(path), "{}");
  ASSERT_FALSE(line);
  EXPECT_EQ(line.error().code, ErrorCode::kUnreadable);
  EXPECT_EQ(ExitCodeForDaemon(line.error().code), kExitNoDaemon);
  EXPECT_EQ(line.error().where, path);
  EXPECT_TRUE(Contains(line.error().ToString(), "not running")) << line.error().ToString();
  EXPECT_TRUE(Contains(line.error().hint, "systemctl --user start tonewatchd"));
  EXPECT_TRUE(Contains(line.error().hint, "tonewatchd --watch DIR"));
}

TEST(DaemonClient, LeftOverSocketIsRefusedAsNotRunning) {
  TempDir dir;
  const std::string path = dir.File("stale.sock");
  testing::LeaveStaleSocket(path);
  auto line = ExchangeLine(At(path), "{}");
  ASSERT_FALSE(line);
  EXPECT_EQ(line.error().code, ErrorCode::kUnreadable);
  EXPECT_TRUE(Contains(line.error().message, "nothing listens")) << line.error().ToString();
  EXPECT_TRUE(Contains(line.error().hint, "systemctl --user start tonewatchd"));
}

TEST(DaemonClient, SilentDaemonTimesOut) {
  TempDir dir;
  FakeDaemon daemon(dir.File("d.sock"), "", FakeDaemon::Mode::kSilent);
  auto line = ExchangeLine(At(daemon.path(), kShortTimeout), "{\"method\":\"status\"}");
  ASSERT_FALSE(line);
  EXPECT_EQ(line.error().code, ErrorCode::kUnreadable);
  EXPECT_TRUE(Contains(line.error().message, "within 0.3 s")) << line.error().ToString();
  EXPECT_TRUE(Contains(line.error().hint, "--timeout"));
}

TEST(DaemonClient, ClosedWithoutAnswerIsReported) {
  TempDir dir;
  FakeDaemon daemon(dir.File("d.sock"), "", FakeDaemon::Mode::kClose);
  auto line = ExchangeLine(At(daemon.path()), "{}");
  ASSERT_FALSE(line);
  EXPECT_EQ(line.error().code, ErrorCode::kUnreadable);
  EXPECT_TRUE(Contains(line.error().message, "closed the connection without answering"))
      << line.error().ToString();
}

TEST(DaemonClient, TooLongSocketPathIsAUsageError) {
  auto line = ExchangeLine(At("/tmp/" + std::string(200, 'x') + ".sock"), "{}");
  ASSERT_FALSE(line);
  EXPECT_EQ(line.error().code, ErrorCode::kUsage);
  EXPECT_TRUE(Contains(line.error().message, "too long")) << line.error().ToString();
}

TEST(DaemonCall, RequestLineIsTheProtocolsEnvelope) {
  EXPECT_EQ(RequestLine("status", Json::object()),
            R"({"v":1,"id":1,"method":"status","params":{}})");
  EXPECT_EQ(RequestLine("thread", Json{{"id", "T1"}}),
            R"({"v":1,"id":1,"method":"thread","params":{"id":"T1"}})");
}

TEST(DaemonCall, CallReturnsTheResult) {
  TempDir dir;
  FakeDaemon daemon(dir.File("d.sock"), testing::OkLine(testing::SampleStatus()));
  auto result = CallDaemon(At(daemon.path()), "status", Json::object());
  ASSERT_TRUE(result) << result.error().ToString();
  EXPECT_EQ(json::parse(result->dump()), testing::SampleStatus());
  EXPECT_EQ(daemon.Requests().at(0), R"({"v":1,"id":1,"method":"status","params":{}})");
}

TEST(DaemonCall, DaemonErrorCodesMapToExitCodes) {
  struct Case {
    const char* code;
    int exit;
  };
  const Case cases[] = {{"bad-request", kExitUsage},       {"not-found", kExitInput},
                        {"reload-failed", kExitLexicon},   {"internal", kExitInternal},
                        {"unknown-method", kExitInternal}, {"unsupported-version", kExitInternal},
                        {"something-new", kExitInternal}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.code);
    auto result = ReadResponse(testing::ErrorLine(c.code, "the daemon's words"), "sock");
    ASSERT_FALSE(result);
    EXPECT_EQ(ExitCodeForDaemon(result.error().code), c.exit);
    EXPECT_TRUE(Contains(result.error().message, "the daemon's words"));
    EXPECT_EQ(result.error().where, "sock");
  }
}

TEST(DaemonCall, UnreadableAnswersAreInternalErrorsThatQuoteThem) {
  struct Case {
    const char* line;
    const char* says;
  };
  const Case cases[] = {
      {"HTTP/1.1 400 Bad Request", "not JSON: \"HTTP/1.1 400 Bad Request\""},
      {"[1,2]", "not a JSON object"},
      {R"({"ok":true,"result":{}})", "no \"v\""},
      {R"({"v":1,"id":1})", "no \"ok\""},
      {R"({"v":1,"id":1,"ok":true})", "without a \"result\""},
      {R"({"v":1,"id":1,"ok":false})", "without an \"error\" object"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    auto result = ReadResponse(c.line, "sock");
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::kInternal);
    EXPECT_TRUE(Contains(result.error().message, c.says)) << result.error().ToString();
  }
}

TEST(DaemonCall, AnotherProtocolVersionIsNamed) {
  auto result = ReadResponse(R"({"v":2,"id":1,"ok":true,"result":{}})", "sock");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::kInternal);
  EXPECT_TRUE(Contains(result.error().message, "speaks protocol v2; this tonewatch speaks v1"))
      << result.error().ToString();
  EXPECT_TRUE(Contains(result.error().hint, "same version"));
}

TEST(FlaggedParams, OnlyGivenFiltersAreSent) {
  EXPECT_EQ(json::parse(FlaggedParams({})->dump()), json::object());
  FlaggedOptions all;
  all.since = "2024-05-01";
  all.min_heat = 40;
  all.category = "ultimatum";
  all.counterpart = "dana";
  all.folder = "/mail/clients/";
  all.limit = 10;
  all.offset = 20;
  EXPECT_EQ(json::parse(FlaggedParams(all)->dump()), (json{{"since", "2024-05-01"},
                                                           {"min_heat", 40},
                                                           {"category", "ultimatum"},
                                                           {"counterpart", "dana"},
                                                           {"folder", "/mail/clients"},
                                                           {"limit", 10},
                                                           {"offset", 20}}));
}

TEST(FlaggedParams, UnixMillisecondsAreSentAsANumber) {
  FlaggedOptions options;
  options.since = "1714521600000";
  EXPECT_EQ(json::parse(FlaggedParams(options)->dump()), (json{{"since", 1714521600000}}));
}

TEST(FlaggedParams, PageBecomesAnOffset) {
  FlaggedOptions third;
  third.page = 3;
  EXPECT_EQ(json::parse(FlaggedParams(third)->dump()), (json{{"offset", 100}}));
  third.limit = 7;
  EXPECT_EQ(json::parse(FlaggedParams(third)->dump()), (json{{"limit", 7}, {"offset", 14}}));
}

TEST(FlaggedParams, RelativeFolderIsMadeAbsolute) {
  FlaggedOptions options;
  options.folder = "mail/./clients";
  const std::string expected = (std::filesystem::current_path() / "mail/clients").string();
  EXPECT_EQ(FlaggedParams(options)->at("folder").get<std::string>(), expected);
}

TEST(SuppressParams, EachKindSendsItsFields) {
  SuppressOptions rule;
  rule.rule = "accusation.you-never";
  rule.note = "her style";
  EXPECT_EQ(json::parse(SuppressParams(rule)->dump()),
            (json{{"rule", "accusation.you-never"}, {"note", "her style"}}));
  SuppressOptions in_thread;
  in_thread.rule = "pressure.asap";
  in_thread.thread = "T1";
  EXPECT_EQ(json::parse(SuppressParams(in_thread)->dump()),
            (json{{"rule", "pressure.asap"}, {"thread", "T1"}}));
  SuppressOptions finding;
  finding.fingerprint = "f00000000000000b1";
  EXPECT_EQ(json::parse(SuppressParams(finding)->dump()),
            (json{{"fingerprint", "f00000000000000b1"}}));
}

TEST(SuppressParams, NothingToSuppressIsAUsageError) {
  SuppressOptions only_note;
  only_note.note = "why";
  auto params = SuppressParams(only_note);
  ASSERT_FALSE(params);
  EXPECT_EQ(params.error().code, ErrorCode::kUsage);
  EXPECT_TRUE(Contains(params.error().message, "--finding FINGERPRINT"));
}

TEST(UnsuppressParams, ByIdOrByFields) {
  SuppressOptions by_id;
  by_id.id = 7;
  EXPECT_EQ(json::parse(UnsuppressParams(by_id)->dump()), (json{{"id", 7}}));
  SuppressOptions by_rule;
  by_rule.rule = "pressure.asap";
  by_rule.thread = "T1";
  EXPECT_EQ(json::parse(UnsuppressParams(by_rule)->dump()),
            (json{{"rule", "pressure.asap"}, {"thread", "T1"}}));
  EXPECT_FALSE(UnsuppressParams({}));
}

TEST(DecodeThread, ReadsTheReportContractWithFingerprints) {
  auto thread = DecodeThread(Json::parse(testing::SampleThread().dump()), "sock");
  ASSERT_TRUE(thread) << thread.error().ToString();
  const ThreadReport& t = thread->report;
  EXPECT_EQ(t.thread, "T1");
  EXPECT_EQ(t.subject, "Invoice 4411");
  EXPECT_EQ(t.trend, "rising");
  ASSERT_TRUE(t.move_off_email);
  ASSERT_TRUE(t.reply_plan);
  EXPECT_EQ(t.reply_plan->steps.size(), 2u);
  ASSERT_EQ(t.messages.size(), 2u);
  EXPECT_EQ(t.messages[1].findings.at(1).rule, "ultimatum.or-else");
  EXPECT_EQ(t.messages[1].findings.at(1).category, Category::kUltimatum);
  EXPECT_EQ(thread->fingerprints.at(1).at(1), "f00000000000000b2");
}

TEST(DecodeThread, MissingFieldIsNamed) {
  json broken = testing::SampleThread();
  broken["messages"][0]["findings"][0].erase("rule");
  auto thread = DecodeThread(Json::parse(broken.dump()), "sock");
  ASSERT_FALSE(thread);
  EXPECT_EQ(thread.error().code, ErrorCode::kInternal);
  EXPECT_TRUE(Contains(thread.error().message, "'rule'")) << thread.error().ToString();
}

}  // namespace
}  // namespace tonewatch::cli
