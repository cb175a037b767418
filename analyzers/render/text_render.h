#pragma once

#include <string>
#include <string_view>

#include "analyzers/report/report.h"

namespace tonewatch {

struct TextStyle {
  bool color = false;  // ANSI colours; otherwise flagged words are marked **like this**
};

// The text output's ANSI colours. Paint applies one only when the style asks for colour.
inline constexpr std::string_view kAnsiBold = "\x1b[1m";
inline constexpr std::string_view kAnsiDim = "\x1b[2m";
inline constexpr std::string_view kAnsiRed = "\x1b[1;31m";
inline constexpr std::string_view kAnsiGreen = "\x1b[1;32m";
inline constexpr std::string_view kAnsiYellow = "\x1b[1;33m";

// The heat from which a thread's heat is painted red.
inline constexpr int kHotHeat = 50;

std::string Paint(const TextStyle& style, std::string_view text, std::string_view color);

// A finding's colour: green for repair, yellow for intensity, red for the heated categories.
std::string_view ColorOf(Category category);

// The "take this off email" block under a thread: the reasons, then the opening line.
std::string MoveOffEmailText(const MoveOffEmail& move, const TextStyle& style);

// The human form of a thread report: per message its heat and, per finding, the sentence with the
// flagged words highlighted, the rule, its points, why, and the suggested wording; then the heat as
// the sum of its contributions. Ends with a newline.
std::string RenderThreadText(const ThreadReport& thread, const TextStyle& style);

}  // namespace tonewatch
