#pragma once

#include <string>

#include "analyzers/report/report.h"

namespace tonewatch {

struct TextStyle {
  bool color = false;  // ANSI colours; otherwise flagged words are marked **like this**
};

// The human form of a thread report: per message its heat and, per finding, the sentence with the
// flagged words highlighted, the rule, its points, why, and the suggested wording; then the heat as
// the sum of its contributions. Ends with a newline.
std::string RenderThreadText(const ThreadReport& thread, const TextStyle& style);

}  // namespace tonewatch
