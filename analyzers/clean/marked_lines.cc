#include "analyzers/clean/marked_lines.h"

#include "analyzers/clean/mail_lexicon.h"

namespace tonewatch {

std::string_view StrippingName(Stripping stripping) {
  switch (stripping) {
    case Stripping::kNone:
      return "none";
    case Stripping::kStructural:
      return "structural";
    case Stripping::kHeuristic:
      return "heuristic";
    case Stripping::kUncertain:
      return "uncertain";
  }
  return "uncertain";
}

MarkedLines MarkedLines::Split(std::string_view text) {
  MarkedLines out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    out.lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  out.roles.assign(out.lines.size(), LineRole::kText);
  return out;
}

bool IsQuoteLine(std::string_view line, std::string_view marker) {
  const std::string_view trimmed = TrimLine(line);
  if (!marker.empty() && trimmed == marker) return true;
  return !trimmed.empty() && trimmed.front() == '>';
}

}  // namespace tonewatch
