#pragma once

// Typed requests of the socket protocol, version 1 (daemon/PROTOCOL.md), and the one place their
// JSON is parsed.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "daemon/store/queries.h"

namespace tonewatch::daemon {

// The protocol version this build speaks; every response carries it as "v".
inline constexpr int kProtocolVersion = 1;

// The error codes of responses ("error": {"code": ...}). Their names are part of the protocol.
enum class ProtocolError {
  kBadRequest,          // not JSON, not an object, a missing or wrong-typed field, bad params
  kUnknownMethod,       // "method" names no method of this version
  kNotFound,            // no thread, message or suppression with that id
  kUnsupportedVersion,  // "v" is not a version this daemon speaks
  kReloadFailed,        // the lexicons did not load; the old ones are still in use
  kInternal,            // the daemon failed (a store error); the message says how
};

std::string_view ProtocolErrorName(ProtocolError code);

struct StatusRequest {};
struct FlaggedRequest {
  FlaggedFilter filter;
  bool min_heat_given = false;  // else the daemon's configured default applies
};
struct ThreadRequest {
  std::string id;
};
struct MessageRequest {
  std::string id;
};
struct SuppressRequest {
  SuppressionRule rule;
};
// By id, or by the same fields the suppression was made with.
struct UnsuppressRequest {
  std::optional<int64_t> id;
  SuppressionRule rule;  // when !id
};
struct SuppressionsRequest {};
struct ReloadRequest {};

using RequestParams =
    std::variant<StatusRequest, FlaggedRequest, ThreadRequest, MessageRequest, SuppressRequest,
                 UnsuppressRequest, SuppressionsRequest, ReloadRequest>;

struct Request {
  // The request's "id" as JSON text ("7", "\"abc\"", "null"), echoed in the response unchanged.
  std::string id_json = "null";
  RequestParams params;
};

// Why a line is not a valid request, and the request id when it could be read (so the error
// response can still be matched to its request).
struct RequestError {
  std::string id_json = "null";
  ProtocolError code = ProtocolError::kBadRequest;
  std::string message;
};

// Parses one request line (without its newline). Never throws. Unknown fields in "params" are
// refused (bad-request) so that a misspelt filter is not silently ignored.
std::variant<Request, RequestError> ParseRequest(std::string_view line);

// Parses a "since" value: an RFC 3339 date ("2024-05-01", taken as midnight UTC) or date-time
// ("2024-05-01T09:30:00Z", "...+02:00", seconds and fraction optional). Unix ms, or nullopt.
std::optional<int64_t> ParseSince(std::string_view text);

}  // namespace tonewatch::daemon
