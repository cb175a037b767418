#pragma once

// Shared by the daemon commands' renderers (daemon_render.cc, admin_render.cc): the guard that
// turns a result of the wrong shape into an Error. Colours come from analyze's text renderer.

#include <fmt/format.h>

#include <exception>
#include <string>
#include <string_view>

#include "analyzers/base/result.h"
#include "analyzers/render/text_render.h"

namespace tonewatch::cli {

// Runs `render` (which reads a result with nlohmann-json's throwing accessors) and turns what it
// throws into kInternal naming `where` and the method whose result was not as PROTOCOL.md says.
template <typename F>
Result<std::string> GuardRender(std::string_view method, const std::string& where, F&& render) {
  try {
    return render();
  } catch (const std::exception& e) {
    return Err(ErrorCode::kInternal, where,
               fmt::format("tonewatchd's {} result is not as this tonewatch expects: {}", method,
                           e.what()),
               "install the same version of tonewatch and tonewatchd");
  }
}

}  // namespace tonewatch::cli
