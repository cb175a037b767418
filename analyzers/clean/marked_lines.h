#pragma once

// A body split into lines, each marked with what it is. The strippers only mark; the cleaner
// assembles the result from the marks, so that no line can be lost between the stages.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace tonewatch {

enum class LineRole : uint8_t {
  kText,        // the sender's words (so far)
  kQuote,       // quoted or forwarded text, attribution lines and header blocks
  kSignature,   // "-- " block, sign-off with its name block, mobile footer
  kDisclaimer,  // confidentiality notice or mailing-list footer
};

// How a split was decided, in increasing order of doubt; a body takes the highest of its splits.
enum class Stripping : uint8_t { kNone, kStructural, kHeuristic, kUncertain };

// "none" | "structural" | "heuristic" | "uncertain": the names the JSON output uses.
std::string_view StrippingName(Stripping stripping);

// Lines are views into the text given to Split, without their '\n'. The text must outlive this.
struct MarkedLines {
  std::vector<std::string_view> lines;
  std::vector<LineRole> roles;
  Stripping stripping = Stripping::kNone;
  // Set when a sign-off-like line was found but not followed by a name block: kept, but in doubt.
  bool signoff_in_middle = false;

  // Splits `text` on '\n' (a trailing '\r' stays on its line; callers normalize line ends first).
  static MarkedLines Split(std::string_view text);

  size_t size() const { return lines.size(); }
  void Raise(Stripping s) {
    if (s > stripping) stripping = s;
  }
  // Cuts line `i` in two at byte `at` (0 < at < its size): the second part becomes line i + 1, with
  // the same role. The assembled text gets a line break there. Linear in the number of lines.
  void SplitLine(size_t i, size_t at) {
    const std::string_view line = lines[i];
    const LineRole role = roles[i];
    lines[i] = line.substr(0, at);
    lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(i) + 1, line.substr(at));
    roles.insert(roles.begin() + static_cast<std::ptrdiff_t>(i) + 1, role);
  }
  // Marks every kText line from `first` on as `role`.
  void MarkRest(size_t first, LineRole role) {
    for (size_t i = first; i < lines.size(); ++i) {
      if (roles[i] == LineRole::kText) roles[i] = role;
    }
  }
};

// True for a line whose first non-blank character is '>' (a quoted line in any client's plain
// text), or a line that is exactly `marker` (where HtmlToText took a quote out).
bool IsQuoteLine(std::string_view line, std::string_view marker);

}  // namespace tonewatch
