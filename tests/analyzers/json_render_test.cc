#include "analyzers/render/json_render.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analyzers/render/json_render_value.h"
#include "tests/support/test_support.h"

namespace tonewatch {
namespace {

using json = nlohmann::json;
using testing::FixtureEngine;

json Parse(const std::string& line) {
  EXPECT_EQ(line.find('\n'), std::string::npos) << "one line of JSON, no newline";
  json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(j.is_discarded()) << "not JSON: " << line;
  return j;
}

std::set<std::string> Keys(const json& object) {
  std::set<std::string> out;
  for (const auto& [key, value] : object.items()) out.insert(key);
  return out;
}

void ExpectHasKeys(const json& object, const std::set<std::string>& required) {
  const std::set<std::string> keys = Keys(object);
  for (const std::string& key : required) EXPECT_TRUE(keys.count(key)) << "no \"" << key << "\"";
}

// Every field of a finding, with its type, as the contract lists them.
void ExpectFindingContract(const json& f) {
  ASSERT_TRUE(f.is_object());
  ExpectHasKeys(f, {"rule", "category", "points", "begin", "end", "text", "why", "suggestion"});
  EXPECT_TRUE(f["rule"].is_string());
  EXPECT_TRUE(f["category"].is_string());
  static const std::set<std::string> kCategories = {
      "accusation",  "escalation", "ultimatum", "passive-aggressive", "hostility",
      "frustration", "absolutes",  "pressure",  "intensity",          "repair"};
  EXPECT_TRUE(kCategories.count(f["category"].get<std::string>())) << f["category"];
  EXPECT_TRUE(f["points"].is_number_integer());
  EXPECT_TRUE(f["begin"].is_number_unsigned());
  EXPECT_TRUE(f["end"].is_number_unsigned());
  EXPECT_LE(f["begin"].get<size_t>(), f["end"].get<size_t>());
  EXPECT_TRUE(f["text"].is_string());
  EXPECT_TRUE(f["why"].is_string());
  EXPECT_TRUE(f["suggestion"].is_null() || f["suggestion"].is_string()) << f["suggestion"];
}

Finding MakeFinding(std::string rule, Category category, int points, Span span, std::string text,
                    std::optional<std::string> suggestion) {
  Finding f;
  f.rule = std::move(rule);
  f.category = category;
  f.points = points;
  f.span = span;
  f.text = std::move(text);
  f.why = "Because it reads as blame.";
  f.suggestion = std::move(suggestion);
  f.context = "not part of the JSON";
  return f;
}

ThreadReport SampleThread() {
  ThreadReport t;
  t.thread = "t0123456789abcdef";
  t.source = "inbox/client.txt";
  t.heat = 17;
  t.trend = "rising";
  MessageReport m;
  m.id = "m1";
  m.author = "Dana <dana@example.com>";
  m.me = false;
  m.time = "2024-03-01T09:30:00Z";
  m.heat = 17;
  m.stripping = "heuristic";
  m.findings.push_back(MakeFinding("accusation.you-never", Category::kAccusation, 12, {0, 23},
                                   "You never sent the file", "I can't find the file yet."));
  m.findings.push_back(MakeFinding("passive-aggressive.as-i-said", Category::kPassiveAggressive, 10,
                                   {25, 34}, "As I said", "To recap: ..."));
  m.findings.push_back(
      MakeFinding("repair.sorry", Category::kRepair, -5, {40, 49}, "I'm sorry", std::nullopt));
  t.messages.push_back(m);
  MessageReport mine;
  mine.id = "m2";
  mine.me = true;
  mine.stripping = "none";
  t.messages.push_back(mine);
  t.errors.push_back({"inbox/client.txt:byte 120", "invalid UTF-8 (1 byte) replaced with U+FFFD"});
  return t;
}

TEST(ThreadJson, CarriesEveryContractField) {
  const json j = Parse(ThreadJson(SampleThread()));
  ASSERT_TRUE(j.is_object());
  // Fields may be added (DESIGN.md); none of the contract's may be missing.
  ExpectHasKeys(
      j, {"schema", "thread", "source", "heat", "trend", "move_off_email", "messages", "errors"});
  EXPECT_EQ(j["schema"], 1);
  EXPECT_EQ(j["thread"], "t0123456789abcdef");
  EXPECT_EQ(j["source"], "inbox/client.txt");
  EXPECT_EQ(j["heat"], 17);
  EXPECT_EQ(j["trend"], "rising");
  EXPECT_TRUE(j["move_off_email"].is_null());

  ASSERT_TRUE(j["messages"].is_array());
  ASSERT_EQ(j["messages"].size(), 2u);
  const json& m = j["messages"][0];
  ExpectHasKeys(m, {"id", "author", "me", "time", "heat", "findings", "stripping"});
  EXPECT_EQ(m["id"], "m1");
  EXPECT_EQ(m["author"], "Dana <dana@example.com>");
  EXPECT_EQ(m["me"], false);
  EXPECT_EQ(m["time"], "2024-03-01T09:30:00Z");
  EXPECT_EQ(m["heat"], 17);
  EXPECT_EQ(m["stripping"], "heuristic");
  ASSERT_EQ(m["findings"].size(), 3u);
  for (const json& f : m["findings"]) ExpectFindingContract(f);

  const json& first = m["findings"][0];
  EXPECT_EQ(first["rule"], "accusation.you-never");
  EXPECT_EQ(first["category"], "accusation");
  EXPECT_EQ(first["points"], 12);
  EXPECT_EQ(first["begin"], 0);
  EXPECT_EQ(first["end"], 23);
  EXPECT_EQ(first["text"], "You never sent the file");
  EXPECT_EQ(first["why"], "Because it reads as blame.");
  EXPECT_EQ(first["suggestion"], "I can't find the file yet.");
  EXPECT_EQ(m["findings"][1]["category"], "passive-aggressive");
  EXPECT_EQ(m["findings"][2]["points"], -5);
  EXPECT_TRUE(m["findings"][2]["suggestion"].is_null());

  const json& mine = j["messages"][1];
  EXPECT_EQ(mine["me"], true);
  EXPECT_TRUE(mine["author"].is_null() || mine["author"].is_string());
  EXPECT_TRUE(mine["time"].is_null() || mine["time"].is_string());
  EXPECT_TRUE(mine["findings"].is_array());
  EXPECT_TRUE(mine["findings"].empty());
  EXPECT_EQ(mine["stripping"], "none");

  ASSERT_TRUE(j["errors"].is_array());
  ASSERT_EQ(j["errors"].size(), 1u);
  EXPECT_NE(j["errors"][0].dump().find("byte 120"), std::string::npos) << j["errors"][0];
}

TEST(ThreadJson, MoveOffEmailWhenPresent) {
  ThreadReport t = SampleThread();
  t.move_off_email = MoveOffEmail{{"heat rose in three messages", "an ultimatum"},
                                  "Could we talk this through on a call today?"};
  const json j = Parse(ThreadJson(t));
  ASSERT_TRUE(j["move_off_email"].is_object());
  EXPECT_EQ(j["move_off_email"]["reasons"],
            json::array({"heat rose in three messages", "an ultimatum"}));
  EXPECT_EQ(j["move_off_email"]["opening"], "Could we talk this through on a call today?");
}

TEST(ThreadJson, EveryCategoryHasItsContractName) {
  ThreadReport t;
  MessageReport m;
  const std::vector<std::pair<Category, std::string>> names = {
      {Category::kAccusation, "accusation"}, {Category::kEscalation, "escalation"},
      {Category::kUltimatum, "ultimatum"},   {Category::kPassiveAggressive, "passive-aggressive"},
      {Category::kHostility, "hostility"},   {Category::kFrustration, "frustration"},
      {Category::kAbsolutes, "absolutes"},   {Category::kPressure, "pressure"},
      {Category::kIntensity, "intensity"},   {Category::kRepair, "repair"},
  };
  for (const auto& [category, name] : names) {
    m.findings.push_back(MakeFinding(name + ".x", category, 1, {0, 1}, "x", std::nullopt));
  }
  t.messages.push_back(m);
  const json j = Parse(ThreadJson(t));
  ASSERT_EQ(j["messages"][0]["findings"].size(), names.size());
  for (size_t i = 0; i < names.size(); ++i) {
    EXPECT_EQ(j["messages"][0]["findings"][i]["category"], names[i].second);
  }
}

TEST(ThreadJson, InvalidUtf8NeverBreaksTheOutput) {
  ThreadReport t = SampleThread();
  t.source = "bad\xFFname.txt";
  t.messages[0].findings[0].text = "half a char \xE2\x82";
  const std::string line = ThreadJson(t);
  const json j = Parse(line);
  EXPECT_EQ(j["source"], "bad\xEF\xBF\xBDname.txt");
  EXPECT_EQ(j["messages"][0]["findings"][0]["text"].get<std::string>().find("\xE2\x82\""),
            std::string::npos);
}

TEST(ThreadJson, TextWithQuotesNewlinesAndControlsRoundTrips) {
  ThreadReport t = SampleThread();
  const std::string tricky = "she said \"no\"\n\tthen \\ left \x01 \xF0\x9F\x98\x80";
  t.messages[0].findings[0].text = tricky;
  const json j = Parse(ThreadJson(t));
  EXPECT_EQ(j["messages"][0]["findings"][0]["text"], tricky);
}

TEST(ThreadJson, FromTheEngineEndToEnd) {
  const std::string text = "You never sent the file. As I said, this is absolutely unacceptable.";
  ThreadReport t;
  t.source = "mail.txt";
  MessageReport m;
  m.id = "m";
  m.findings = FixtureEngine().Analyze(text).findings;
  m.heat = HeatOf(m.findings);
  t.heat = m.heat;
  t.messages.push_back(m);
  const json j = Parse(ThreadJson(t));
  const json& findings = j["messages"][0]["findings"];
  ASSERT_EQ(findings.size(), m.findings.size());
  int sum = 0;
  for (const json& f : findings) {
    ExpectFindingContract(f);
    const size_t begin = f["begin"].get<size_t>();
    const size_t end = f["end"].get<size_t>();
    EXPECT_EQ(text.substr(begin, end - begin), f["text"].get<std::string>());
    sum += f["points"].get<int>();
  }
  EXPECT_EQ(j["messages"][0]["heat"], std::clamp(sum, 0, 100));
  EXPECT_EQ(j["messages"][0]["tone"], std::clamp(sum, -100, 100));
}

// The daemon adds fields to the tree instead of reading ThreadJson's line back: reading the line
// back gives the tree's line again, even from text that was not UTF-8 or that needs escapes.
TEST(ThreadJsonValue, IsTheTreeThreadJsonWrites) {
  using ordered = nlohmann::ordered_json;
  const auto dump = [](const ordered& j) {
    return j.dump(-1, ' ', false, ordered::error_handler_t::replace);
  };
  ThreadReport t = SampleThread();
  t.source = "bad\xFFname.txt";
  t.messages[0].findings[0].text = "she said \"no\"\n\tthen \\ left \x01 \xE2\x82";
  t.move_off_email = MoveOffEmail{{"sustained heat"}, "Could we talk?"};
  t.unanswered = Unanswered{"m1", 17, 3600000};
  t.messages[1].start_ms = 0;
  t.messages[1].end_ms = 1500;
  const std::string line = ThreadJson(t);
  EXPECT_EQ(line, dump(ThreadJsonValue(t)));
  EXPECT_EQ(line, dump(ordered::parse(line)));
  EXPECT_EQ(dump(ordered::parse(line).at("messages").at(1)), dump(MessageJsonValue(t.messages[1])));
}

TEST(LineJson, HasExactlyLineHeatFindingsWithoutErrorsOrSource) {
  LineResult line;
  line.line = 7;
  line.analysis = FixtureEngine().Analyze("I will escalate this.");
  const json j = Parse(LineJson(line, ""));
  EXPECT_EQ(Keys(j), (std::set<std::string>{"line", "heat", "tone", "findings"}));
  EXPECT_EQ(j["line"], 7);
  EXPECT_EQ(j["heat"], 15);
  EXPECT_EQ(j["tone"], 15);
  ASSERT_EQ(j["findings"].size(), 1u);
  ExpectFindingContract(j["findings"][0]);
  EXPECT_EQ(j["findings"][0]["text"], "escalate this");
  EXPECT_EQ(j["findings"][0]["begin"], 7);
  EXPECT_EQ(j["findings"][0]["end"], 20);
}

TEST(LineJson, CalmLineHasAnEmptyFindingsArray) {
  LineResult line;
  line.line = 1;
  const json j = Parse(LineJson(line, ""));
  EXPECT_EQ(Keys(j), (std::set<std::string>{"line", "heat", "tone", "findings"}));
  EXPECT_EQ(j["heat"], 0);
  EXPECT_EQ(j["tone"], 0);
  EXPECT_TRUE(j["findings"].is_array());
  EXPECT_TRUE(j["findings"].empty());
}

TEST(LineJson, AddsErrorsAndSourceOnlyWhenThereAreAny) {
  LineResult line;
  line.line = 3;
  line.errors.push_back(
      {"in.txt:3", "line is 5000000 bytes; lines over 1048576 bytes are not analyzed"});
  const json with_errors = Parse(LineJson(line, ""));
  EXPECT_EQ(Keys(with_errors),
            (std::set<std::string>{"line", "heat", "tone", "findings", "errors"}));
  ASSERT_EQ(with_errors["errors"].size(), 1u);
  EXPECT_NE(with_errors["errors"][0].dump().find("line is 5000000 bytes"), std::string::npos);

  const json with_source = Parse(LineJson(line, "in.txt"));
  EXPECT_EQ(Keys(with_source),
            (std::set<std::string>{"line", "heat", "tone", "findings", "errors", "source"}));
  EXPECT_EQ(with_source["source"], "in.txt");

  line.errors.clear();
  const json source_only = Parse(LineJson(line, "b.txt"));
  EXPECT_EQ(Keys(source_only),
            (std::set<std::string>{"line", "heat", "tone", "findings", "source"}));
}

// Tone is the signed sum: courtesy takes it below 0 while heat stays at 0, and with heated findings
// that outweigh the courtesy, heat and tone agree.
TEST(LineJson, ToneIsTheSignedSumAndHeatItsPositivePart) {
  LineResult courteous;
  courteous.analysis = TextAnalysis{};
  courteous.analysis.findings = {
      MakeFinding("repair.thank-you", Category::kRepair, -3, {0, 6}, "Thanks", std::nullopt),
      MakeFinding("repair.praise", Category::kRepair, -3, {8, 18}, "Great work", std::nullopt)};
  courteous.analysis.heat = HeatOf(courteous.analysis.findings);
  const json calm = Parse(LineJson(courteous, ""));
  EXPECT_EQ(calm["heat"], 0);
  EXPECT_EQ(calm["tone"], -6);

  LineResult heated;
  heated.analysis = FixtureEngine().Analyze("Thanks. I will escalate this.");
  const json hot = Parse(LineJson(heated, ""));
  int sum = 0;
  for (const json& f : hot["findings"]) sum += f["points"].get<int>();
  EXPECT_GT(sum, 0) << hot.dump();
  EXPECT_EQ(hot["tone"], sum);
  EXPECT_EQ(hot["heat"], sum);
}

TEST(ToneOf, StaysWithinMinusAndPlusMaxHeat) {
  std::vector<Finding> many(
      30, MakeFinding("repair.apologize", Category::kRepair, -8, {0, 5}, "sorry", std::nullopt));
  EXPECT_EQ(ToneOf(many), -kMaxHeat);
  EXPECT_EQ(HeatOf(many), 0);
  for (Finding& f : many) f.points = 8;
  EXPECT_EQ(ToneOf(many), kMaxHeat);
  EXPECT_EQ(HeatOf(many), kMaxHeat);
}

}  // namespace
}  // namespace tonewatch
