#pragma once

#include <string>

#include "analyzers/pipeline/text_pipeline.h"
#include "analyzers/report/report.h"

namespace tonewatch {

// The JSON forms of the findings contract (DESIGN.md, schema 1). Each function returns one line of
// JSON without the trailing newline. Never throws: text that is not valid UTF-8 (it should not
// reach here) is written with U+FFFD.

// {"schema": 1, "thread": ..., "source": ..., "heat": ..., "trend": ..., "move_off_email": ...,
//  "messages": [...], "errors": [...]}
std::string ThreadJson(const ThreadReport& thread);

// {"line": N, "heat": H, "findings": [...]}, plus "errors" when the line had any, plus "source"
// when `source` is not empty (more than one input).
std::string LineJson(const LineResult& line, const std::string& source);

}  // namespace tonewatch
