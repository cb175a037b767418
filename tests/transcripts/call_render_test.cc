// The call metrics as JSON (parsed back and checked field by field) and as text.
#include "analyzers/render/call_render.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace tonewatch {
namespace {

CallMetrics Sample() {
  CallMetrics m;
  m.turns = 3;
  m.timed = true;
  m.start_ms = 500;
  m.duration_ms = 65'000;
  SpeakerMetrics sam;
  sam.speaker = "Sam";
  sam.me = true;
  sam.turns = 2;
  sam.talk_ms = 20'000;
  sam.share = 2.0 / 3;
  sam.heats = {0, 5};
  sam.trend = "unknown";
  SpeakerMetrics jordan;
  jordan.speaker = "Jordan";
  jordan.turns = 1;
  jordan.talk_ms = 10'000;
  jordan.share = 1.0 / 3;
  jordan.heats = {60};
  jordan.heat = 60;
  jordan.trend = "steady";
  jordan.interruptions = 1;
  m.speakers = {sam, jordan};
  m.longest_monologue = Monologue{"Sam", "turn-1", 500, 15'000};
  m.interruptions = {{"turn-2", "Jordan", "Sam", 14'000, 1'500}};
  m.silences = {{"turn-2", 30'000, 4'500}};
  m.first_hot = FirstHot{"turn-2", "Jordan", 60, 14'000};
  m.hot = true;
  m.follow_up = {{"turn-2", "Jordan", 60, 14'000, {"That is \"unacceptable\"."}, {"hostility"}}};
  return m;
}

TEST(CallRender, JsonHasTheDocumentedFieldsInOrder) {
  const std::string text = CallMetricsJson(Sample());
  EXPECT_EQ(text.find('\n'), std::string::npos);
  const auto j = nlohmann::ordered_json::parse(text);
  std::vector<std::string> keys;
  for (const auto& [key, value] : j.items()) keys.push_back(key);
  EXPECT_EQ(keys,
            (std::vector<std::string>{"turns", "timed", "start_ms", "duration_ms", "share_basis",
                                      "speakers", "longest_monologue", "interruptions", "silences",
                                      "first_hot", "hot", "follow_up"}));
  EXPECT_EQ(j["speakers"][0]["speaker"], "Sam");
  EXPECT_EQ(j["speakers"][0]["me"], true);
  EXPECT_EQ(j["speakers"][0]["share"], 0.667);
  EXPECT_EQ(j["speakers"][1]["heats"], nlohmann::json::array({60}));
  EXPECT_EQ(j["longest_monologue"]["ms"], 15'000);
  EXPECT_EQ(j["interruptions"][0]["interrupted"], "Sam");
  EXPECT_EQ(j["silences"][0]["ms"], 4'500);
  EXPECT_EQ(j["first_hot"]["turn"], "turn-2");
  EXPECT_EQ(j["follow_up"][0]["concerns"][0]["text"], "That is \"unacceptable\".");
  EXPECT_EQ(j["follow_up"][0]["concerns"][0]["category"], "hostility");
}

TEST(CallRender, UnknownsAreNull) {
  CallMetrics m;
  m.speakers.push_back(SpeakerMetrics{});
  m.first_hot = FirstHot{"turn-1", "", 50, std::nullopt};
  const auto j = nlohmann::json::parse(CallMetricsJson(m));
  EXPECT_TRUE(j["speakers"][0]["speaker"].is_null());
  EXPECT_TRUE(j["longest_monologue"].is_null());
  EXPECT_TRUE(j["first_hot"]["at_ms"].is_null());
  EXPECT_TRUE(j["first_hot"]["speaker"].is_null());
}

TEST(CallRender, InvalidUtf8NeverThrows) {
  CallMetrics m = Sample();
  m.speakers[0].speaker = "bad \xFF name";
  const std::string text = CallMetricsJson(m);
  EXPECT_NE(text.find("bad \xEF\xBF\xBD name"), std::string::npos);
}

TEST(CallRender, TextSaysWhatHappenedInOrder) {
  const std::string text = CallMetricsText(Sample());
  EXPECT_EQ(text,
            "Call: 3 turns, 1:05 long\n"
            "Speakers:\n"
            "  Sam (me): 2 turns, 0:20, 67% of the talk, heat 0 (unknown), heats 0 5\n"
            "  Jordan: 1 turn, 0:10, 33% of the talk, heat 60 (steady), heats 60\n"
            "Longest monologue: Sam, 15.0 s from 0:00 (turn-1)\n"
            "Interruptions: 1\n"
            "  Jordan cut in on Sam at 0:14 (turn-2, 1.5 s overlap)\n"
            "Silences over 3 s: 1\n"
            "  4.5 s at 0:30, after turn-2\n"
            "First hot turn: turn-2 (Jordan, heat 60) at 0:14\n"
            "Follow up: acknowledge each of their concerns, in order:\n"
            "  1. \"That is \"unacceptable\".\" (hostility; turn-2, Jordan at 0:14)\n");
}

TEST(CallRender, UntimedCallsSaySo) {
  CallMetrics m;
  m.turns = 1;
  m.share_basis = "text";
  const std::string text = CallMetricsText(m);
  EXPECT_NE(text.find("No times in the transcript"), std::string::npos);
  EXPECT_NE(text.find("No hot turn."), std::string::npos);
}

}  // namespace
}  // namespace tonewatch
