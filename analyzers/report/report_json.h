#pragma once

// The report contract's JSON shape of a thread's move-off-email prompt, unanswered heat, reply plan
// and notices: written by the renderer, kept in the daemon's store columns and read back by the
// CLI. Defined once as nlohmann-json's to_json / from_json (found by argument-dependent lookup),
// for nlohmann::json and ordered_json alike. Field order is the contract's. from_json is strict:
// a missing field throws nlohmann's out_of_range, a wrong type its type_error. A target including
// this header links nlohmann_json::nlohmann_json itself (the core links it privately).

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analyzers/report/report.h"

namespace tonewatch {

template <typename Json>
void to_json(Json& j, const MoveOffEmail& move) {
  j = Json{{"reasons", move.reasons}, {"opening", move.opening}};
}

template <typename Json>
void from_json(const Json& j, MoveOffEmail& move) {
  move.reasons = j.at("reasons").template get<std::vector<std::string>>();
  move.opening = j.at("opening").template get<std::string>();
}

template <typename Json>
void to_json(Json& j, const Unanswered& unanswered) {
  j = Json{{"message", unanswered.message},
           {"heat", unanswered.heat},
           {"waiting_ms", unanswered.waiting_ms}};
}

template <typename Json>
void from_json(const Json& j, Unanswered& unanswered) {
  unanswered.message = j.at("message").template get<std::string>();
  unanswered.heat = j.at("heat").template get<int>();
  unanswered.waiting_ms = j.at("waiting_ms").template get<int64_t>();
}

template <typename Json>
void to_json(Json& j, const ReplyPlan& plan) {
  Json concerns = Json::array();
  for (const ReplyPlan::Concern& c : plan.concerns) {
    concerns.push_back(Json{{"text", c.text}, {"category", c.category}, {"advice", c.advice}});
  }
  j = Json{{"message", plan.message}, {"concerns", std::move(concerns)}, {"steps", plan.steps}};
}

template <typename Json>
void from_json(const Json& j, ReplyPlan& plan) {
  plan.message = j.at("message").template get<std::string>();
  plan.concerns.clear();
  for (const Json& c : j.at("concerns")) {
    plan.concerns.push_back({c.at("text").template get<std::string>(),
                             c.at("category").template get<std::string>(),
                             c.at("advice").template get<std::string>()});
  }
  plan.steps = j.at("steps").template get<std::vector<std::string>>();
}

template <typename Json>
void to_json(Json& j, const Notice& notice) {
  j = Json{{"where", notice.where}, {"message", notice.message}};
}

template <typename Json>
void from_json(const Json& j, Notice& notice) {
  notice.where = j.at("where").template get<std::string>();
  notice.message = j.at("message").template get<std::string>();
}

}  // namespace tonewatch
