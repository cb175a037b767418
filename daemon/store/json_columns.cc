#include "daemon/store/json_columns.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace tonewatch::daemon {
namespace {

using json = nlohmann::json;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// Parses `text` and converts it with `convert`, which may throw nlohmann's exceptions on a wrong
// shape: the one place those are caught.
template <typename T, typename Convert>
Result<T> Decode(std::string_view text, std::string_view column, Convert&& convert) {
  try {
    return convert(json::parse(text));
  } catch (const json::exception& e) {
    return Err(ErrorCode::kBadInput, std::string(column),
               fmt::format("stored JSON is damaged: {}", e.what()),
               "move the database aside and restart tonewatchd to rebuild it");
  }
}

}  // namespace

std::string EncodeStrings(const std::vector<std::string>& strings) { return Dump(json(strings)); }

std::string EncodeMoveOffEmail(const MoveOffEmail& move) {
  return Dump(json{{"reasons", move.reasons}, {"opening", move.opening}});
}

std::string EncodeUnanswered(const Unanswered& unanswered) {
  return Dump(json{{"message", unanswered.message},
                   {"heat", unanswered.heat},
                   {"waiting_ms", unanswered.waiting_ms}});
}

std::string EncodeReplyPlan(const ReplyPlan& plan) {
  json concerns = json::array();
  for (const auto& c : plan.concerns) {
    concerns.push_back(json{{"text", c.text}, {"category", c.category}, {"advice", c.advice}});
  }
  return Dump(json{{"message", plan.message}, {"concerns", concerns}, {"steps", plan.steps}});
}

std::string EncodeNotices(const std::vector<Notice>& notices) {
  json out = json::array();
  for (const Notice& n : notices) out.push_back(json{{"where", n.where}, {"message", n.message}});
  return Dump(out);
}

Result<std::vector<std::string>> DecodeStrings(std::string_view text, std::string_view column) {
  return Decode<std::vector<std::string>>(
      text, column, [](const json& j) { return j.get<std::vector<std::string>>(); });
}

Result<MoveOffEmail> DecodeMoveOffEmail(std::string_view text, std::string_view column) {
  return Decode<MoveOffEmail>(text, column, [](const json& j) {
    return MoveOffEmail{j.at("reasons").get<std::vector<std::string>>(),
                        j.at("opening").get<std::string>()};
  });
}

Result<Unanswered> DecodeUnanswered(std::string_view text, std::string_view column) {
  return Decode<Unanswered>(text, column, [](const json& j) {
    return Unanswered{j.at("message").get<std::string>(), j.at("heat").get<int>(),
                      j.at("waiting_ms").get<int64_t>()};
  });
}

Result<ReplyPlan> DecodeReplyPlan(std::string_view text, std::string_view column) {
  return Decode<ReplyPlan>(text, column, [](const json& j) {
    ReplyPlan plan;
    plan.message = j.at("message").get<std::string>();
    for (const json& c : j.at("concerns")) {
      plan.concerns.push_back({c.at("text").get<std::string>(), c.at("category").get<std::string>(),
                               c.at("advice").get<std::string>()});
    }
    plan.steps = j.at("steps").get<std::vector<std::string>>();
    return plan;
  });
}

Result<std::vector<Notice>> DecodeNotices(std::string_view text, std::string_view column) {
  return Decode<std::vector<Notice>>(text, column, [](const json& j) {
    std::vector<Notice> notices;
    for (const json& n : j) {
      notices.push_back({n.at("where").get<std::string>(), n.at("message").get<std::string>()});
    }
    return notices;
  });
}

}  // namespace tonewatch::daemon
