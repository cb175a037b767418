#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "analyzers/report/report.h"

namespace tonewatch {

// A message report as one compact line, every field kept (also those the JSON contract leaves
// out: time in ms, recipients, display contexts), so it can wait on disk and come back whole.
// For holding reports outside memory; not an interchange format.
std::string EncodeMessageReport(const MessageReport& report);

// The inverse of EncodeMessageReport; nullopt when `line` is not one of its lines.
std::optional<MessageReport> DecodeMessageReport(std::string_view line);

}  // namespace tonewatch
