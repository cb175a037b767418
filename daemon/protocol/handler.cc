// nlohmann-json's seam for responses. Threads and messages are the core's report-contract trees
// (json_render_value.h), embedded with each finding's fingerprint added so that a client can
// suppress it.
#include "daemon/protocol/handler.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "analyzers/render/json_render_value.h"
#include "daemon/store/keys.h"

namespace tonewatch::daemon {
namespace {

// ordered_json keeps fields in the order PROTOCOL.md lists them.
using json = nlohmann::ordered_json;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// What a method produced: a result, or an error for the response.
struct Outcome {
  Outcome(json r) : result(std::move(r)) {}  // NOLINT: implicit, so methods `return {value}`
  Outcome(ProtocolError c, std::string m) : code(c), message(std::move(m)), ok(false) {}

  json result;
  ProtocolError code = ProtocolError::kInternal;
  std::string message;
  bool ok = true;
};

Outcome Failed(ProtocolError code, std::string message) {
  return Outcome(code, std::move(message));
}

// Store errors by kind: kUsage is the client's, kNotFound a missing id, the rest the daemon's.
// Only the daemon's own failures name the database file: the client cannot act on it otherwise.
Outcome FromError(const Error& e) {
  switch (e.code) {
    case ErrorCode::kUsage:
      return Failed(ProtocolError::kBadRequest, e.message);
    case ErrorCode::kNotFound:
      return Failed(ProtocolError::kNotFound, e.message);
    default:
      return Failed(ProtocolError::kInternal, e.ToString());
  }
}

json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

// Adds its fingerprint to each finding of `value`, the MessageJsonValue of `message`.
void AddFingerprints(const MessageReport& message, json& value) {
  json& findings = value.at("findings");
  for (size_t k = 0; k < message.findings.size(); ++k) {
    findings.at(k)["fingerprint"] = FindingFingerprint(message.id, message.findings[k]);
  }
}

// The thread in the report contract, each finding with its fingerprint.
json ThreadValue(const ThreadReport& thread) {
  json j = ThreadJsonValue(thread);
  json& messages = j.at("messages");
  for (size_t i = 0; i < thread.messages.size(); ++i) {
    AddFingerprints(thread.messages[i], messages.at(i));
  }
  return j;
}

json MessageValue(const MessageReport& message) {
  json j = MessageJsonValue(message);
  AddFingerprints(message, j);
  return j;
}

json SuppressionValue(const Suppression& s) {
  return json{{"id", s.id},
              {"kind", std::string(SuppressionKindName(s.rule.kind))},
              {"rule", OrNull(s.rule.rule)},
              {"thread", OrNull(s.rule.thread)},
              {"fingerprint", OrNull(s.rule.fingerprint)},
              {"note", OrNull(s.rule.note)},
              {"created_ms", s.created_ms}};
}

json ChangeValue(const SuppressionChange& c) {
  return json{{"suppression", SuppressionValue(c.suppression)},
              {"created", c.created},
              {"affected_messages", c.affected_messages},
              {"affected_threads", c.affected_threads}};
}

json Failures(const std::vector<FailedFile>& failures) {
  json out = json::array();
  for (const FailedFile& f : failures) out.push_back({{"path", f.path}, {"error", f.error}});
  return out;
}

// One overload per method.
class Methods {
 public:
  Methods(Queries& queries, Control& control) : queries_(queries), control_(control) {}

  Outcome operator()(const StatusRequest&) {
    auto s = queries_.Status();
    if (!s) return FromError(s.error());
    const RuntimeStatus runtime = control_.Runtime();
    return {json{{"protocol", kProtocolVersion},
                 {"schema", s->schema_version},
                 {"messages", s->messages},
                 {"threads", s->threads},
                 {"files", s->files},
                 {"failed_files", s->failed_files},
                 {"failures", Failures(s->failures)},
                 {"suppressions", s->suppressions},
                 {"queued", runtime.queued},
                 {"lexicon", OrNull(runtime.lexicon_hash)},
                 {"watching", runtime.watching},
                 {"progress",
                  {{"in_progress", runtime.in_progress},
                   {"files_read", runtime.files_read},
                   {"messages_stored", runtime.messages_stored},
                   {"scanning", runtime.scanning}}}}};
  }

  Outcome operator()(const FlaggedRequest& r) {
    FlaggedFilter filter = r.filter;
    if (!r.min_heat_given) filter.min_heat = control_.DefaultMinHeat();
    auto page = queries_.Flagged(filter);
    if (!page) return FromError(page.error());
    json threads = json::array();
    for (const ThreadReport& t : page->threads) threads.push_back(ThreadValue(t));
    return {json{{"total", page->total},
                 {"offset", r.filter.offset},
                 {"limit", r.filter.limit},
                 {"threads", threads}}};
  }

  Outcome operator()(const ThreadRequest& r) {
    auto thread = queries_.Thread(r.id);
    if (!thread) return FromError(thread.error());
    if (!*thread) return Failed(ProtocolError::kNotFound, fmt::format("no thread {}", r.id));
    return {ThreadValue(**thread)};
  }

  Outcome operator()(const MessageRequest& r) {
    auto message = queries_.Message(r.id);
    if (!message) return FromError(message.error());
    if (!*message) return Failed(ProtocolError::kNotFound, fmt::format("no message {}", r.id));
    const MessageDetail& m = **message;
    return {json{{"thread", m.thread},
                 {"subject", OrNull(m.report.subject)},
                 {"path", m.path},
                 {"source_offset", m.source_offset},
                 {"lexicon", OrNull(m.lexicon_hash)},
                 {"message", MessageValue(m.report)}}};
  }

  Outcome operator()(const SuppressRequest& r) { return Change(queries_.Suppress(r.rule)); }

  Outcome operator()(const UnsuppressRequest& r) {
    return Change(r.id ? queries_.Unsuppress(*r.id) : queries_.UnsuppressRule(r.rule));
  }

  Outcome operator()(const SuppressionsRequest&) {
    auto list = queries_.Suppressions();
    if (!list) return FromError(list.error());
    json out = json::array();
    for (const Suppression& s : *list) out.push_back(SuppressionValue(s));
    return {json{{"suppressions", out}}};
  }

  Outcome operator()(const ReloadRequest&) {
    auto reloaded = control_.Reload();
    if (!reloaded) {
      return Failed(
          ProtocolError::kReloadFailed,
          fmt::format("{}; the previous lexicon stays in use", reloaded.error().ToString()));
    }
    return {
        json{{"lexicon", reloaded->lexicon_hash}, {"stale_messages", reloaded->stale_messages}}};
  }

 private:
  static Outcome Change(const Result<SuppressionChange>& change) {
    if (!change) return FromError(change.error());
    return {ChangeValue(*change)};
  }

  Queries& queries_;
  Control& control_;
};

json IdValue(const std::string& id_json) {
  json id = json::parse(id_json, nullptr, /*allow_exceptions=*/false);
  return id.is_discarded() ? json(nullptr) : id;
}

}  // namespace

std::string ErrorLine(const std::string& id_json, ProtocolError code, std::string_view message) {
  return Dump(
      json{{"v", kProtocolVersion},
           {"id", IdValue(id_json)},
           {"ok", false},
           {"error",
            {{"code", std::string(ProtocolErrorName(code))}, {"message", std::string(message)}}}});
}

Handler::Handler(Queries& queries, Control& control) : queries_(queries), control_(control) {}

std::string Handler::HandleLine(std::string_view line) {
  auto parsed = ParseRequest(line);
  if (auto* error = std::get_if<RequestError>(&parsed)) {
    return ErrorLine(error->id_json, error->code, error->message);
  }
  return Handle(std::get<Request>(parsed));
}

std::string Handler::Handle(const Request& request) {
  try {
    Outcome outcome = std::visit(Methods(queries_, control_), request.params);
    if (!outcome.ok) return ErrorLine(request.id_json, outcome.code, outcome.message);
    return Dump(json{{"v", kProtocolVersion},
                     {"id", IdValue(request.id_json)},
                     {"ok", true},
                     {"result", std::move(outcome.result)}});
  } catch (const std::exception& e) {
    // Only a bug gets here (a report tree without the fields it always has): answer, keep serving.
    return ErrorLine(request.id_json, ProtocolError::kInternal, e.what());
  }
}

std::string Handler::FramingError(std::string_view why) {
  return ErrorLine("null", ProtocolError::kBadRequest,
                   fmt::format("{}; closing the connection", why));
}

}  // namespace tonewatch::daemon
