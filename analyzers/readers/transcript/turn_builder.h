#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "analyzers/model/document.h"
#include "analyzers/readers/transcript/cue.h"
#include "analyzers/readers/transcript/notice_log.h"

namespace tonewatch {

// Turns a stream of cues into turns: consecutive cues by one speaker (the same name, or both
// unknown) merge into one turn, their texts joined with a space, from the first cue's start to
// the latest end. Turns are delivered in order as "turn-1", "turn-2", ... with the line of their
// first cue as source_offset.
//
// Bounds: a turn holds at most `max_turn_bytes` of text. A cue that would overflow it starts a new
// turn of the same speaker; a single longer cue is cut into several turns, the first carrying the
// cue's times and the others none (so talk time is not counted twice).
//
// Timing checks, reported to the log with the cue's line and kept: a cue that ends before it
// starts (its end is taken as its start); a cue that starts before the previous cue started
// (backwards); a cue that starts before the previous cue of the same speaker ended (overlap). A
// cue starting before another speaker's cue ended is not a problem: it is an interruption, for
// the call metrics. A cue without an end (text transcripts) ends where the next timed cue starts.
// Not thread-safe.
class TurnBuilder {
 public:
  TurnBuilder(NoticeLog& log, std::function<void(DocMessage&&)> on_turn,
              size_t max_turn_bytes = kMaxTurnBytes)
      : log_(log), on_turn_(std::move(on_turn)), max_turn_bytes_(max_turn_bytes) {}

  void Add(Cue&& cue);
  // Delivers the turn in progress. Call once, after the last Add.
  void Finish();

  uint64_t turns() const { return turns_; }

 private:
  void CheckTiming(Cue& cue);
  void Start(Cue&& cue);
  void Emit();

  NoticeLog& log_;
  std::function<void(DocMessage&&)> on_turn_;
  size_t max_turn_bytes_;
  std::optional<DocMessage> current_;
  std::optional<Cue> previous_;  // times and speaker of the last timed cue (text dropped)
  bool open_end_ = false;        // the last cue of current_ had no end time
  uint64_t turns_ = 0;
};

}  // namespace tonewatch
