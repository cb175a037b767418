#include "analyzers/thread/thread_model.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "analyzers/analysis/words.h"

namespace tonewatch {
namespace {

bool HasCategory(const MessageReport& m, Category a, Category b) {
  return std::any_of(m.findings.begin(), m.findings.end(), [&](const Finding& f) {
    return f.points > 0 && (f.category == a || f.category == b);
  });
}

bool ContainsAny(const std::string& lowered, const std::vector<std::string>& markers) {
  return std::any_of(markers.begin(), markers.end(), [&](const std::string& m) {
    return !m.empty() && lowered.find(m) != std::string::npos;
  });
}

// The first word of an author ("Dana Smith <dana@x.com>" -> "Dana"), or empty when it is only an
// address.
std::string FirstName(const std::string& author) {
  const size_t start = author.find_first_not_of(" \"'");
  if (start == std::string::npos || author[start] == '<') return {};
  size_t end = start;
  while (end < author.size() && author[end] != ' ' && author[end] != '<' && author[end] != '"' &&
         author[end] != ',' && author[end] != '@') {
    ++end;
  }
  if (end < author.size() && author[end] == '@') return {};  // a bare address
  return author.substr(start, end - start);
}

std::vector<const MessageReport*> Counterpart(const std::vector<MessageReport>& messages) {
  std::vector<const MessageReport*> out;
  for (const auto& m : messages) {
    if (!m.me) out.push_back(&m);
  }
  return out;
}

void SustainedReason(const std::vector<const MessageReport*>& theirs, const ThreadModelOptions& o,
                     std::vector<std::string>& reasons) {
  const size_t window = std::min(theirs.size(), static_cast<size_t>(o.sustained_window));
  int hot = 0;
  for (size_t i = theirs.size() - window; i < theirs.size(); ++i) {
    if (theirs[i]->heat >= o.hot_heat) ++hot;
  }
  if (hot >= o.sustained_count) {
    reasons.push_back(
        fmt::format("sustained heat: {} of their last {} messages are at heat {} or more", hot,
                    window, o.hot_heat));
  }
}

// A threat that is meant as one: an ultimatum or escalation in a message that is hot, or that
// carries a counted finding of another category beside it. On real mail a lone mention of a legal
// department, a court or a cut-off date in an otherwise calm message was business every time.
bool HasThreat(const MessageReport& m, const ThreadModelOptions& o) {
  if (!HasCategory(m, Category::kUltimatum, Category::kEscalation)) return false;
  return m.heat >= o.hot_heat ||
         std::any_of(m.findings.begin(), m.findings.end(), [](const Finding& f) {
           return CountsAsHeat(f) && f.category != Category::kUltimatum &&
                  f.category != Category::kEscalation;
         });
}

// An ultimatum or escalation in their latest message, or in an earlier one while the latest is
// still warm: a threat on the table is settled faster by voice.
void ThreatReason(const std::vector<const MessageReport*>& theirs, const ThreadModelOptions& o,
                  std::vector<std::string>& reasons) {
  const MessageReport& last = *theirs.back();
  const size_t window = std::min(theirs.size(), static_cast<size_t>(o.sustained_window));
  for (size_t i = theirs.size(); i-- > theirs.size() - window;) {
    const MessageReport& m = *theirs[i];
    if (!HasThreat(m, o)) continue;
    if (&m != &last && last.heat < o.hot_heat / 2) return;  // it has cooled since
    reasons.push_back(&m == &last
                          ? "their latest message contains an ultimatum or an escalation"
                          : "an ultimatum or escalation is still open and they are not calm yet");
    return;
  }
}

void FastExchangeReason(const std::vector<MessageReport>& messages, const std::string& trend,
                        const ThreadModelOptions& o, std::vector<std::string>& reasons) {
  if (trend != "rising" || messages.size() < static_cast<size_t>(o.fast_messages)) return;
  const MessageReport& last = messages.back();
  const MessageReport& first = messages[messages.size() - o.fast_messages];
  if (!last.time_ms || !first.time_ms) return;
  if (*last.time_ms - *first.time_ms <= o.fast_window_ms) {
    reasons.push_back(fmt::format("a fast back-and-forth: {} messages within {} hours, heat rising",
                                  o.fast_messages, o.fast_window_ms / 3600000));
  }
}

void RecipientReason(const std::vector<MessageReport>& messages, const LanguageData& language,
                     std::vector<std::string>& reasons) {
  std::set<std::string> earlier;
  for (const auto& r : messages.front().recipients) earlier.insert(AsciiLower(r));
  earlier.insert(AsciiLower(messages.front().author));
  std::vector<std::string> added;
  for (size_t i = 1; i < messages.size(); ++i) {
    for (const auto& r : messages[i].recipients) {
      const std::string lowered = AsciiLower(r);
      if (earlier.insert(lowered).second && (ContainsAny(lowered, language.senior_markers) ||
                                             ContainsAny(lowered, language.legal_markers))) {
        added.push_back(r);
      }
    }
  }
  if (!added.empty()) {
    std::string list;
    for (const auto& a : added) list += (list.empty() ? "" : ", ") + a;
    reasons.push_back(fmt::format("senior or legal people were added to the thread: {}", list));
  }
}

}  // namespace

int ThreadHeat(const std::vector<MessageReport>& messages, double half_life_messages) {
  // The counterpart's heat is what the user must act on; the user's own messages count only in a
  // thread that has nothing else.
  const bool any_theirs =
      std::any_of(messages.begin(), messages.end(), [](const MessageReport& m) { return !m.me; });
  double weighted = 0;
  double total = 0;
  double age = 0;
  for (size_t i = messages.size(); i-- > 0;) {
    if (any_theirs && messages[i].me) continue;
    const double w = std::pow(0.5, age / std::max(0.1, half_life_messages));
    weighted += w * messages[i].heat;
    total += w;
    age += 1;
  }
  if (total == 0) return 0;
  return std::clamp(static_cast<int>(std::lround(weighted / total)), 0, kMaxHeat);
}

std::string ThreadTrend(const std::vector<MessageReport>& messages, const ThreadModelOptions& o) {
  if (messages.size() < static_cast<size_t>(std::max(2, o.min_messages_for_trend)))
    return "unknown";
  const size_t m = std::min(messages.size(), static_cast<size_t>(std::max(2, o.trend_window)));
  const size_t start = messages.size() - m;
  // Least-squares slope of heat over message index: robust to one spike in the middle.
  double mean_x = (static_cast<double>(m) - 1) / 2;
  double mean_y = 0;
  for (size_t i = 0; i < m; ++i) mean_y += messages[start + i].heat;
  mean_y /= static_cast<double>(m);
  double sxy = 0;
  double sxx = 0;
  for (size_t i = 0; i < m; ++i) {
    const double dx = static_cast<double>(i) - mean_x;
    sxy += dx * (messages[start + i].heat - mean_y);
    sxx += dx * dx;
  }
  const double change = sxx > 0 ? sxy / sxx * static_cast<double>(m - 1) : 0;
  if (change >= o.trend_delta) return "rising";
  if (change <= -o.trend_delta) return "cooling";
  return "steady";
}

void AggregateThread(ThreadReport& thread, const LanguageData& language,
                     const ThreadModelOptions& o, int64_t now_ms) {
  thread.heat = ThreadHeat(thread.messages, o.half_life_messages);
  thread.trend = ThreadTrend(thread.messages, o);
  thread.move_off_email.reset();
  thread.unanswered.reset();
  const std::vector<const MessageReport*> theirs = Counterpart(thread.messages);
  if (theirs.empty()) return;

  std::vector<std::string> reasons;
  SustainedReason(theirs, o, reasons);
  ThreatReason(theirs, o, reasons);
  FastExchangeReason(thread.messages, thread.trend, o, reasons);
  RecipientReason(thread.messages, language, reasons);
  if (!reasons.empty()) {
    const std::string name = FirstName(theirs.back()->author);
    std::string opening = name.empty() ? language.call_opening_no_name : language.call_opening;
    if (const size_t at = opening.find("{name}"); at != std::string::npos)
      opening.replace(at, 6, name);
    thread.move_off_email = MoveOffEmail{std::move(reasons), std::move(opening)};
  }

  // Unanswered: their latest hot message, with nothing from "me" after it.
  for (size_t i = thread.messages.size(); i-- > 0;) {
    const MessageReport& m = thread.messages[i];
    if (m.me) break;
    if (m.heat < o.hot_heat || !m.time_ms) continue;
    const int64_t waiting = now_ms - *m.time_ms;
    if (waiting >= o.unanswered_after_ms) thread.unanswered = Unanswered{m.id, m.heat, waiting};
    break;
  }
}

}  // namespace tonewatch
