#pragma once

// One call of the socket protocol (daemon/PROTOCOL.md, "Envelope"): builds the request line, sends
// it with ExchangeLine, and reads the response's envelope. nlohmann-json's seam for the envelope:
// nothing here throws.

#include <nlohmann/json.hpp>
#include <string_view>

#include "analyzers/base/result.h"
#include "cli/daemon_client.h"

namespace tonewatch::cli {

// ordered_json, so that --format=json prints the daemon's fields in the daemon's order.
using Json = nlohmann::ordered_json;

// A string field that may be null or absent (the contract writes an unknown author or time as
// null): its value, or "".
inline std::string OrEmpty(const Json& j, const char* key) {
  const auto it = j.find(key);
  return it == j.end() || it->is_null() ? std::string() : it->get<std::string>();
}

// The protocol version this client speaks.
inline constexpr int kClientProtocolVersion = 1;

// The request line for `method` with `params` (an object; an empty one is sent as {}), without a
// newline: {"v":1,"id":1,"method":...,"params":{...}}.
std::string RequestLine(std::string_view method, const Json& params);

// Reads one response line. Returns `result` when "ok" is true. Otherwise the daemon's error,
// its message kept word for word, as:
//   bad-request           kUsage
//   not-found             kNotFound
//   reload-failed         kBadLexicon
//   unsupported-version   kInternal, saying which versions the daemon and the client speak
//   unknown-method, internal, any other code: kInternal
// A line that is not JSON, not an envelope, or carries another "v" is kInternal with a message
// that says so (and quotes the start of the line). `where` names the socket for messages.
Result<Json> ReadResponse(std::string_view line, const std::string& where);

// RequestLine + ExchangeLine + ReadResponse. Errors as theirs.
Result<Json> CallDaemon(const DaemonEndpoint& endpoint, std::string_view method,
                        const Json& params);

}  // namespace tonewatch::cli
