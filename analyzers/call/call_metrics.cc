#include "analyzers/call/call_metrics.h"

#include <algorithm>
#include <map>

#include "analyzers/analysis/words.h"

namespace tonewatch {
namespace {

bool Timed(const TurnTiming& t) { return t.start_ms && t.end_ms; }

// Spoken time of a turn; zero without both times or when its end precedes its start.
int64_t Duration(const TurnTiming& t) {
  return Timed(t) ? std::max<int64_t>(0, *t.end_ms - *t.start_ms) : 0;
}

std::string_view Trim(std::string_view text) {
  const size_t start = text.find_first_not_of(" \t");
  if (start == std::string_view::npos) return {};
  return text.substr(start, text.find_last_not_of(" \t") - start + 1);
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

void AddSpeakers(const std::vector<TurnTiming>& turns, const std::vector<MessageReport>& reports,
                 const CallMetricsOptions& options, CallMetrics& m) {
  std::map<std::string, size_t, std::less<>> index;
  std::vector<std::vector<MessageReport>> heats;  // per speaker: reports carrying only the heat
  for (size_t i = 0; i < turns.size(); ++i) {
    auto [it, added] = index.try_emplace(turns[i].speaker, m.speakers.size());
    if (added) {
      m.speakers.push_back({});
      m.speakers.back().speaker = turns[i].speaker;
      heats.emplace_back();
    }
    SpeakerMetrics& s = m.speakers[it->second];
    ++s.turns;
    s.talk_ms += Duration(turns[i]);
    s.text_bytes += turns[i].text_bytes;
    s.heats.push_back(reports[i].heat);
    s.me = s.me || reports[i].me;
    heats[it->second].emplace_back().heat = reports[i].heat;
  }
  int64_t total_ms = 0;
  size_t total_bytes = 0;
  for (const SpeakerMetrics& s : m.speakers) {
    total_ms += s.talk_ms;
    total_bytes += s.text_bytes;
  }
  m.share_basis = total_ms > 0 ? "time" : "text";
  for (size_t k = 0; k < m.speakers.size(); ++k) {
    SpeakerMetrics& s = m.speakers[k];
    if (total_ms > 0) {
      s.share = static_cast<double>(s.talk_ms) / static_cast<double>(total_ms);
    } else if (total_bytes > 0) {
      s.share = static_cast<double>(s.text_bytes) / static_cast<double>(total_bytes);
    }
    s.heat = ThreadHeat(heats[k], options.thread.half_life_messages);
    s.trend = ThreadTrend(heats[k], options.thread);
  }
}

// Interruptions, silences, start and duration: one pass in turn order.
void AddTimeline(const std::vector<TurnTiming>& turns, const CallMetricsOptions& options,
                 CallMetrics& m) {
  std::optional<int64_t> first_start;
  std::optional<int64_t> last_end;  // the latest end so far
  const TurnTiming* last_end_turn = nullptr;
  for (size_t i = 0; i < turns.size(); ++i) {
    const TurnTiming& t = turns[i];
    m.timed = m.timed || Timed(t);
    if (!t.start_ms) continue;
    if (!first_start) first_start = t.start_ms;
    if (i > 0) {
      const TurnTiming& before = turns[i - 1];
      if (before.end_ms && before.speaker != t.speaker &&
          *t.start_ms + options.min_overlap_ms < *before.end_ms) {
        const int64_t until = std::min(*before.end_ms, t.end_ms.value_or(*before.end_ms));
        m.interruptions.push_back({t.id, t.speaker, before.speaker, *t.start_ms,
                                   std::max<int64_t>(0, until - *t.start_ms)});
      }
    }
    if (last_end && *t.start_ms - *last_end > options.min_silence_ms) {
      m.silences.push_back({last_end_turn->id, *last_end, *t.start_ms - *last_end});
    }
    const int64_t end = std::max(*t.start_ms, t.end_ms.value_or(*t.start_ms));
    if (!last_end || end >= *last_end) {
      last_end = end;
      last_end_turn = &t;
    }
  }
  if (first_start) {
    m.start_ms = *first_start;
    m.duration_ms = std::max<int64_t>(0, last_end.value_or(*first_start) - *first_start);
  }
  for (const Interruption& cut : m.interruptions) {
    for (SpeakerMetrics& s : m.speakers) {
      if (s.speaker == cut.speaker) ++s.interruptions;
      if (s.speaker == cut.interrupted) ++s.interrupted;
    }
  }
}

void AddLongestMonologue(const std::vector<TurnTiming>& turns, CallMetrics& m) {
  for (size_t i = 0; i < turns.size();) {
    size_t j = i;
    std::optional<int64_t> start;
    std::optional<int64_t> end;
    for (; j < turns.size() && turns[j].speaker == turns[i].speaker; ++j) {
      if (!start) start = turns[j].start_ms;
      if (turns[j].end_ms) end = std::max(end.value_or(*turns[j].end_ms), *turns[j].end_ms);
    }
    if (start && end && *end > *start &&
        (!m.longest_monologue || *end - *start > m.longest_monologue->ms)) {
      m.longest_monologue = Monologue{turns[i].speaker, turns[i].id, *start, *end - *start};
    }
    i = j;
  }
}

std::optional<FollowUpItem> Concerns(const TurnTiming& turn, const MessageReport& report) {
  FollowUpItem item{turn.id, turn.speaker, report.heat, turn.start_ms, {}, {}};
  std::vector<int> strongest;  // per concern: the points of its strongest finding so far
  for (const Finding& f : report.findings) {
    if (!CountsAsHeat(f)) continue;
    const std::string text = FoldWhitespace(f.context.empty() ? f.text : f.context);
    const auto same = std::find(item.concerns.begin(), item.concerns.end(), text);
    const size_t k = static_cast<size_t>(same - item.concerns.begin());
    if (same == item.concerns.end()) {
      item.concerns.push_back(text);
      item.categories.emplace_back();
      strongest.push_back(-1);
    }
    if (f.points > strongest[k]) {
      strongest[k] = f.points;
      item.categories[k] = std::string(CategoryName(f.category));
    }
  }
  if (item.concerns.empty()) return std::nullopt;
  return item;
}

void AddHeat(const std::vector<TurnTiming>& turns, const std::vector<MessageReport>& reports,
             const CallMetricsOptions& options, CallMetrics& m) {
  for (size_t i = 0; i < turns.size(); ++i) {
    if (reports[i].heat < options.thread.hot_heat) continue;
    m.hot = true;
    if (!m.first_hot) {
      m.first_hot = FirstHot{turns[i].id, turns[i].speaker, reports[i].heat, turns[i].start_ms};
    }
  }
  if (!m.hot) return;
  const bool any_me =
      std::any_of(reports.begin(), reports.end(), [](const MessageReport& r) { return r.me; });
  for (size_t i = 0; i < turns.size(); ++i) {
    if (any_me && reports[i].me) continue;
    if (auto item = Concerns(turns[i], reports[i])) m.follow_up.push_back(std::move(*item));
  }
}

}  // namespace

TurnTiming TimingOf(const DocMessage& turn) {
  return TurnTiming{turn.id, turn.author, turn.start_ms, turn.end_ms, turn.text.size()};
}

CallMetrics ComputeCallMetrics(const std::vector<TurnTiming>& turns,
                               const std::vector<MessageReport>& reports,
                               const CallMetricsOptions& options) {
  if (turns.size() != reports.size()) {
    // A caller's bug: use the common prefix rather than read past either list.
    const auto n = static_cast<std::ptrdiff_t>(std::min(turns.size(), reports.size()));
    return ComputeCallMetrics(std::vector<TurnTiming>(turns.begin(), turns.begin() + n),
                              std::vector<MessageReport>(reports.begin(), reports.begin() + n),
                              options);
  }
  CallMetrics m;
  m.turns = static_cast<int>(turns.size());
  AddSpeakers(turns, reports, options, m);
  AddTimeline(turns, options, m);
  AddLongestMonologue(turns, m);
  AddHeat(turns, reports, options, m);
  return m;
}

CallMetrics ComputeCallMetrics(const std::vector<DocMessage>& turns,
                               const std::vector<MessageReport>& reports,
                               const CallMetricsOptions& options) {
  std::vector<TurnTiming> timings;
  timings.reserve(turns.size());
  for (const DocMessage& turn : turns) timings.push_back(TimingOf(turn));
  return ComputeCallMetrics(timings, reports, options);
}

namespace {

bool SameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return Lower(x) == Lower(y); });
}

// The name in a transcript's label: "Ms. Dana Okafor (Brightline, Support Lead)" is "Dana Okafor",
// without the title, the affiliation in parentheses or the role after a comma.
std::string_view BareName(std::string_view label) {
  label = Trim(label.substr(0, std::min(label.find('('), label.find(','))));
  for (std::string_view title : {"mr.", "mrs.", "ms.", "dr.", "prof.", "mr", "mrs", "ms", "dr",
                                 "prof", "sir", "madam", "dame"}) {
    if (label.size() > title.size() + 1 && label[title.size()] == ' ' &&
        SameName(label.substr(0, title.size()), title)) {
      return Trim(label.substr(title.size() + 1));
    }
  }
  return label;
}

}  // namespace

bool IsMe(const std::string& speaker, const std::vector<std::string>& me_names) {
  const std::string_view name = Trim(speaker);
  if (name.empty()) return false;
  const std::string_view bare = BareName(name);
  return std::any_of(me_names.begin(), me_names.end(), [&](const std::string& me) {
    const std::string_view other = Trim(me);
    return SameName(name, other) || (!bare.empty() && SameName(bare, other));
  });
}

}  // namespace tonewatch
