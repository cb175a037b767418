// nlohmann-json's one seam: dump() with the replace handler cannot throw on bad UTF-8, and nothing
// else used here throws for well-formed values.
#include "analyzers/render/json_render.h"

#include <nlohmann/json.hpp>

#include "analyzers/call/call_metrics.h"
#include "analyzers/render/call_render.h"
#include "analyzers/render/json_render_value.h"
#include "analyzers/report/report_json.h"

namespace tonewatch {
namespace {

// ordered_json keeps fields in the order the contract lists them.
using json = nlohmann::ordered_json;

json FindingJson(const Finding& f) {
  return json{
      {"rule", f.rule},     {"category", std::string(CategoryName(f.category))},
      {"points", f.points}, {"begin", f.span.begin},
      {"end", f.span.end},  {"text", f.text},
      {"why", f.why},       {"suggestion", f.suggestion ? json(*f.suggestion) : json(nullptr)},
  };
}

json FindingsJson(const std::vector<Finding>& findings) {
  json out = json::array();
  for (const Finding& f : findings) out.push_back(FindingJson(f));
  return out;
}

json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

json MessageJsonValue(const MessageReport& m) {
  json message = json{
      {"id", m.id},
      {"author", OrNull(m.author)},
      {"me", m.me},
      {"time", OrNull(m.time)},
      {"heat", m.heat},
      {"tone", ToneOf(m.findings)},
      {"findings", FindingsJson(m.findings)},
      {"stripping", m.stripping},
  };
  if (m.start_ms) message["start_ms"] = *m.start_ms;
  if (m.end_ms) message["end_ms"] = *m.end_ms;
  return message;
}

json ThreadJsonValue(const ThreadReport& thread) {
  json messages = json::array();
  for (const MessageReport& m : thread.messages) messages.push_back(MessageJsonValue(m));
  const json move = thread.move_off_email ? json(*thread.move_off_email) : json(nullptr);
  const json unanswered = thread.unanswered ? json(*thread.unanswered) : json(nullptr);
  const json plan = thread.reply_plan ? json(*thread.reply_plan) : json(nullptr);
  json call = nullptr;
  if (thread.call) call = json::parse(CallMetricsJson(*thread.call), nullptr, false);
  json out = json{
      {"schema", kSchemaVersion},
      {"thread", thread.thread},
      {"source", thread.source},
      {"subject", OrNull(thread.subject)},
      {"heat", thread.heat},
      {"trend", thread.trend},
      {"move_off_email", move},
      {"unanswered", unanswered},
      {"reply_plan", plan},
      {"messages", messages},
      {"errors", json(thread.errors)},
  };
  if (thread.call) out["call"] = call;
  return out;
}

std::string ThreadJson(const ThreadReport& thread) { return Dump(ThreadJsonValue(thread)); }

std::string LineJson(const LineResult& line, const std::string& source) {
  json j = {
      {"line", line.line},
      {"heat", line.analysis.heat},
      {"tone", ToneOf(line.analysis.findings)},
      {"findings", FindingsJson(line.analysis.findings)},
  };
  if (!line.errors.empty()) j["errors"] = json(line.errors);
  if (!source.empty()) j["source"] = source;
  return Dump(j);
}

}  // namespace tonewatch
