#pragma once

// Shared by the daemon commands' renderers (daemon_render.cc, admin_render.cc): ANSI colours when
// the style asks for them, and the guard that turns a result of the wrong shape into an Error.

#include <fmt/format.h>

#include <exception>
#include <string>
#include <string_view>

#include "analyzers/base/result.h"
#include "analyzers/render/text_render.h"

namespace tonewatch::cli {

inline constexpr std::string_view kPaintBold = "\x1b[1m";
inline constexpr std::string_view kPaintDim = "\x1b[2m";
inline constexpr std::string_view kPaintRed = "\x1b[1;31m";
inline constexpr std::string_view kPaintGreen = "\x1b[1;32m";
inline constexpr std::string_view kPaintYellow = "\x1b[1;33m";

// The heat from which a thread is painted red, as analyze's text output does.
inline constexpr int kHotHeat = 50;

inline std::string Paint(const TextStyle& style, std::string_view text, std::string_view color) {
  if (!style.color) return std::string(text);
  return fmt::format("{}{}\x1b[0m", color, text);
}

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
