#include "daemon/store/json_columns.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "analyzers/report/report_json.h"

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

std::string EncodeMoveOffEmail(const MoveOffEmail& move) { return Dump(json(move)); }

std::string EncodeUnanswered(const Unanswered& unanswered) { return Dump(json(unanswered)); }

std::string EncodeReplyPlan(const ReplyPlan& plan) { return Dump(json(plan)); }

std::string EncodeNotices(const std::vector<Notice>& notices) { return Dump(json(notices)); }

Result<std::vector<std::string>> DecodeStrings(std::string_view text, std::string_view column) {
  return Decode<std::vector<std::string>>(
      text, column, [](const json& j) { return j.get<std::vector<std::string>>(); });
}

Result<MoveOffEmail> DecodeMoveOffEmail(std::string_view text, std::string_view column) {
  return Decode<MoveOffEmail>(text, column, [](const json& j) { return j.get<MoveOffEmail>(); });
}

Result<Unanswered> DecodeUnanswered(std::string_view text, std::string_view column) {
  return Decode<Unanswered>(text, column, [](const json& j) { return j.get<Unanswered>(); });
}

Result<ReplyPlan> DecodeReplyPlan(std::string_view text, std::string_view column) {
  return Decode<ReplyPlan>(text, column, [](const json& j) { return j.get<ReplyPlan>(); });
}

Result<std::vector<Notice>> DecodeNotices(std::string_view text, std::string_view column) {
  return Decode<std::vector<Notice>>(text, column,
                                     [](const json& j) { return j.get<std::vector<Notice>>(); });
}

}  // namespace tonewatch::daemon
