// nlohmann-json's seam for held reports: parse errors become nullopt here.
#include "analyzers/report/report_codec.h"

#include <nlohmann/json.hpp>

namespace tonewatch {
namespace {

using json = nlohmann::json;

json FindingToJson(const Finding& f) {
  return json::array({f.rule, static_cast<int>(f.category), f.points, f.span.begin, f.span.end,
                      f.text, f.why, f.suggestion ? json(*f.suggestion) : json(nullptr), f.context,
                      f.context_offset});
}

Finding FindingFromJson(const json& j) {
  Finding f;
  f.rule = j.at(0).get<std::string>();
  f.category = static_cast<Category>(j.at(1).get<int>());
  f.points = j.at(2).get<int>();
  f.span = {j.at(3).get<size_t>(), j.at(4).get<size_t>()};
  f.text = j.at(5).get<std::string>();
  f.why = j.at(6).get<std::string>();
  if (!j.at(7).is_null()) f.suggestion = j.at(7).get<std::string>();
  f.context = j.at(8).get<std::string>();
  f.context_offset = j.at(9).get<size_t>();
  return f;
}

}  // namespace

std::string EncodeMessageReport(const MessageReport& r) {
  json findings = json::array();
  for (const Finding& f : r.findings) findings.push_back(FindingToJson(f));
  const json j = {{"i", r.id},
                  {"a", r.author},
                  {"m", r.me},
                  {"t", r.time},
                  {"ms", r.time_ms ? json(*r.time_ms) : json(nullptr)},
                  {"r", r.recipients},
                  {"h", r.heat},
                  {"f", findings},
                  {"s", r.stripping},
                  {"o", r.omitted_findings},
                  {"sj", r.subject}};
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<MessageReport> DecodeMessageReport(std::string_view line) {
  try {
    const json j = json::parse(line);
    MessageReport r;
    r.id = j.at("i").get<std::string>();
    r.author = j.at("a").get<std::string>();
    r.me = j.at("m").get<bool>();
    r.time = j.at("t").get<std::string>();
    if (!j.at("ms").is_null()) r.time_ms = j.at("ms").get<int64_t>();
    r.recipients = j.at("r").get<std::vector<std::string>>();
    r.heat = j.at("h").get<int>();
    for (const json& f : j.at("f")) r.findings.push_back(FindingFromJson(f));
    r.stripping = j.at("s").get<std::string>();
    r.omitted_findings = j.at("o").get<size_t>();
    r.subject = j.at("sj").get<std::string>();
    return r;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace tonewatch
