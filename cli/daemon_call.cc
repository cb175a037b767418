// nlohmann-json's seam for the envelope: parse() without exceptions, every field looked up with
// find() and checked for its type, and a catch-all for what is left (dump on a bad string).
#include "cli/daemon_call.h"

#include <fmt/format.h>

#include <exception>

namespace tonewatch::cli {
namespace {

// Every call is one request on its own connection, so any id would do; one makes the echo
// checkable.
constexpr int kRequestId = 1;
// How much of a line that is not a response is quoted in the error.
constexpr size_t kQuoteBytes = 80;

std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

// The start of `line`, with control bytes shown as '?' so the quote cannot upset a terminal.
std::string Quote(std::string_view line) {
  std::string out(line.substr(0, kQuoteBytes));
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  }
  return line.size() > kQuoteBytes ? out + "..." : out;
}

Error NotAResponse(const std::string& where, std::string_view line, std::string_view why) {
  return Err(ErrorCode::kInternal, where,
             fmt::format("tonewatchd's answer is {}: \"{}\"", why, Quote(line)),
             "is another program listening on this socket?");
}

Error DaemonError(const std::string& where, const Json& error) {
  const auto code_it = error.find("code");
  const auto message_it = error.find("message");
  const std::string code =
      code_it != error.end() && code_it->is_string() ? code_it->get<std::string>() : "";
  const std::string message = message_it != error.end() && message_it->is_string()
                                  ? message_it->get<std::string>()
                                  : Dump(error);
  if (code == "bad-request") return Err(ErrorCode::kUsage, where, message);
  if (code == "not-found") return Err(ErrorCode::kNotFound, where, message);
  if (code == "reload-failed") return Err(ErrorCode::kBadLexicon, where, message);
  if (code == "unsupported-version") {
    return Err(
        ErrorCode::kInternal, where,
        fmt::format("tonewatchd does not speak protocol v{} ({})", kClientProtocolVersion, message),
        "install the same version of tonewatch and tonewatchd");
  }
  return Err(ErrorCode::kInternal, where,
             fmt::format("tonewatchd failed: {}{}", code.empty() ? "" : code + ": ", message));
}

Result<Json> ReadEnvelope(std::string_view line, const std::string& where) {
  Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return NotAResponse(where, line, "not JSON");
  if (!j.is_object()) return NotAResponse(where, line, "not a JSON object");
  const auto v = j.find("v");
  if (v == j.end() || !v->is_number_integer()) {
    return NotAResponse(where, line, "not a protocol response (no \"v\")");
  }
  if (v->get<int64_t>() != kClientProtocolVersion) {
    return Err(ErrorCode::kInternal, where,
               fmt::format("tonewatchd speaks protocol v{}; this tonewatch speaks v{}",
                           v->get<int64_t>(), kClientProtocolVersion),
               "install the same version of tonewatch and tonewatchd");
  }
  const auto ok = j.find("ok");
  if (ok == j.end() || !ok->is_boolean()) {
    return NotAResponse(where, line, "not a protocol response (no \"ok\")");
  }
  if (!ok->get<bool>()) {
    const auto error = j.find("error");
    if (error == j.end() || !error->is_object()) {
      return NotAResponse(where, line, "an error without an \"error\" object");
    }
    return DaemonError(where, *error);
  }
  const auto result = j.find("result");
  if (result == j.end()) return NotAResponse(where, line, "a success without a \"result\"");
  return std::move(*result);  // a flagged page can be large: move it out, do not copy it
}

}  // namespace

std::string RequestLine(std::string_view method, const Json& params) {
  return Dump(Json{{"v", kClientProtocolVersion},
                   {"id", kRequestId},
                   {"method", std::string(method)},
                   {"params", params.is_null() ? Json::object() : params}});
}

Result<Json> ReadResponse(std::string_view line, const std::string& where) {
  try {
    return ReadEnvelope(line, where);
  } catch (const std::exception& e) {
    return Err(ErrorCode::kInternal, where,
               fmt::format("could not read tonewatchd's answer: {}", e.what()));
  }
}

Result<Json> CallDaemon(const DaemonEndpoint& endpoint, std::string_view method,
                        const Json& params) {
  std::string request;
  try {
    request = RequestLine(method, params);
  } catch (const std::exception& e) {
    return Err(ErrorCode::kInternal, endpoint.socket_path, e.what());
  }
  auto line = ExchangeLine(endpoint, request);
  if (!line) return line.error();
  return ReadResponse(*line, endpoint.socket_path);
}

}  // namespace tonewatch::cli
