#include "analyzers/readers/transcript_sniff.h"

namespace tonewatch {

// A first cut until the transcript readers land: the unmistakable openings only.
bool LooksLikeTranscript(std::string_view head) {
  if (head.substr(0, 6) == "WEBVTT") return true;
  if (head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF") return true;
  const size_t first = head.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && head[first] == '[') {
    const size_t next = head.find_first_not_of(" \t\r\n", first + 1);
    return next != std::string_view::npos && head[next] == '{';
  }
  // SRT: an index line, then a timing line with "-->".
  const size_t nl = head.find('\n');
  if (nl == std::string_view::npos) return false;
  const std::string_view line1 = head.substr(0, nl);
  const size_t nl2 = head.find('\n', nl + 1);
  const std::string_view line2 =
      head.substr(nl + 1, nl2 == std::string_view::npos ? head.npos : nl2 - nl - 1);
  const bool index =
      !line1.empty() && line1.find_first_not_of("0123456789\r") == std::string_view::npos;
  return (index && line2.find("-->") != std::string_view::npos) ||
         line1.find("-->") != std::string_view::npos;
}

}  // namespace tonewatch
