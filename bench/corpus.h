#pragma once

#include <cstdint>
#include <string>

namespace tonewatch::bench {

// A deterministic mix of calm and heated business prose, `bytes` long (cut at a line break), built
// from sentences this project wrote. Same seed, same text.
std::string MakeCorpus(size_t bytes, uint32_t seed = 7);

}  // namespace tonewatch::bench
