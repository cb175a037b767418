#pragma once

// The JSON trees json_render.h dumps, for a caller that adds fields before writing the line (the
// daemon adds each finding's fingerprint). The core links nlohmann-json privately: a target that
// includes this header links nlohmann_json::nlohmann_json itself.

#include <nlohmann/json.hpp>

#include "analyzers/report/report.h"

namespace tonewatch {

// ordered_json keeps fields in the order the contract lists them; ThreadJson(t) is this tree
// dumped on one line, with invalid UTF-8 written as U+FFFD.
nlohmann::ordered_json ThreadJsonValue(const ThreadReport& thread);

// One element of ThreadJsonValue's "messages".
nlohmann::ordered_json MessageJsonValue(const MessageReport& message);

}  // namespace tonewatch
