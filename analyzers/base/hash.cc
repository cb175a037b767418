#include "analyzers/base/hash.h"

#include <fmt/format.h>

namespace tonewatch {

std::string Fnv1a::Hex() const { return fmt::format("{:016x}", state_); }

}  // namespace tonewatch
