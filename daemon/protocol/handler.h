#pragma once

// The request handler: one request line in, one response line out. Pure in the sense of the asio
// examples' request_handler: no sockets, no threads, no clocks; everything it knows comes from the
// Queries and Control it is given, so tests run it on a real store in a temp file.

#include <string>
#include <string_view>

#include "daemon/protocol/control.h"
#include "daemon/protocol/request.h"
#include "daemon/store/queries.h"

namespace tonewatch::daemon {

class Handler {
 public:
  // `queries` and `control` must outlive the handler. The handler is as thread-safe as they are:
  // the server gives each thread its own handler over its own store connection.
  Handler(Queries& queries, Control& control);

  Handler(const Handler&) = delete;
  Handler& operator=(const Handler&) = delete;

  // Answers one request line (without its newline) with one response line (without its newline):
  // {"v":1,"id":...,"ok":true,"result":...} or
  // {"v":1,"id":...,"ok":false,"error":{"code":...,"message":...}}. Never throws; every failure,
  // the store's included, is an error response.
  std::string HandleLine(std::string_view line);

  // The same for a request already parsed.
  std::string Handle(const Request& request);

  // The response to a stream the RequestParser found bad (`why` is its error()): a bad-request
  // with id null, sent before the connection is closed.
  static std::string FramingError(std::string_view why);

 private:
  Queries& queries_;
  Control& control_;
};

// An error response, {"v":1,"id":...,"ok":false,"error":{"code":...,"message":...}}, without a
// newline. `id_json` is the request's id as JSON text; "null" when the server answers before or
// instead of reading a request (and so does text that is not JSON). Bytes of `message` that are
// not UTF-8 are replaced. Never throws but for std::bad_alloc.
std::string ErrorLine(const std::string& id_json, ProtocolError code, std::string_view message);

}  // namespace tonewatch::daemon
