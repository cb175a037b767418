// Text of the report-carrying results (flagged, thread, message). Threads are first decoded into
// the core's ThreadReport (daemon_report.h) so that `thread` prints exactly what analyze prints.
#include "cli/daemon_render.h"

#include <algorithm>

#include "analyzers/analysis/words.h"
#include "cli/daemon_report.h"
#include "cli/paint.h"

namespace tonewatch::cli {
namespace {

// A flagged thread shows this many of its hottest messages, and this many findings of each (the
// strongest): enough to see why it is listed; `tonewatch thread ID` shows the rest.
constexpr size_t kMessagesShown = 2;
constexpr size_t kFindingsShown = 4;
// Counterparts named in a thread's header before "and N more".
constexpr size_t kCounterpartsShown = 3;

// The authors of the messages the user did not write, in order, each once.
std::string Counterparts(const ThreadReport& t) {
  std::vector<std::string> names;
  for (const MessageReport& m : t.messages) {
    if (m.me || m.author.empty()) continue;
    if (std::find(names.begin(), names.end(), m.author) == names.end()) names.push_back(m.author);
  }
  std::string out;
  for (size_t i = 0; i < names.size() && i < kCounterpartsShown; ++i) {
    out += (i == 0 ? "" : ", ") + names[i];
  }
  if (names.size() > kCounterpartsShown) {
    out += fmt::format(" and {} more", names.size() - kCounterpartsShown);
  }
  return out;
}

void AppendFindings(std::string& out, const MessageReport& m, const TextStyle& style) {
  std::vector<const Finding*> strongest;
  for (const Finding& f : m.findings) strongest.push_back(&f);
  std::stable_sort(strongest.begin(), strongest.end(),
                   [](const Finding* a, const Finding* b) { return a->points > b->points; });
  for (size_t i = 0; i < strongest.size() && i < kFindingsShown; ++i) {
    const Finding& f = *strongest[i];
    out += fmt::format(
        "    {} {} \"{}\"\n", Paint(style, fmt::format("{:+d}", f.points), ColorOf(f.category)),
        Paint(style, f.rule, kAnsiBold), Paint(style, FoldWhitespace(f.text), ColorOf(f.category)));
    if (f.suggestion)
      out += fmt::format("        {} {}\n", Paint(style, "try", kAnsiDim), *f.suggestion);
  }
  if (strongest.size() > kFindingsShown) {
    out += fmt::format("    ({} more)\n", strongest.size() - kFindingsShown);
  }
}

void AppendHottest(std::string& out, const ThreadReport& t, const TextStyle& style) {
  std::vector<const MessageReport*> hottest;
  for (const MessageReport& m : t.messages) hottest.push_back(&m);
  std::stable_sort(
      hottest.begin(), hottest.end(),
      [](const MessageReport* a, const MessageReport* b) { return a->heat > b->heat; });
  for (size_t i = 0; i < hottest.size() && i < kMessagesShown; ++i) {
    const MessageReport& m = *hottest[i];
    out +=
        fmt::format("  message {}{}{}{}{} · heat {}\n", m.id, m.author.empty() ? "" : " from ",
                    m.author, m.me ? " (you)" : "", m.time.empty() ? "" : " · " + m.time, m.heat);
    AppendFindings(out, m, style);
  }
  if (hottest.size() > kMessagesShown) {
    out += fmt::format("  ({} more matching messages)\n", hottest.size() - kMessagesShown);
  }
}

std::string FlaggedThread(const ThreadReport& t, const TextStyle& style) {
  std::string out = fmt::format(
      "{} · {}{}\n",
      Paint(style, fmt::format("heat {}/100", t.heat), t.heat >= kHotHeat ? kAnsiRed : kAnsiBold),
      t.trend == "unknown" ? "" : fmt::format("{} · ", t.trend),
      Paint(style, t.subject.empty() ? t.source : t.subject, kAnsiBold));
  const std::string with = Counterparts(t);
  if (!with.empty()) out += fmt::format("  with {}\n", with);
  if (t.move_off_email) out += MoveOffEmailText(*t.move_off_email, style);
  AppendHottest(out, t, style);
  out += fmt::format("  {} tonewatch thread {}\n\n", Paint(style, "more:", kAnsiDim), t.thread);
  return out;
}

std::string PageFooter(int64_t total, int64_t offset, size_t shown) {
  if (shown == 0) {
    return total == 0
               ? "no flagged threads\n"
               : fmt::format("nothing at offset {}; {} flagged threads in all\n", offset, total);
  }
  const int64_t last = offset + static_cast<int64_t>(shown);
  std::string out = fmt::format("showing {}-{} of {}", offset + 1, last, total);
  if (last < total) out += fmt::format("; --offset {} for more", last);
  return out + "\n";
}

// "to hide one: tonewatch suppress --finding F" and one line per finding of each message.
std::string Fingerprints(const ThreadReport& t,
                         const std::vector<std::vector<std::string>>& fingerprints,
                         const TextStyle& style) {
  std::string lines;
  for (size_t m = 0; m < t.messages.size() && m < fingerprints.size(); ++m) {
    const auto& findings = t.messages[m].findings;
    for (size_t f = 0; f < findings.size() && f < fingerprints[m].size(); ++f) {
      if (fingerprints[m][f].empty()) continue;
      lines += fmt::format("    {}  {} \"{}\"{}\n", fingerprints[m][f], findings[f].rule,
                           FoldWhitespace(findings[f].text),
                           t.messages.size() > 1 ? " in " + t.messages[m].id : "");
    }
  }
  if (lines.empty()) return "";
  return fmt::format("  {} tonewatch suppress --finding FINGERPRINT\n{}",
                     Paint(style, "to hide a finding:", kAnsiDim), lines);
}

std::string ThreadOut(const DaemonThread& thread, const TextStyle& style) {
  return fmt::format("{}  thread {}\n{}", RenderThreadText(thread.report, style),
                     thread.report.thread, Fingerprints(thread.report, thread.fingerprints, style));
}

}  // namespace

Result<std::string> FlaggedText(const Json& result, const TextStyle& style,
                                const std::string& where) {
  return GuardRender("flagged", where, [&]() -> Result<std::string> {
    std::string out;
    for (const Json& j : result.at("threads")) {
      auto thread = DecodeThread(j, where);
      if (!thread) return thread.error();
      out += FlaggedThread(thread->report, style);
    }
    return out + PageFooter(result.at("total").get<int64_t>(), result.at("offset").get<int64_t>(),
                            result.at("threads").size());
  });
}

Result<std::string> ThreadText(const Json& result, const TextStyle& style,
                               const std::string& where) {
  auto thread = DecodeThread(result, where);
  if (!thread) return thread.error();
  return ThreadOut(*thread, style);
}

Result<std::string> MessageText(const Json& result, const TextStyle& style,
                                const std::string& where) {
  return GuardRender("message", where, [&]() -> Result<std::string> {
    auto message = DecodeMessage(result.at("message"), where);
    if (!message) return message.error();
    DaemonThread alone;
    alone.report.thread = result.at("thread").get<std::string>();
    alone.report.source = fmt::format("{} (byte {})", result.at("path").get<std::string>(),
                                      result.at("source_offset").get<int64_t>());
    const Json& subject = result.at("subject");
    alone.report.subject = subject.is_null() ? "" : subject.get<std::string>();
    alone.report.heat = message->report.heat;
    alone.report.messages.push_back(message->report);
    alone.fingerprints.push_back(message->fingerprints);
    const Json& lexicon = result.at("lexicon");
    const MessageReport& m = message->report;
    std::string head =
        fmt::format("message {}{}{}{}{}\n", m.id, m.author.empty() ? "" : " from ", m.author,
                    m.me ? " (you)" : "", m.time.empty() ? "" : " · " + m.time);
    if (!lexicon.is_null())
      head += fmt::format("  analyzed with lexicon {}\n", lexicon.get<std::string>());
    return head + ThreadOut(alone, style);
  });
}

}  // namespace tonewatch::cli
