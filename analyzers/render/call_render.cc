// nlohmann-json's seam for the call metrics: dump() with the replace handler cannot throw on bad
// UTF-8, and nothing else used here throws for well-formed values.
#include "analyzers/render/call_render.h"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

namespace tonewatch {
namespace {

// ordered_json keeps the fields in the documented order.
using json = nlohmann::ordered_json;

constexpr double kShareScale = 1000;  // three decimals

json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }
json OrNull(const std::optional<int64_t>& ms) { return ms ? json(*ms) : json(nullptr); }

json SpeakerJson(const SpeakerMetrics& s) {
  return json{{"speaker", OrNull(s.speaker)},
              {"me", s.me},
              {"turns", s.turns},
              {"talk_ms", s.talk_ms},
              {"share", std::round(s.share * kShareScale) / kShareScale},
              {"heat", s.heat},
              {"trend", s.trend},
              {"heats", s.heats},
              {"interruptions", s.interruptions},
              {"interrupted", s.interrupted}};
}

json FollowUpJson(const FollowUpItem& item) {
  json concerns = json::array();
  for (size_t i = 0; i < item.concerns.size(); ++i) {
    concerns.push_back(json{{"text", item.concerns[i]}, {"category", item.categories[i]}});
  }
  return json{{"turn", item.turn},
              {"speaker", OrNull(item.speaker)},
              {"heat", item.heat},
              {"at_ms", OrNull(item.at_ms)},
              {"concerns", concerns}};
}

void AddTimelineJson(const CallMetrics& m, json& out) {
  json cuts = json::array();
  for (const Interruption& c : m.interruptions) {
    cuts.push_back(json{{"turn", c.turn},
                        {"speaker", OrNull(c.speaker)},
                        {"interrupted", OrNull(c.interrupted)},
                        {"at_ms", c.at_ms},
                        {"overlap_ms", c.overlap_ms}});
  }
  json silences = json::array();
  for (const Silence& s : m.silences) {
    silences.push_back(json{{"after_turn", s.after_turn}, {"start_ms", s.start_ms}, {"ms", s.ms}});
  }
  json monologue = nullptr;
  if (m.longest_monologue) {
    const Monologue& l = *m.longest_monologue;
    monologue = json{
        {"speaker", OrNull(l.speaker)}, {"turn", l.turn}, {"start_ms", l.start_ms}, {"ms", l.ms}};
  }
  out["longest_monologue"] = monologue;
  out["interruptions"] = cuts;
  out["silences"] = silences;
}

// "1:05" or "1:02:03": a moment of the call.
std::string Clock(int64_t ms) {
  const int64_t seconds = std::max<int64_t>(0, ms) / 1000;
  if (seconds >= 3600) {
    return fmt::format("{}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
  return fmt::format("{}:{:02}", seconds / 60, seconds % 60);
}

std::string At(const std::optional<int64_t>& ms) {
  return ms ? fmt::format(" at {}", Clock(*ms)) : std::string();
}

// "4.5 s": a length of time.
std::string Seconds(int64_t ms) { return fmt::format("{:.1f} s", static_cast<double>(ms) / 1000); }

std::string Name(const std::string& speaker) {
  return speaker.empty() ? std::string("(unknown speaker)") : speaker;
}

void SpeakersText(const CallMetrics& m, std::string& out) {
  out += "Speakers:\n";
  for (const SpeakerMetrics& s : m.speakers) {
    std::string heats;
    for (int h : s.heats) heats += fmt::format("{}{}", heats.empty() ? "" : " ", h);
    out +=
        fmt::format("  {}{}: {} turn{}, {}{:.0f}% of the talk, heat {} ({}), heats {}\n",
                    Name(s.speaker), s.me ? " (me)" : "", s.turns, s.turns == 1 ? "" : "s",
                    m.share_basis == "time" ? fmt::format("{}, ", Clock(s.talk_ms)) : std::string(),
                    s.share * 100, s.heat, s.trend, heats);
  }
}

void TimelineText(const CallMetrics& m, std::string& out) {
  if (!m.timed) {
    out += "No times in the transcript: no monologue, interruption or silence figures.\n";
    return;
  }
  if (m.longest_monologue) {
    const Monologue& l = *m.longest_monologue;
    out += fmt::format("Longest monologue: {}, {} from {} ({})\n", Name(l.speaker), Seconds(l.ms),
                       Clock(l.start_ms), l.turn);
  }
  out += fmt::format("Interruptions: {}\n", m.interruptions.size());
  for (const Interruption& c : m.interruptions) {
    out += fmt::format("  {} cut in on {} at {} ({}, {} overlap)\n", Name(c.speaker),
                       Name(c.interrupted), Clock(c.at_ms), c.turn, Seconds(c.overlap_ms));
  }
  out += fmt::format("Silences over 3 s: {}\n", m.silences.size());
  for (const Silence& s : m.silences) {
    out += fmt::format("  {} at {}, after {}\n", Seconds(s.ms), Clock(s.start_ms), s.after_turn);
  }
}

void HeatText(const CallMetrics& m, std::string& out) {
  if (!m.first_hot) {
    out += "No hot turn.\n";
    return;
  }
  out += fmt::format("First hot turn: {} ({}, heat {}){}\n", m.first_hot->turn,
                     Name(m.first_hot->speaker), m.first_hot->heat, At(m.first_hot->at_ms));
  if (m.follow_up.empty()) return;
  out += "Follow up: acknowledge each of their concerns, in order:\n";
  int n = 0;
  for (const FollowUpItem& item : m.follow_up) {
    for (size_t i = 0; i < item.concerns.size(); ++i) {
      out += fmt::format("  {}. \"{}\" ({}; {}, {}{})\n", ++n, item.concerns[i], item.categories[i],
                         item.turn, Name(item.speaker), At(item.at_ms));
    }
  }
}

}  // namespace

std::string CallMetricsText(const CallMetrics& m) {
  std::string out =
      fmt::format("Call: {} turn{}{}\n", m.turns, m.turns == 1 ? "" : "s",
                  m.timed ? fmt::format(", {} long", Clock(m.duration_ms)) : std::string());
  SpeakersText(m, out);
  TimelineText(m, out);
  HeatText(m, out);
  return out;
}

std::string CallMetricsJson(const CallMetrics& m) {
  json speakers = json::array();
  for (const SpeakerMetrics& s : m.speakers) speakers.push_back(SpeakerJson(s));
  json out = {{"turns", m.turns},
              {"timed", m.timed},
              {"start_ms", m.start_ms},
              {"duration_ms", m.duration_ms},
              {"share_basis", m.share_basis},
              {"speakers", speakers}};
  AddTimelineJson(m, out);
  json first_hot = nullptr;
  if (m.first_hot) {
    first_hot = json{{"turn", m.first_hot->turn},
                     {"speaker", OrNull(m.first_hot->speaker)},
                     {"heat", m.first_hot->heat},
                     {"at_ms", OrNull(m.first_hot->at_ms)}};
  }
  out["first_hot"] = first_hot;
  out["hot"] = m.hot;
  json follow_up = json::array();
  for (const FollowUpItem& item : m.follow_up) follow_up.push_back(FollowUpJson(item));
  out["follow_up"] = follow_up;
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace tonewatch
