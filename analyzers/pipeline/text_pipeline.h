#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "analyzers/base/result.h"
#include "analyzers/engine.h"
#include "analyzers/readers/byte_source.h"
#include "analyzers/report/report.h"

namespace tonewatch {

// Pieces of a long text: large enough for any real message, small enough that the engine's offset
// maps stay in tens of MiB (16 MiB pieces took 650 MiB).
inline constexpr size_t kDefaultPieceBytes = 1 << 20;

// Analyzes a plain-text source as one message (a thread of one), streaming it through the engine
// in pieces of at most `piece_bytes` (default kDefaultPieceBytes; at most Engine::kMaxTextBytes).
// Invalid UTF-8 and NUL bytes are replaced with U+FFFD and listed in the report's errors with their
// byte offsets in the source.
//
// Fails (kBadInput) when the start of the source looks binary, and with the source's read error;
// a failure names the source.
Result<ThreadReport> AnalyzeTextSource(const Engine& engine, ByteSource& source,
                                       size_t piece_bytes = kDefaultPieceBytes);

// One line's result for --each-line.
struct LineResult {
  uint64_t line = 0;
  TextAnalysis analysis;
  std::vector<Notice> errors;  // damage replaced, or the line not analyzed (too long)
  bool skipped = false;        // too long: not analyzed
};

// Analyzes every line of `source` as an independent text, calling `sink` once per line in order.
// Lines longer than `max_line` bytes (at most Engine::kMaxTextBytes) are not analyzed; their
// result says so. Memory stays bounded
// by `max_line` whatever the input. Fails only on a read error (lines before it were delivered).
Result<void> AnalyzeLines(const Engine& engine, ByteSource& source, size_t max_line,
                          const std::function<void(const LineResult&)>& sink);

// The default --each-line limit.
inline constexpr size_t kDefaultMaxLineBytes = 1 << 20;

}  // namespace tonewatch
