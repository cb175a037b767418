#include "analyzers/lexicon/category.h"

#include <array>

namespace tonewatch {
namespace {

constexpr std::array<std::string_view, kCategoryCount> kNames = {
    "accusation",  "escalation", "ultimatum", "passive-aggressive", "hostility",
    "frustration", "absolutes",  "pressure",  "intensity",          "repair",
};

}  // namespace

std::string_view CategoryName(Category category) { return kNames[static_cast<int>(category)]; }

std::optional<Category> ParseCategory(std::string_view name) {
  for (int i = 0; i < kCategoryCount; ++i) {
    if (kNames[i] == name) return static_cast<Category>(i);
  }
  return std::nullopt;
}

}  // namespace tonewatch
