#include "analyzers/analysis/finding.h"

#include <algorithm>

namespace tonewatch {

namespace {

long SumOf(const std::vector<Finding>& findings) {
  long sum = 0;
  for (const Finding& f : findings) sum += f.points;
  return sum;
}

}  // namespace

int HeatOf(const std::vector<Finding>& findings) {
  return static_cast<int>(std::clamp<long>(SumOf(findings), 0, kMaxHeat));
}

int ToneOf(const std::vector<Finding>& findings) {
  return static_cast<int>(std::clamp<long>(SumOf(findings), -kMaxHeat, kMaxHeat));
}

}  // namespace tonewatch
