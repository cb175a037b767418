// nlohmann-json's seam for reports: the readers below use at() and get<>(), which throw on a
// missing or wrong-typed field; the two public functions catch that and name the field.
#include "cli/daemon_report.h"

#include <fmt/format.h>

#include <exception>

#include "analyzers/lexicon/category.h"
#include "analyzers/report/report_json.h"

namespace tonewatch::cli {
namespace {

struct ReadFinding {
  Finding finding;
  std::string fingerprint;
};

ReadFinding FindingOf(const Json& j) {
  Finding f;
  f.rule = j.at("rule").get<std::string>();
  f.category = ParseCategory(j.at("category").get<std::string>()).value_or(Category::kAccusation);
  f.points = j.at("points").get<int>();
  f.span.begin = j.at("begin").get<size_t>();
  f.span.end = j.at("end").get<size_t>();
  f.text = j.at("text").get<std::string>();
  f.why = OrEmpty(j, "why");
  if (const auto s = j.find("suggestion"); s != j.end() && !s->is_null()) {
    f.suggestion = s->get<std::string>();
  }
  // RenderThreadText highlights the finding inside its context; its own words are all we have.
  f.context = f.text;
  f.context_offset = 0;
  return {std::move(f), OrEmpty(j, "fingerprint")};
}

DaemonMessage MessageOf(const Json& j) {
  DaemonMessage out;
  MessageReport& m = out.report;
  m.id = j.at("id").get<std::string>();
  m.author = OrEmpty(j, "author");
  m.me = j.at("me").get<bool>();
  m.time = OrEmpty(j, "time");
  m.heat = j.at("heat").get<int>();
  m.stripping = j.value("stripping", std::string("none"));
  if (const auto s = j.find("start_ms"); s != j.end()) m.start_ms = s->get<int64_t>();
  if (const auto e = j.find("end_ms"); e != j.end()) m.end_ms = e->get<int64_t>();
  for (const Json& f : j.at("findings")) {
    ReadFinding read = FindingOf(f);
    m.findings.push_back(std::move(read.finding));
    out.fingerprints.push_back(std::move(read.fingerprint));
  }
  return out;
}

std::optional<MoveOffEmail> MoveOf(const Json& j) {
  if (j.is_null()) return std::nullopt;
  return j.get<MoveOffEmail>();
}

std::optional<Unanswered> UnansweredOf(const Json& j) {
  if (j.is_null()) return std::nullopt;
  return j.get<Unanswered>();
}

// Not ReplyPlan's from_json: a concern's advice may be absent or null here, where the store,
// reading what it wrote itself, refuses that as damage.
std::optional<ReplyPlan> PlanOf(const Json& j) {
  if (j.is_null()) return std::nullopt;
  ReplyPlan plan;
  plan.message = j.at("message").get<std::string>();
  for (const Json& c : j.at("concerns")) {
    plan.concerns.push_back({c.at("text").get<std::string>(), c.at("category").get<std::string>(),
                             OrEmpty(c, "advice")});
  }
  plan.steps = j.at("steps").get<std::vector<std::string>>();
  return plan;
}

// Optional objects may be absent as well as null: fields are only ever added to the contract.
const Json& Field(const Json& j, const char* key) {
  static const Json kNull;
  const auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}

DaemonThread ThreadOf(const Json& j) {
  DaemonThread out;
  ThreadReport& t = out.report;
  t.thread = j.at("thread").get<std::string>();
  t.source = OrEmpty(j, "source");
  t.subject = OrEmpty(j, "subject");
  t.heat = j.at("heat").get<int>();
  t.trend = j.value("trend", std::string("unknown"));
  t.move_off_email = MoveOf(Field(j, "move_off_email"));
  t.unanswered = UnansweredOf(Field(j, "unanswered"));
  t.reply_plan = PlanOf(Field(j, "reply_plan"));
  for (const Json& m : j.at("messages")) {
    DaemonMessage read = MessageOf(m);
    t.messages.push_back(std::move(read.report));
    out.fingerprints.push_back(std::move(read.fingerprints));
  }
  for (const Json& e : Field(j, "errors")) {
    t.errors.push_back({OrEmpty(e, "where"), OrEmpty(e, "message")});
  }
  return out;
}

Error Unreadable(const std::string& where, std::string_view what, const std::exception& e) {
  return Err(ErrorCode::kInternal, where,
             fmt::format("tonewatchd sent a {} this tonewatch cannot read: {}", what, e.what()),
             "install the same version of tonewatch and tonewatchd");
}

}  // namespace

Result<DaemonThread> DecodeThread(const Json& thread, const std::string& where) {
  try {
    return ThreadOf(thread);
  } catch (const std::exception& e) {
    return Unreadable(where, "thread", e);
  }
}

Result<DaemonMessage> DecodeMessage(const Json& message, const std::string& where) {
  try {
    return MessageOf(message);
  } catch (const std::exception& e) {
    return Unreadable(where, "message", e);
  }
}

}  // namespace tonewatch::cli
