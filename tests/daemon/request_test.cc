// Parsing request lines into typed requests, and the errors for everything else.

#include "daemon/protocol/request.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace tonewatch::daemon {
namespace {

Request Parsed(std::string_view line) {
  auto r = ParseRequest(line);
  if (auto* e = std::get_if<RequestError>(&r)) {
    ADD_FAILURE() << line << " -> " << ProtocolErrorName(e->code) << ": " << e->message;
    return {};
  }
  return std::get<Request>(r);
}

// "code: message (id)" of a refused line, or "OK".
std::string Refusal(std::string_view line) {
  auto r = ParseRequest(line);
  if (std::holds_alternative<Request>(r)) return "OK";
  const RequestError& e = std::get<RequestError>(r);
  return fmt::format("{}: {} ({})", ProtocolErrorName(e.code), e.message, e.id_json);
}

TEST(ParseRequest, StatusWithAnyIdKind) {
  EXPECT_EQ("7", Parsed(R"({"v":1,"id":7,"method":"status"})").id_json);
  EXPECT_EQ("\"q-1\"", Parsed(R"({"v":1,"id":"q-1","method":"status"})").id_json);
  const Request none = Parsed(R"({"v":1,"method":"status","params":{}})");
  EXPECT_EQ("null", none.id_json);
  EXPECT_TRUE(std::holds_alternative<StatusRequest>(none.params));
}

TEST(ParseRequest, FlaggedWithEveryFilter) {
  const Request r = Parsed(
      R"({"v":1,"id":1,"method":"flagged","params":{"since":"2024-05-01","min_heat":30,
          "category":"passive-aggressive","counterpart":"dana","folder":"/mail/work",
          "limit":10,"offset":20}})");
  const FlaggedFilter& f = std::get<FlaggedRequest>(r.params).filter;
  EXPECT_EQ(1714521600000, f.since_ms);
  EXPECT_EQ(30, f.min_heat);
  EXPECT_EQ(Category::kPassiveAggressive, f.category);
  EXPECT_EQ("dana", f.counterpart);
  EXPECT_EQ("/mail/work", f.folder);
  EXPECT_EQ(10, f.limit);
  EXPECT_EQ(20, f.offset);
  const Request defaults = Parsed(R"({"v":1,"method":"flagged"})");
  EXPECT_EQ(50, std::get<FlaggedRequest>(defaults.params).filter.limit);
  EXPECT_EQ(1, std::get<FlaggedRequest>(defaults.params).filter.min_heat);
}

TEST(ParseRequest, SuppressKindFollowsTheFields) {
  const auto rule = [](std::string_view line) {
    return std::get<SuppressRequest>(Parsed(line).params).rule;
  };
  EXPECT_EQ(SuppressionKind::kRule,
            rule(R"({"v":1,"method":"suppress","params":{"rule":"a.b"}})").kind);
  const SuppressionRule in_thread =
      rule(R"({"v":1,"method":"suppress","params":{"rule":"a.b","thread":"t1","note":"ok"}})");
  EXPECT_EQ(SuppressionKind::kThreadRule, in_thread.kind);
  EXPECT_EQ("ok", in_thread.note);
  EXPECT_EQ(SuppressionKind::kFinding,
            rule(R"({"v":1,"method":"suppress","params":{"fingerprint":"f1"}})").kind);
  const Request by_id = Parsed(R"({"v":1,"method":"unsuppress","params":{"id":3}})");
  EXPECT_EQ(3, std::get<UnsuppressRequest>(by_id.params).id);
}

TEST(ParseRequest, RefusalsSayWhatIsWrong) {
  struct Case {
    const char* line;
    const char* refusal;
  };
  const Case cases[] = {
      {"", "bad-request: not valid JSON (null)"},
      {"garbage", "bad-request: not valid JSON (null)"},
      {"[1,2]", "bad-request: a request must be a JSON object (null)"},
      {R"({"v":1,"id":{"x":1},"method":"status"})",
       "bad-request: \"id\" must be a string, a number or null (null)"},
      {R"({"id":4,"method":"status"})", "bad-request: missing \"v\" (protocol version) (4)"},
      {R"({"v":2,"id":4,"method":"status"})",
       "unsupported-version: protocol version 2 is not supported; this daemon speaks version 1 "
       "(4)"},
      {R"({"v":"1","id":4,"method":"status"})",
       "unsupported-version: protocol version \"1\" is not supported; this daemon speaks version "
       "1 (4)"},
      {R"({"v":1,"id":4})", "bad-request: missing \"method\" (a string) (4)"},
      {R"({"v":1,"id":4,"method":"explode"})",
       "unknown-method: unknown method \"explode\" (protocol version 1 has status, flagged, "
       "thread, message, suppress, unsuppress, suppressions, reload) (4)"},
      {R"({"v":1,"id":4,"method":"status","params":[]})",
       "bad-request: \"params\" must be an object (4)"},
      {R"({"v":1,"id":4,"method":"thread"})", "bad-request: thread: missing \"id\" (4)"},
      {R"({"v":1,"id":4,"method":"thread","params":{"id":5}})",
       "bad-request: thread: \"id\" must be a non-empty string (4)"},
      {R"({"v":1,"id":4,"method":"flagged","params":{"limit":0}})",
       "bad-request: flagged: \"limit\" must be an integer from 1 to 500 (4)"},
      {R"({"v":1,"id":4,"method":"flagged","params":{"min_heat":2.5}})",
       "bad-request: flagged: \"min_heat\" must be an integer from 0 to 100 (4)"},
      {R"({"v":1,"id":4,"method":"flagged","params":{"category":"rudeness"}})",
       "bad-request: flagged: unknown category \"rudeness\" (4)"},
      {R"({"v":1,"id":4,"method":"flagged","params":{"min-heat":3}})",
       "bad-request: flagged: unknown parameter \"min-heat\" (4)"},
      {R"({"v":1,"id":4,"method":"flagged","params":{"since":"yesterday"}})",
       "bad-request: flagged: \"since\" must be Unix milliseconds or an RFC 3339 date "
       "(\"2024-05-01\") or date-time (\"2024-05-01T09:30:00Z\") (4)"},
      {R"({"v":1,"id":4,"method":"suppress","params":{}})",
       "bad-request: suppress: missing \"rule\" or \"fingerprint\" (4)"},
      {R"({"v":1,"id":4,"method":"suppress","params":{"thread":"t1"}})",
       "bad-request: suppress: a \"thread\" needs a \"rule\" (4)"},
      {R"({"v":1,"id":4,"method":"suppress","params":{"fingerprint":"f","rule":"a.b"}})",
       "bad-request: suppress: give a \"fingerprint\" alone, or a \"rule\" with an optional "
       "\"thread\" (4)"},
      {R"({"v":1,"id":4,"method":"unsuppress","params":{"id":0}})",
       "bad-request: unsuppress: \"id\" must be an integer from 1 to 9223372036854775807 (4)"},
      {R"({"v":1,"id":4,"method":"reload","params":{"force":true}})",
       "bad-request: reload: unknown parameter \"force\" (4)"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    EXPECT_EQ(c.refusal, Refusal(c.line));
  }
}

TEST(ParseSince, DatesAndDateTimes) {
  EXPECT_EQ(0, ParseSince("1970-01-01"));
  EXPECT_EQ(951782400000, ParseSince("2000-02-29"));
  EXPECT_EQ(1714555800000, ParseSince("2024-05-01T09:30:00Z"));
  EXPECT_EQ(1714555800000, ParseSince("2024-05-01T11:30:00+02:00"));
  EXPECT_EQ(1714555800000, ParseSince("2024-05-01T09:30"));
  EXPECT_EQ(1714555800250, ParseSince("2024-05-01t09:30:00.25z"));
  EXPECT_EQ(1714555800123, ParseSince("2024-05-01 09:30:00.123456-00:00"));
}

TEST(ParseSince, RefusesWhatIsNotADate) {
  for (const char* bad : {"", "2024", "2024-5-1", "2023-02-29", "2024-13-01", "2024-05-01T25:00",
                          "2024-05-01T09:30:00+2", "2024-05-01T09:30:00.Z", "2024-05-01X"}) {
    SCOPED_TRACE(bad);
    EXPECT_FALSE(ParseSince(bad).has_value());
  }
}

}  // namespace
}  // namespace tonewatch::daemon
