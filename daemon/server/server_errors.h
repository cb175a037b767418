#pragma once

// The response lines the server writes on its own, outside any request handler.

#include <string>
#include <string_view>

#include "daemon/protocol/request.h"

namespace tonewatch::daemon {

// {"v":1,"id":null,"ok":false,"error":{"code":...,"message":...}}, without a newline. The id is
// null: the server answers before or instead of reading the request. Bytes of `message` that are
// not UTF-8 are replaced. Never throws but for std::bad_alloc.
std::string ServerErrorLine(ProtocolError code, std::string_view message);

}  // namespace tonewatch::daemon
