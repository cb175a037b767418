#pragma once

#include <optional>
#include <string_view>

namespace tonewatch {

// The ten finding categories of the findings contract (DESIGN.md). Their names are part of the JSON
// schema: never rename one.
enum class Category {
  kAccusation,
  kEscalation,
  kUltimatum,
  kPassiveAggressive,
  kHostility,
  kFrustration,
  kAbsolutes,
  kPressure,
  kIntensity,
  kRepair,
};

inline constexpr int kCategoryCount = 10;

std::string_view CategoryName(Category category);

// The category named `name` ("passive-aggressive"), or nullopt.
std::optional<Category> ParseCategory(std::string_view name);

// True for categories whose findings add heat by their own points (all but intensity and repair).
inline bool IsHeated(Category category) {
  return category != Category::kIntensity && category != Category::kRepair;
}

}  // namespace tonewatch
