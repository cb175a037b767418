#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/model/document.h"
#include "analyzers/report/report.h"
#include "analyzers/thread/thread_model.h"

namespace tonewatch {

// What the call metrics need of a turn: who spoke, when, and how much. Kept apart from DocMessage
// so a caller can drop the turns' text once analyzed and still compute the metrics.
struct TurnTiming {
  std::string id;
  std::string speaker;  // empty: unknown (all unknown speakers count as one)
  std::optional<int64_t> start_ms;
  std::optional<int64_t> end_ms;
  size_t text_bytes = 0;  // talk share falls back to text when the transcript has no times
};

TurnTiming TimingOf(const DocMessage& turn);

struct CallMetricsOptions {
  ThreadModelOptions thread;      // hot_heat, and the trend and end-weighting of each speaker
  int64_t min_silence_ms = 3000;  // a gap between turns longer than this is a silence
  int64_t min_overlap_ms = 0;     // a turn must start more than this before the other ended
};

struct SpeakerMetrics {
  std::string speaker;  // empty: unknown
  bool me = false;      // any of their turns is marked `me`
  int turns = 0;
  int64_t talk_ms = 0;  // the sum of their turns' durations (turns with both times)
  size_t text_bytes = 0;
  double share = 0;               // of the call's talk, 0..1 (see CallMetrics::share_basis)
  std::vector<int> heats;         // their turns' heats in order: the heat trajectory
  int heat = 0;                   // end-weighted (ThreadHeat over their turns)
  std::string trend = "unknown";  // ThreadTrend over their turns, with its minimum of evidence
  int interruptions = 0;          // how often they cut in on someone
  int interrupted = 0;            // how often someone cut in on them
};

// The longest stretch one speaker held the floor: consecutive turns of one speaker (a turn split
// at the size bound continues the stretch), from the first's start to the last's end.
struct Monologue {
  std::string speaker;
  std::string turn;  // the stretch's first turn
  int64_t start_ms = 0;
  int64_t ms = 0;
};

// A turn that starts before the previous turn, by another speaker, ended.
struct Interruption {
  std::string turn;  // the interrupting turn
  std::string speaker;
  std::string interrupted;  // the speaker cut off
  int64_t at_ms = 0;        // when the interrupting turn starts
  int64_t overlap_ms = 0;   // how long both spoke
};

// A gap with no one speaking.
struct Silence {
  std::string after_turn;
  int64_t start_ms = 0;
  int64_t ms = 0;
};

struct FirstHot {
  std::string turn;
  std::string speaker;
  int heat = 0;
  std::optional<int64_t> at_ms;  // the turn's start, when known
};

// One of the counterpart's turns with heated findings: what to acknowledge in the follow-up.
struct FollowUpItem {
  std::string turn;
  std::string speaker;
  int heat = 0;
  std::optional<int64_t> at_ms;
  // The sentences that carry heated findings, in order, each once, white space folded.
  std::vector<std::string> concerns;
  std::vector<std::string> categories;  // per concern: the category of its strongest finding
};

struct CallMetrics {
  int turns = 0;
  bool timed = false;                    // at least one turn has both times
  int64_t start_ms = 0;                  // the first turn's start (timed calls)
  int64_t duration_ms = 0;               // from the first start to the last end
  std::string share_basis = "time";      // "time", or "text" when no turn is timed
  std::vector<SpeakerMetrics> speakers;  // in order of first appearance
  std::optional<Monologue> longest_monologue;
  std::vector<Interruption> interruptions;
  std::vector<Silence> silences;      // in order
  std::optional<FirstHot> first_hot;  // the first turn at heat >= options.thread.hot_heat
  bool hot = false;                   // some turn is hot
  // After a hot call: the counterpart's (not `me`) turns with heated findings, in order. Empty
  // when the call was not hot. Without any `me` turn, every speaker is a counterpart.
  std::vector<FollowUpItem> follow_up;
};

// Computes the call metrics of `turns` and their reports (the same length, the same order:
// reports[i] is the analysis of turns[i], its `me` set by the caller from --me names). Turns
// without times count toward turns, heat and trend but not toward time-based metrics; a turn
// whose end precedes its start counts as zero-length. Pure: no I/O, no clock.
CallMetrics ComputeCallMetrics(const std::vector<TurnTiming>& turns,
                               const std::vector<MessageReport>& reports,
                               const CallMetricsOptions& options = {});

// The same, from the turns as read.
CallMetrics ComputeCallMetrics(const std::vector<DocMessage>& turns,
                               const std::vector<MessageReport>& reports,
                               const CallMetricsOptions& options = {});

// Whether `speaker` is one of `me_names` (--me), compared without regard to ASCII case and
// surrounding white space; a transcript's label also matches by its bare name ("Ms. Dana Okafor
// (Brightline, Support Lead)" is "Dana Okafor").
bool IsMe(const std::string& speaker, const std::vector<std::string>& me_names);

}  // namespace tonewatch
