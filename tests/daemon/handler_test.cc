// The request handler on a real store in a temp file: every method, and every error a client can
// provoke, as the JSON a client reads.

#include "daemon/protocol/handler.h"

#include <SQLiteCpp/Database.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "analyzers/render/json_render.h"
#include "daemon/store/schema.h"
#include "daemon_fixtures.h"

namespace tonewatch::daemon {
namespace {

using json = nlohmann::json;
using testing::Aggregate;
using testing::Mail;
using testing::MakeFinding;

class HandlerTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    WriteBatch batch;
    batch.messages = {
        Mail("a1@client", "t1", "Dana <dana@client.example>", 1000,
             {MakeFinding("accusation.you-never", 30)}),
        Mail("a2@client", "t1", "Dana <dana@client.example>", 2000,
             {MakeFinding("ultimatum.or-else", 40)}),
    };
    StoredThread t = Aggregate("t1", 38);
    t.move_off_email = MoveOffEmail{{"sustained heat"}, "Could we talk this through today?"};
    batch.threads = {t};
    batch.files = {{"/mail/work/cur/bad.eml", {}, 0, "byte 0: not a mail message"}};
    IngestBatch(batch);
    handler_.emplace(*store_, control_);
  }

  // Sends one request line; returns the response, checking the envelope every response has.
  json Ask(std::string_view line) {
    const std::string response = handler_->HandleLine(line);
    EXPECT_EQ(std::string::npos, response.find('\n')) << "a response is one line";
    json j = json::parse(response);
    EXPECT_EQ(1, j.at("v"));
    EXPECT_TRUE(j.contains("id"));
    EXPECT_EQ(j.at("ok").get<bool>(), j.contains("result"));
    EXPECT_EQ(!j.at("ok").get<bool>(), j.contains("error"));
    return j;
  }

  // The error code of a refused request, or "ok".
  std::string CodeOf(std::string_view line) {
    json j = Ask(line);
    return j.at("ok").get<bool>() ? "ok" : j.at("error").at("code").get<std::string>();
  }

  testing::FakeControl control_;
  std::optional<Handler> handler_;
};

TEST_F(HandlerTest, StatusCountsStoreAndQueue) {
  json j = Ask(R"({"v":1,"id":1,"method":"status"})");
  EXPECT_EQ(1, j.at("id"));
  const json& r = j.at("result");
  EXPECT_EQ(1, r.at("protocol"));
  EXPECT_EQ(LatestSchemaVersion(), r.at("schema"));
  EXPECT_EQ(
      json::parse(R"([{"path":"/mail/work/cur/bad.eml","error":"byte 0: not a mail message"}])"),
      r.at("failures"));
  EXPECT_EQ(2, r.at("messages"));
  EXPECT_EQ(1, r.at("threads"));
  EXPECT_EQ(1, r.at("failed_files"));
  EXPECT_EQ(3, r.at("queued"));
  EXPECT_EQ("lex1", r.at("lexicon"));
  EXPECT_EQ(json({"/mail/work"}), r.at("watching"));
}

TEST_F(HandlerTest, ThreadInTheReportContractWithFingerprints) {
  json j = Ask(R"({"v":1,"id":"q","method":"thread","params":{"id":"t1"}})");
  EXPECT_EQ("q", j.at("id"));
  const json& t = j.at("result");
  EXPECT_EQ(1, t.at("schema"));
  EXPECT_EQ("t1", t.at("thread"));
  EXPECT_EQ(38, t.at("heat"));
  EXPECT_EQ("rising", t.at("trend"));
  EXPECT_EQ("Could we talk this through today?", t.at("move_off_email").at("opening"));
  ASSERT_EQ(2u, t.at("messages").size());
  const json& first = t.at("messages").at(0);
  EXPECT_EQ("a1@client", first.at("id"));
  EXPECT_EQ(30, first.at("heat"));
  const json& finding = first.at("findings").at(0);
  EXPECT_EQ("accusation.you-never", finding.at("rule"));
  EXPECT_EQ("accusation", finding.at("category"));
  EXPECT_EQ(FindingFingerprint("a1@client", MakeFinding("accusation.you-never", 30)),
            finding.at("fingerprint"));
}

// The report contract's line for `thread`, each finding with its fingerprint appended: what a
// thread answer has carried since protocol v1, to the byte.
std::string ThreadWithFingerprints(const ThreadReport& thread) {
  using ordered = nlohmann::ordered_json;
  ordered j = ordered::parse(ThreadJson(thread));
  for (size_t i = 0; i < thread.messages.size(); ++i) {
    const MessageReport& m = thread.messages[i];
    for (size_t k = 0; k < m.findings.size(); ++k) {
      j.at("messages").at(i).at("findings").at(k)["fingerprint"] =
          FindingFingerprint(m.id, m.findings[k]);
    }
  }
  return j.dump(-1, ' ', false, ordered::error_handler_t::replace);
}

TEST_F(HandlerTest, ThreadAndMessageAnswersKeepTheirBytes) {
  auto thread = store_->Thread("t1");
  ASSERT_TRUE(thread && *thread);
  const std::string expected_thread = ThreadWithFingerprints(**thread);
  EXPECT_EQ(R"({"v":1,"id":"q","ok":true,"result":)" + expected_thread + "}",
            handler_->HandleLine(R"({"v":1,"id":"q","method":"thread","params":{"id":"t1"}})"));

  auto message = store_->Message("a2@client");
  ASSERT_TRUE(message && *message);
  ThreadReport alone;
  alone.messages.push_back((*message)->report);
  const std::string expected_message =
      nlohmann::ordered_json::parse(ThreadWithFingerprints(alone)).at("messages").at(0).dump();
  const std::string answer =
      handler_->HandleLine(R"({"v":1,"id":2,"method":"message","params":{"id":"a2@client"}})");
  const std::string tail = R"("message":)" + expected_message + "}}";
  ASSERT_GE(answer.size(), tail.size());
  EXPECT_EQ(tail, answer.substr(answer.size() - tail.size())) << answer;
}

TEST_F(HandlerTest, MessageWithItsThreadAndSource) {
  const json r = Ask(R"({"v":1,"id":2,"method":"message","params":{"id":"a2@client"}})")["result"];
  EXPECT_EQ("t1", r.at("thread"));
  EXPECT_EQ("/mail/work/cur/1.eml", r.at("path"));
  EXPECT_EQ("lex1", r.at("lexicon"));
  EXPECT_EQ("a2@client", r.at("message").at("id"));
  EXPECT_EQ("ultimatum.or-else", r.at("message").at("findings").at(0).at("rule"));
  int sum = 0;
  for (const json& f : r.at("message").at("findings")) sum += f.at("points").get<int>();
  EXPECT_EQ(sum, r.at("message").at("tone")) << "tone comes back from the stored findings";
}

TEST_F(HandlerTest, FlaggedPage) {
  const json r =
      Ask(R"({"v":1,"id":3,"method":"flagged","params":{"min_heat":35,"limit":5}})")["result"];
  EXPECT_EQ(1, r.at("total"));
  EXPECT_EQ(5, r.at("limit"));
  EXPECT_EQ(0, r.at("offset"));
  ASSERT_EQ(1u, r.at("threads").size());
  ASSERT_EQ(1u, r.at("threads").at(0).at("messages").size());
  EXPECT_EQ("a2@client", r.at("threads").at(0).at("messages").at(0).at("id"));
}

TEST_F(HandlerTest, FlaggedWithoutMinHeatUsesTheDaemonsDefault) {
  control_.default_min_heat = 35;
  const json r = Ask(R"({"v":1,"method":"flagged"})")["result"];
  ASSERT_EQ(1u, r.at("threads").size());
  EXPECT_EQ(1u, r.at("threads").at(0).at("messages").size()) << "only a2 has heat >= 35";
  const json all = Ask(R"({"v":1,"method":"flagged","params":{"min_heat":1}})")["result"];
  EXPECT_EQ(2u, all.at("threads").at(0).at("messages").size()) << "a request's own value wins";
}

TEST_F(HandlerTest, SuppressByFingerprintThenUnsuppress) {
  const json thread = Ask(R"({"v":1,"method":"thread","params":{"id":"t1"}})")["result"];
  const std::string fingerprint = thread["messages"][0]["findings"][0]["fingerprint"];
  json done = Ask(fmt::format(
      R"({{"v":1,"id":4,"method":"suppress","params":{{"fingerprint":"{}","note":"fair"}}}})",
      fingerprint));
  const json& r = done.at("result");
  EXPECT_TRUE(r.at("created").get<bool>());
  EXPECT_EQ("finding", r.at("suppression").at("kind"));
  EXPECT_EQ("fair", r.at("suppression").at("note"));
  EXPECT_EQ(nullptr, r.at("suppression").at("rule"));
  EXPECT_EQ(json({"t1"}), r.at("affected_threads"));
  const json after = Ask(R"({"v":1,"method":"message","params":{"id":"a1@client"}})")["result"];
  EXPECT_TRUE(after.at("message").at("findings").empty());
  EXPECT_EQ(0, after.at("message").at("heat"));

  const json list = Ask(R"({"v":1,"method":"suppressions"})")["result"];
  ASSERT_EQ(1u, list.at("suppressions").size());
  const int64_t id = list["suppressions"][0]["id"];
  json lifted = Ask(fmt::format(R"({{"v":1,"method":"unsuppress","params":{{"id":{}}}}})", id));
  EXPECT_EQ(1, lifted.at("result").at("affected_messages"));
  const json again =
      Ask(fmt::format(R"({{"v":1,"method":"unsuppress","params":{{"id":{}}}}})", id));
  EXPECT_EQ("not-found", again.at("error").at("code"));
  EXPECT_EQ(fmt::format("no suppression with id {} is stored", id),
            again.at("error").at("message"));
}

TEST_F(HandlerTest, SuppressRuleInThreadAndUnsuppressByFields) {
  const std::string params = R"("params":{"rule":"ultimatum.or-else","thread":"t1"})";
  EXPECT_EQ("thread-rule", Ask(fmt::format(R"({{"v":1,"method":"suppress",{}}})",
                                           params))["result"]["suppression"]["kind"]);
  EXPECT_FALSE(Ask(fmt::format(R"({{"v":1,"method":"suppress",{}}})", params))["result"]["created"]
                   .get<bool>());
  EXPECT_EQ("ok", CodeOf(fmt::format(R"({{"v":1,"method":"unsuppress",{}}})", params)));
  EXPECT_EQ("not-found", CodeOf(fmt::format(R"({{"v":1,"method":"unsuppress",{}}})", params)));
}

TEST_F(HandlerTest, ReloadReportsTheNewLexiconOrWhyNot) {
  const json ok = Ask(R"({"v":1,"id":5,"method":"reload"})");
  EXPECT_EQ("lex2", ok.at("result").at("lexicon"));
  EXPECT_EQ(4, ok.at("result").at("stale_messages"));
  control_.fail_reload = true;
  const json failed = Ask(R"({"v":1,"id":6,"method":"reload"})");
  EXPECT_EQ("reload-failed", failed.at("error").at("code"));
  EXPECT_EQ(
      "lexicons/en/hostility.toml:12: pattern 'you (idiot' does not compile: missing ); the "
      "previous lexicon stays in use",
      failed.at("error").at("message"));
  EXPECT_EQ(2, control_.reloads);
}

TEST_F(HandlerTest, ErrorsKeepTheRequestIdWhenItCouldBeRead) {
  EXPECT_EQ("unknown-method", CodeOf(R"({"v":1,"id":9,"method":"delete-everything"})"));
  EXPECT_EQ(9, Ask(R"({"v":1,"id":9,"method":"delete-everything"})").at("id"));
  EXPECT_EQ("unsupported-version", CodeOf(R"({"v":2,"id":9,"method":"status"})"));
  EXPECT_EQ("bad-request", CodeOf(R"({"v":1,"id":9,"method":"thread"})"));
  EXPECT_EQ("bad-request", CodeOf(R"({"v":1,"id":9,"method":"message","params":{}})"));
  EXPECT_EQ("bad-request", CodeOf("not json at all"));
  EXPECT_EQ(nullptr, Ask("not json at all").at("id"));
  EXPECT_EQ("bad-request", CodeOf(R"({"v":1,"method":"suppress","params":{"thread":"t1"}})"));
}

TEST_F(HandlerTest, UnknownIdsAreNotFound) {
  const json thread = Ask(R"({"v":1,"id":10,"method":"thread","params":{"id":"t404"}})");
  EXPECT_EQ("not-found", thread.at("error").at("code"));
  EXPECT_EQ("no thread t404", thread.at("error").at("message"));
  EXPECT_EQ("not-found", CodeOf(R"({"v":1,"method":"message","params":{"id":"m404"}})"));
}

TEST_F(HandlerTest, StoreFailureIsAnInternalErrorNamingTheDatabase) {
  // Another program damages the store while the daemon runs: queries answer, with the reason.
  ASSERT_TRUE(store_->Status());  // the store is open and working
  {
    SQLite::Database db(db_path_, SQLite::OPEN_READWRITE);
    db.exec("DROP TABLE findings");
  }
  const json j = Ask(R"({"v":1,"id":11,"method":"thread","params":{"id":"t1"}})");
  EXPECT_EQ("internal", j.at("error").at("code"));
  const std::string message = j.at("error").at("message");
  EXPECT_EQ(0u, message.find(db_path_)) << message;
  EXPECT_NE(std::string::npos, message.find("no such table: findings")) << message;
  EXPECT_EQ("ok", CodeOf(R"({"v":1,"method":"status"})")) << "the handler keeps serving";
}

TEST(HandlerFraming, BadStreamGetsAnErrorBeforeClosing) {
  const json j = json::parse(Handler::FramingError("request line longer than 65536 bytes"));
  EXPECT_EQ(false, j.at("ok"));
  EXPECT_EQ(nullptr, j.at("id"));
  EXPECT_EQ("bad-request", j.at("error").at("code"));
  EXPECT_EQ("request line longer than 65536 bytes; closing the connection",
            j.at("error").at("message"));
}

TEST(HandlerFraming, ErrorLineBytesWithAndWithoutARequestId) {
  EXPECT_EQ(R"({"v":1,"id":null,"ok":false,"error":{"code":"internal","message":"busy: 2"}})",
            ErrorLine("null", ProtocolError::kInternal, "busy: 2"));
  EXPECT_EQ(R"({"v":1,"id":7,"ok":false,"error":{"code":"bad-request","message":"a)"
            "\xEF\xBF\xBD"
            R"(b"}})",
            ErrorLine("7", ProtocolError::kBadRequest,
                      "a\xFF"
                      "b"));
}

}  // namespace
}  // namespace tonewatch::daemon
