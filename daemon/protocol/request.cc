// nlohmann-json's seam for requests: the line is parsed without exceptions and every field is
// type-checked before it is read; the try block only guards against a bug in that checking.
#include "daemon/protocol/request.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <set>

namespace tonewatch::daemon {
namespace {

using json = nlohmann::json;

struct Failure {
  ProtocolError code;
  std::string message;
};

// Reads the fields of one method's "params", type-checked. The first problem is kept; reading
// after it returns nothing. Finish() refuses fields no read asked for.
class Params {
 public:
  Params(const json& params, std::string_view method) : params_(params), method_(method) {}

  std::optional<std::string> String(const char* name, bool required) {
    const json* v = Find(name, required);
    if (v == nullptr) return std::nullopt;
    if (!v->is_string() || v->get_ref<const std::string&>().empty()) {
      return Fail<std::string>(fmt::format("\"{}\" must be a non-empty string", name));
    }
    return v->get<std::string>();
  }

  std::optional<int64_t> Int(const char* name, int64_t min, int64_t max) {
    const json* v = Find(name, false);
    if (v == nullptr) return std::nullopt;
    // nlohmann reads every non-negative integer as unsigned: compare those as unsigned, so that
    // values past INT64_MAX are refused instead of wrapping.
    bool in_range = false;
    if (v->is_number_unsigned()) {
      const uint64_t u = v->get<uint64_t>();
      in_range = u <= static_cast<uint64_t>(max) && (min <= 0 || u >= static_cast<uint64_t>(min));
    } else if (v->is_number_integer()) {
      in_range = v->get<int64_t>() >= min && v->get<int64_t>() <= max;
    }
    if (!in_range) {
      return Fail<int64_t>(fmt::format("\"{}\" must be an integer from {} to {}", name, min, max));
    }
    return v->get<int64_t>();
  }

  // "since": Unix ms, or an RFC 3339 date or date-time.
  std::optional<int64_t> Since() {
    const json* v = Find("since", false);
    if (v == nullptr) return std::nullopt;
    if (v->is_number_integer()) return Int("since", 0, INT64_MAX);
    if (v->is_string()) {
      if (auto ms = ParseSince(v->get_ref<const std::string&>())) return ms;
    }
    return Fail<int64_t>(
        "\"since\" must be Unix milliseconds or an RFC 3339 date (\"2024-05-01\") or date-time "
        "(\"2024-05-01T09:30:00Z\")");
  }

  std::optional<Failure> Finish() {
    if (failure_) return failure_;
    for (const auto& [key, value] : params_.items()) {
      if (!read_.contains(key)) {
        return Failure{ProtocolError::kBadRequest,
                       fmt::format("{}: unknown parameter \"{}\"", method_, key)};
      }
    }
    return std::nullopt;
  }

  void Refuse(std::string message) {
    if (!failure_) {
      failure_ = Failure{ProtocolError::kBadRequest, fmt::format("{}: {}", method_, message)};
    }
  }

 private:
  const json* Find(const char* name, bool required) {
    read_.insert(name);
    if (failure_) return nullptr;
    auto it = params_.find(name);
    if (it == params_.end()) {
      if (required) Refuse(fmt::format("missing \"{}\"", name));
      return nullptr;
    }
    return &*it;
  }

  template <typename T>
  std::optional<T> Fail(std::string message) {
    Refuse(std::move(message));
    return std::nullopt;
  }

  const json& params_;
  std::string_view method_;
  std::set<std::string> read_;
  std::optional<Failure> failure_;
};

FlaggedRequest ReadFlagged(Params& p) {
  FlaggedRequest r;
  FlaggedFilter& f = r.filter;
  f.since_ms = p.Since();
  if (auto v = p.Int("min_heat", 0, kMaxHeat)) {
    f.min_heat = static_cast<int>(*v);
    r.min_heat_given = true;
  }
  if (auto v = p.String("category", false)) {
    f.category = ParseCategory(*v);
    if (!f.category) p.Refuse(fmt::format("unknown category \"{}\"", *v));
  }
  if (auto v = p.String("counterpart", false)) f.counterpart = *v;
  if (auto v = p.String("folder", false)) f.folder = *v;
  if (auto v = p.Int("limit", 1, kMaxFlaggedLimit)) f.limit = static_cast<int>(*v);
  if (auto v = p.Int("offset", 0, INT32_MAX)) f.offset = static_cast<int>(*v);
  return r;
}

// The kind follows from the fields given: a fingerprint alone, a rule in a thread, or a rule.
SuppressionRule ReadRule(Params& p) {
  SuppressionRule rule;
  rule.rule = p.String("rule", false).value_or("");
  rule.thread = p.String("thread", false).value_or("");
  rule.fingerprint = p.String("fingerprint", false).value_or("");
  if (!rule.fingerprint.empty()) {
    rule.kind = SuppressionKind::kFinding;
    if (!rule.rule.empty() || !rule.thread.empty()) {
      p.Refuse("give a \"fingerprint\" alone, or a \"rule\" with an optional \"thread\"");
    }
  } else if (!rule.rule.empty()) {
    rule.kind = rule.thread.empty() ? SuppressionKind::kRule : SuppressionKind::kThreadRule;
  } else {
    p.Refuse(rule.thread.empty() ? "missing \"rule\" or \"fingerprint\""
                                 : "a \"thread\" needs a \"rule\"");
  }
  return rule;
}

std::variant<RequestParams, Failure> ReadParams(std::string_view method, const json& params) {
  Params p(params, method);
  RequestParams out;
  if (method == "status") {
    out = StatusRequest{};
  } else if (method == "flagged") {
    out = ReadFlagged(p);
  } else if (method == "thread") {
    out = ThreadRequest{p.String("id", true).value_or("")};
  } else if (method == "message") {
    out = MessageRequest{p.String("id", true).value_or("")};
  } else if (method == "suppress") {
    SuppressRequest r{ReadRule(p)};
    r.rule.note = p.String("note", false).value_or("");
    out = std::move(r);
  } else if (method == "unsuppress") {
    UnsuppressRequest r;
    if (params.contains("id")) {
      r.id = p.Int("id", 1, INT64_MAX);
    } else {
      r.rule = ReadRule(p);
    }
    out = std::move(r);
  } else if (method == "suppressions") {
    out = SuppressionsRequest{};
  } else if (method == "reload") {
    out = ReloadRequest{};
  } else {
    return Failure{ProtocolError::kUnknownMethod,
                   fmt::format("unknown method \"{}\" (protocol version {} has status, flagged, "
                               "thread, message, suppress, unsuppress, suppressions, reload)",
                               method, kProtocolVersion)};
  }
  if (auto failure = p.Finish()) return *failure;
  return out;
}

std::variant<Request, RequestError> Parse(std::string_view line) {
  const json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return RequestError{"null", ProtocolError::kBadRequest, "not valid JSON"};
  if (!j.is_object()) {
    return RequestError{"null", ProtocolError::kBadRequest, "a request must be a JSON object"};
  }
  Request request;
  if (auto id = j.find("id"); id != j.end()) {
    if (!id->is_string() && !id->is_number() && !id->is_null()) {
      return RequestError{"null", ProtocolError::kBadRequest,
                          "\"id\" must be a string, a number or null"};
    }
    request.id_json = id->dump(-1, ' ', false, json::error_handler_t::replace);
  }
  const auto fail = [&](ProtocolError code, std::string message) {
    return RequestError{request.id_json, code, std::move(message)};
  };
  auto v = j.find("v");
  if (v == j.end()) return fail(ProtocolError::kBadRequest, "missing \"v\" (protocol version)");
  if (!v->is_number_integer() || v->get<int64_t>() != kProtocolVersion) {
    return fail(ProtocolError::kUnsupportedVersion,
                fmt::format("protocol version {} is not supported; this daemon speaks version {}",
                            v->dump(), kProtocolVersion));
  }
  auto method = j.find("method");
  if (method == j.end() || !method->is_string()) {
    return fail(ProtocolError::kBadRequest, "missing \"method\" (a string)");
  }
  static const json kNoParams = json::object();
  const json* params = &kNoParams;
  if (auto it = j.find("params"); it != j.end()) {
    if (!it->is_object()) return fail(ProtocolError::kBadRequest, "\"params\" must be an object");
    params = &*it;
  }
  auto read = ReadParams(method->get_ref<const std::string&>(), *params);
  if (auto* failure = std::get_if<Failure>(&read)) return fail(failure->code, failure->message);
  request.params = std::move(std::get<RequestParams>(read));
  return request;
}

// Reads exactly `digits` decimal digits at `pos` of `s`.
std::optional<int> Digits(std::string_view s, size_t pos, size_t digits) {
  if (pos + digits > s.size()) return std::nullopt;
  int value = 0;
  for (size_t i = pos; i < pos + digits; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    value = value * 10 + (s[i] - '0');
  }
  return value;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// "Z", "+HH:MM" or "-HH:MM" (or nothing: UTC) at `pos`, as minutes east of UTC.
std::optional<int> Offset(std::string_view s, size_t pos) {
  if (pos == s.size() || s.substr(pos) == "Z" || s.substr(pos) == "z") return 0;
  if (s.size() != pos + 6 || (s[pos] != '+' && s[pos] != '-') || s[pos + 3] != ':') {
    return std::nullopt;
  }
  auto h = Digits(s, pos + 1, 2), m = Digits(s, pos + 4, 2);
  if (!h || !m || *h > 23 || *m > 59) return std::nullopt;
  return (s[pos] == '-' ? -1 : 1) * (*h * 60 + *m);
}

}  // namespace

std::string_view ProtocolErrorName(ProtocolError code) {
  switch (code) {
    case ProtocolError::kBadRequest:
      return "bad-request";
    case ProtocolError::kUnknownMethod:
      return "unknown-method";
    case ProtocolError::kNotFound:
      return "not-found";
    case ProtocolError::kUnsupportedVersion:
      return "unsupported-version";
    case ProtocolError::kReloadFailed:
      return "reload-failed";
    case ProtocolError::kInternal:
      return "internal";
  }
  return "internal";
}

std::variant<Request, RequestError> ParseRequest(std::string_view line) {
  try {
    return Parse(line);
  } catch (const std::exception& e) {
    return RequestError{"null", ProtocolError::kBadRequest,
                        fmt::format("request could not be read: {}", e.what())};
  }
}

std::optional<int64_t> ParseSince(std::string_view s) {
  auto y = Digits(s, 0, 4), mo = Digits(s, 5, 2), d = Digits(s, 8, 2);
  if (!y || !mo || !d || s[4] != '-' || s[7] != '-' || *mo < 1 || *mo > 12 || *d < 1 ||
      *d > DaysInMonth(*y, *mo)) {
    return std::nullopt;
  }
  int64_t seconds = DaysFromCivil(*y, *mo, *d) * 86400;
  if (s.size() == 10) return seconds * 1000;
  if (s[10] != 'T' && s[10] != 't' && s[10] != ' ') return std::nullopt;
  auto h = Digits(s, 11, 2), mi = Digits(s, 14, 2);
  if (!h || !mi || s.size() < 16 || s[13] != ':' || *h > 23 || *mi > 59) return std::nullopt;
  size_t pos = 16;
  int sec = 0, ms = 0;
  if (pos < s.size() && s[pos] == ':') {
    auto v = Digits(s, pos + 1, 2);
    if (!v || *v > 60) return std::nullopt;  // 60: a leap second, counted as the next one
    sec = *v;
    pos += 3;
    if (pos < s.size() && s[pos] == '.') {
      size_t end = pos + 1;
      while (end < s.size() && s[end] >= '0' && s[end] <= '9') ++end;
      if (end == pos + 1) return std::nullopt;
      // Milliseconds: the first three digits of the fraction; the rest is below our resolution.
      for (size_t i = pos + 1; i < pos + 4; ++i) ms = ms * 10 + (i < end ? s[i] - '0' : 0);
      pos = end;
    }
  }
  auto offset = Offset(s, pos);
  if (!offset) return std::nullopt;
  seconds += *h * 3600 + *mi * 60 + sec - *offset * 60;
  return seconds * 1000 + ms;
}

}  // namespace tonewatch::daemon
