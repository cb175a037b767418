#include "analyzers/base/error.h"

#include <fmt/format.h>

namespace tonewatch {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kUsage:
      return "usage";
    case ErrorCode::kNotFound:
      return "not-found";
    case ErrorCode::kUnreadable:
      return "unreadable";
    case ErrorCode::kBadInput:
      return "bad-input";
    case ErrorCode::kBadLexicon:
      return "bad-lexicon";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "internal";
}

std::string Error::ToString() const {
  // fmt rather than string += chains: g++ 12 warns falsely (-Wrestrict) on the latter.
  const std::string_view text = message.empty() ? ErrorCodeName(code) : std::string_view(message);
  return fmt::format("{}{}{}{}", where.empty() ? "" : where + ": ", text, hint.empty() ? "" : " (",
                     hint.empty() ? "" : hint + ")");
}

Error MakeError(ErrorCode code, std::string where, std::string message, std::string hint) {
  return Error{code, std::move(where), std::move(message), std::move(hint)};
}

}  // namespace tonewatch
