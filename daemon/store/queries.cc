#include "daemon/store/queries.h"

namespace tonewatch::daemon {

std::string_view SuppressionKindName(SuppressionKind kind) {
  switch (kind) {
    case SuppressionKind::kRule:
      return "rule";
    case SuppressionKind::kThreadRule:
      return "thread-rule";
    case SuppressionKind::kFinding:
      return "finding";
  }
  return "rule";
}

std::optional<SuppressionKind> ParseSuppressionKind(std::string_view name) {
  for (auto kind :
       {SuppressionKind::kRule, SuppressionKind::kThreadRule, SuppressionKind::kFinding}) {
    if (SuppressionKindName(kind) == name) return kind;
  }
  return std::nullopt;
}

}  // namespace tonewatch::daemon
