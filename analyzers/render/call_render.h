#pragma once

#include <string>

#include "analyzers/call/call_metrics.h"

namespace tonewatch {

// The call metrics as one JSON object (no trailing newline), for the "call" field of a call's
// thread report:
//
//   {"turns": N, "timed": bool, "start_ms": ms, "duration_ms": ms, "share_basis": "time"|"text",
//    "speakers": [{"speaker": name|null, "me": bool, "turns": N, "talk_ms": ms, "share": 0..1,
//                  "heat": H, "trend": "rising"|"cooling"|"steady"|"unknown", "heats": [H, ...],
//                  "interruptions": N, "interrupted": N}],
//    "longest_monologue": null|{"speaker", "turn", "start_ms", "ms"},
//    "interruptions": [{"turn", "speaker", "interrupted", "at_ms", "overlap_ms"}],
//    "silences": [{"after_turn", "start_ms", "ms"}],
//    "first_hot": null|{"turn", "speaker", "heat", "at_ms"},
//    "hot": bool,
//    "follow_up": [{"turn", "speaker", "heat", "at_ms", "concerns": [{"text", "category"}]}]}
//
// An unknown speaker or time is null; "share" has three decimals. Never throws: text that is not
// valid UTF-8 (it should not reach here) is written with U+FFFD.
std::string CallMetricsJson(const CallMetrics& metrics);

// The call metrics for a reader: a few lines per section, each ending in '\n', times as m:ss
// from the start of the recording. Plain text (the caller adds colour if it wants).
std::string CallMetricsText(const CallMetrics& metrics);

}  // namespace tonewatch
