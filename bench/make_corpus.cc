// Writes a generated corpus of N MiB to stdout (default 64), one paragraph per line: input for the
// whole-run benchmark in scripts/bench.
#include <cstdio>
#include <cstdlib>

#include "bench/corpus.h"

int main(int argc, char** argv) {
  const long mib = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 64;
  if (mib <= 0 || mib > 4096) {
    std::fprintf(stderr, "usage: make_corpus [MiB 1..4096]\n");
    return 2;
  }
  for (long i = 0; i < mib; ++i) {
    const std::string chunk = tonewatch::bench::MakeCorpus(1 << 20, static_cast<uint32_t>(i + 1));
    std::fwrite(chunk.data(), 1, chunk.size(), stdout);
  }
  return 0;
}
