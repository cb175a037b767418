#pragma once

// A rule's suggestion refers to the reader's own words as "{0}" (the whole match) and "{1}".."{9}"
// (the pattern's capture groups), as lexicons/README.md specifies.

#include <string>
#include <string_view>

namespace tonewatch {

// `templ` with each reference replaced: `append(n, out)` appends what stands for group n to
// `out`; every other byte is copied.
template <typename Append>
std::string ExpandGroupReferences(std::string_view templ, Append&& append) {
  std::string out;
  for (size_t i = 0; i < templ.size(); ++i) {
    if (templ[i] == '{' && i + 2 < templ.size() && templ[i + 1] >= '0' && templ[i + 1] <= '9' &&
        templ[i + 2] == '}') {
      append(templ[i + 1] - '0', out);
      i += 2;
      continue;
    }
    out.push_back(templ[i]);
  }
  return out;
}

}  // namespace tonewatch
