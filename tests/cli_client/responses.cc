#include "tests/cli_client/responses.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tonewatch::testing {

using json = nlohmann::json;

namespace {

json Finding(const std::string& rule, const std::string& category, int points,
             const std::string& text, const std::string& suggestion,
             const std::string& fingerprint) {
  return json{{"rule", rule},        {"category", category},     {"points", points},
              {"begin", 0},          {"end", text.size()},       {"text", text},
              {"why", "It blames."}, {"suggestion", suggestion}, {"fingerprint", fingerprint}};
}

json Message(const std::string& id, int heat, json findings) {
  return json{{"id", id},
              {"author", "Dana Client <dana@client.example>"},
              {"me", false},
              {"time", "2024-05-02T09:00:00Z"},
              {"heat", heat},
              {"findings", std::move(findings)},
              {"stripping", "structural"}};
}

}  // namespace

json SampleThread() {
  json first = Message("m1@client.example", 30,
                       json::array({Finding("pressure.asap", "pressure", 30, "ASAP",
                                            "Could you tell me by Friday?", "f00000000000000a1")}));
  json second =
      Message("m2@client.example", 70,
              json::array({Finding("accusation.you-never", "accusation", 40, "you never",
                                   "I haven't received it yet.", "f00000000000000b1"),
                           Finding("ultimatum.or-else", "ultimatum", 30, "or we walk",
                                   "I need this resolved to continue.", "f00000000000000b2")}));
  return json{{"schema", 1},
              {"thread", "T1"},
              {"source", "/mail/inbox.mbox"},
              {"subject", "Invoice 4411"},
              {"heat", 70},
              {"trend", "rising"},
              {"move_off_email",
               {{"reasons", {"heat rose over three messages"}},
                {"opening", "Could we talk this through on a call today?"}}},
              {"unanswered", nullptr},
              {"reply_plan",
               {{"message", "m2@client.example"},
                {"concerns",
                 {{{"text", "You never sent it."},
                   {"category", "accusation"},
                   {"advice", "State the facts."}}}},
                {"steps", {"Acknowledge the frustration.", "Say what happens next."}}}},
              {"messages", {first, second}},
              {"errors", json::array()}};
}

json SampleStatus() {
  return json{{"protocol", 1},       {"schema", 1},
              {"messages", 120},     {"threads", 45},
              {"files", 30},         {"failed_files", 2},
              {"suppressions", 3},   {"queued", 4},
              {"lexicon", "lex123"}, {"watching", {"/home/me/Mail", "/home/me/calls"}}};
}

json SampleChange(bool created) {
  return json{{"suppression",
               {{"id", 7},
                {"kind", "rule"},
                {"rule", "accusation.you-never"},
                {"thread", nullptr},
                {"fingerprint", nullptr},
                {"note", "our client's style"},
                {"created_ms", 1714640400000}}},
              {"created", created},
              {"affected_messages", 12},
              {"affected_threads", {"T1", "T2"}}};
}

std::string OkLine(const json& result) {
  return json{{"v", 1}, {"id", 1}, {"ok", true}, {"result", result}}.dump();
}

std::string ErrorLine(const std::string& code, const std::string& message) {
  return json{{"v", 1}, {"id", 1}, {"ok", false}, {"error", {{"code", code}, {"message", message}}}}
      .dump();
}

RunResult Tonewatch(std::vector<std::string> args,
                    std::vector<std::pair<std::string, std::string>> env) {
  RunOptions options;
  options.args = {TONEWATCH_BINARY};
  options.args.insert(options.args.end(), args.begin(), args.end());
  options.env = std::move(env);
  return RunProcess(options);
}

RunResult Ask(const std::string& socket, std::vector<std::string> args) {
  args.push_back("--socket");
  args.push_back(socket);
  return Tonewatch(std::move(args));
}

json Sent(FakeDaemon& daemon) {
  const std::vector<std::string> requests = daemon.Requests();
  EXPECT_EQ(requests.size(), 1u);
  if (requests.size() != 1) return json();
  json request = json::parse(requests[0], nullptr, false);
  EXPECT_FALSE(request.is_discarded()) << requests[0];
  return request;
}

json Request(const std::string& method, json params) {
  return json{{"v", 1}, {"id", 1}, {"method", method}, {"params", std::move(params)}};
}

}  // namespace tonewatch::testing
