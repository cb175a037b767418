#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace tonewatch {

// One caption cue, one labelled line of a text transcript, or one element of a JSON transcript:
// what the format readers produce before consecutive cues of one speaker become a turn.
struct Cue {
  std::string speaker;              // empty: unknown
  std::optional<int64_t> start_ms;  // from the start of the recording
  std::optional<int64_t> end_ms;
  std::string text;   // valid UTF-8 without markup, lines joined with a space; never empty
  uint64_t line = 0;  // 1-based line where the cue starts in the source (its timing line)
};

using CueSink = std::function<void(Cue&&)>;

// What a format reader made of a source: how many cues it delivered, and how many blocks or
// elements it could not use (no timing line, malformed timing, not an object). A source with
// no cue and some unusable content is in another format, or is not a transcript.
struct CueStats {
  uint64_t cues = 0;
  uint64_t unusable = 0;
};

// The most text one cue or turn holds. A longer one is cut (after a space where possible) and
// continues in the next, so that memory stays bounded and each turn is one engine call.
inline constexpr size_t kMaxTurnBytes = 1 << 20;

}  // namespace tonewatch
