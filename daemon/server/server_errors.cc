// nlohmann-json's seam in the server: only here, and with invalid UTF-8 replaced, so an exception
// message or a client's bytes quoted in an error cannot make dump() throw.
#include "daemon/server/server_errors.h"

#include <nlohmann/json.hpp>

namespace tonewatch::daemon {

std::string ServerErrorLine(ProtocolError code, std::string_view message) {
  using json = nlohmann::ordered_json;  // fields in the order PROTOCOL.md lists them
  json error = json::object();
  error["code"] = std::string(ProtocolErrorName(code));
  error["message"] = std::string(message);
  json line = json::object();
  line["v"] = kProtocolVersion;
  line["id"] = nullptr;
  line["ok"] = false;
  line["error"] = std::move(error);
  return line.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace tonewatch::daemon
