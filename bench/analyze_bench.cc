// Throughput of the engine against a baseline pass over the same bytes, so figures read as ratios
// that hold across machines. Run through scripts/bench.
#include <benchmark/benchmark.h>

#include <cstdlib>

#include "analyzers/engine.h"
#include "analyzers/text/normalized_text.h"
#include "analyzers/text/segmenter.h"
#include "analyzers/text/utf8.h"
#include "bench/corpus.h"

namespace {

using tonewatch::Engine;

const Engine& TheEngine() {
  static Engine* engine = [] {
    auto lexicon = tonewatch::LoadLexicon(TONEWATCH_SOURCE_LEXICONS);
    if (!lexicon) std::abort();
    auto e = Engine::Create(std::move(*lexicon));
    if (!e) std::abort();
    return new Engine(std::move(*e));
  }();
  return *engine;
}

// A message-sized text (about 1 KiB) and a big one (1 MiB).
const std::string& Corpus(int64_t size) {
  static std::string small = tonewatch::bench::MakeCorpus(1 << 10);
  static std::string large = tonewatch::bench::MakeCorpus(1 << 20);
  return size <= (1 << 10) ? small : large;
}

// Baseline: validating the UTF-8 of the text, the least any analyzer must do.
void BM_BaselineSanitize(benchmark::State& state) {
  const std::string& text = Corpus(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(tonewatch::SanitizeUtf8(text));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_BaselineSanitize)->Arg(1 << 10)->Arg(1 << 20);

void BM_Normalize(benchmark::State& state) {
  const std::string& text = Corpus(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(tonewatch::NormalizedText::Build(text));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_Normalize)->Arg(1 << 10)->Arg(1 << 20);

void BM_Sentences(benchmark::State& state) {
  const std::string& text = Corpus(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(tonewatch::SentenceSpans(text));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_Sentences)->Arg(1 << 10)->Arg(1 << 20);

void BM_Analyze(benchmark::State& state) {
  const Engine& engine = TheEngine();
  const std::string& text = Corpus(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(engine.Analyze(text));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_Analyze)->Arg(1 << 10)->Arg(1 << 20);

}  // namespace

BENCHMARK_MAIN();
