#include "analyzers/analysis/finding.h"

#include <algorithm>

namespace tonewatch {

int HeatOf(const std::vector<Finding>& findings) {
  long sum = 0;
  for (const Finding& f : findings) sum += f.points;
  return static_cast<int>(std::clamp<long>(sum, 0, kMaxHeat));
}

}  // namespace tonewatch
