#pragma once

#include <cstdint>

#include "analyzers/lexicon/lexicon.h"
#include "analyzers/report/report.h"

namespace tonewatch {

// The thresholds of the thread model. The defaults are the documented ones (README, "The thread
// model"); the daemon's config may change them.
struct ThreadModelOptions {
  // Recency weighting of the thread's heat: a message this many messages older weighs half.
  double half_life_messages = 1.5;
  // A trend needs at least this many messages; fewer give "unknown".
  int min_messages_for_trend = 3;
  // The trend looks at the last `trend_window` messages; rising/cooling when the fitted change over
  // them is at least `trend_delta` heat points.
  int trend_window = 6;
  int trend_delta = 10;
  // A message at or above this heat is hot.
  int hot_heat = 40;
  // Sustained heat: at least `sustained_count` hot messages among the counterpart's last
  // `sustained_window`.
  int sustained_count = 2;
  int sustained_window = 3;
  // A fast exchange: at least this many messages within the window, ending at the last one.
  int fast_messages = 6;
  int64_t fast_window_ms = 24LL * 3600 * 1000;
  // A hot counterpart message unanswered by "me" for this long is reported.
  int64_t unanswered_after_ms = 4LL * 3600 * 1000;
};

// Fills a thread's heat, trend, move_off_email and unanswered from its messages' heats and findings
// (which must already be set), in message order. `now_ms` is the time of the report (Unix ms), used
// for unanswered heat. The messages' order is their order in the conversation. Pure: no I/O.
void AggregateThread(ThreadReport& thread, const LanguageData& language,
                     const ThreadModelOptions& options, int64_t now_ms);

// The thread's heat alone: the recency-weighted mean of the counterpart's message heats (of all
// messages when every one is the user's); 0 for no messages.
int ThreadHeat(const std::vector<MessageReport>& messages, double half_life_messages);

// "rising", "cooling", "steady", or "unknown" when there are too few messages.
std::string ThreadTrend(const std::vector<MessageReport>& messages,
                        const ThreadModelOptions& options);

}  // namespace tonewatch
