#include "analyzers/render/text_render.h"

#include <fmt/format.h>

#include <algorithm>

#include "analyzers/call/call_metrics.h"
#include "analyzers/render/call_render.h"

namespace tonewatch {

std::string Paint(const TextStyle& style, std::string_view text, std::string_view color) {
  if (!style.color) return std::string(text);
  return fmt::format("{}{}\x1b[0m", color, text);
}

std::string_view ColorOf(Category category) {
  if (category == Category::kRepair) return kAnsiGreen;
  if (category == Category::kIntensity) return kAnsiYellow;
  return kAnsiRed;
}

std::string MoveOffEmailText(const MoveOffEmail& move, const TextStyle& style) {
  std::string out =
      fmt::format("  {} take this off email, call them\n", Paint(style, "→", kAnsiBold));
  for (const auto& r : move.reasons) out += fmt::format("    - {}\n", r);
  out += fmt::format("    opening: {}\n", move.opening);
  return out;
}

namespace {

// How a held-back finding's `why` starts (the engine's [target.notes]).
constexpr std::string_view kNotCounted = "Not counted:";

class Writer {
 public:
  explicit Writer(const TextStyle& style) : style_(style) {}

  std::string Paint(std::string_view text, std::string_view color) const {
    return tonewatch::Paint(style_, text, color);
  }

  // A finding that was held back (0 points, "Not counted: ..."): one line with its rule, words and
  // the reason, so what tonewatch chose not to count stays visible without crowding what counts.
  void HeldBack(const tonewatch::Finding& f) {
    std::string reason = f.why.substr(kNotCounted.size());
    const size_t end = reason.find(". ");
    if (end != std::string::npos) reason.resize(end + 1);
    std::string words = f.text;
    for (char& c : words) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    out_ +=
        fmt::format("  {} {} \"{}\":{}\n", Paint("not counted", kAnsiDim), f.rule, words, reason);
  }

  void Finding(const tonewatch::Finding& f) {
    if (f.points == 0 && f.why.rfind(kNotCounted, 0) == 0) {
      HeldBack(f);
      return;
    }
    out_ += fmt::format("  {} {}\n", Paint(fmt::format("{:+d}", f.points), ColorOf(f.category)),
                        Paint(f.rule, kAnsiBold));
    const std::string_view ctx = f.context;
    const size_t at = std::min(f.context_offset, ctx.size());
    const size_t len = std::min(f.text.size(), ctx.size() - at);
    std::string marked = style_.color ? Paint(ctx.substr(at, len), ColorOf(f.category))
                                      : fmt::format("**{}**", ctx.substr(at, len));
    std::string line = fmt::format("{}{}{}", ctx.substr(0, at), marked, ctx.substr(at + len));
    for (char& c : line) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    out_ += fmt::format("      {}\n", line);
    if (!f.why.empty()) out_ += fmt::format("      {} {}\n", Paint("why", kAnsiDim), f.why);
    if (f.suggestion) out_ += fmt::format("      {} {}\n", Paint("try", kAnsiDim), *f.suggestion);
  }

  void Message(const MessageReport& m, bool many) {
    if (many) {
      out_ += fmt::format("  message {}{}{}{} · heat {}\n", m.id, m.author.empty() ? "" : " from ",
                          m.author, m.me ? " (you)" : "", m.heat);
    }
    for (const auto& f : m.findings) Finding(f);
    if (m.findings.empty()) {
      out_ += "  no findings\n";
      return;
    }
    long sum = 0;
    std::string terms;
    for (const auto& f : m.findings) {
      if (f.points == 0) continue;
      terms += terms.empty() ? fmt::format("{}", f.points)
                             : fmt::format(" {} {}", f.points < 0 ? '-' : '+', std::abs(f.points));
      sum += f.points;
    }
    std::string note;
    if (sum > kMaxHeat) note = fmt::format(" (sum {}, capped at {})", sum, kMaxHeat);
    if (sum < 0) note = fmt::format(" (sum {}, floored at 0; tone {})", sum, ToneOf(m.findings));
    const auto counted = std::count_if(m.findings.begin(), m.findings.end(),
                                       [](const tonewatch::Finding& f) { return f.points != 0; });
    if (counted > 12) terms = fmt::format("{} contributions", counted);
    if (terms.empty()) terms = "0 (nothing counted)";
    out_ +=
        fmt::format("  heat {} = {}{}\n", Paint(fmt::format("{}", m.heat), kAnsiBold), terms, note);
    if (m.omitted_findings > 0) {
      out_ += fmt::format("  ({} more findings not listed)\n", m.omitted_findings);
    }
  }

  std::string Thread(const ThreadReport& t) {
    out_ += fmt::format("{}{}{} · heat {}/100{}\n", Paint(t.source, kAnsiBold),
                        t.subject.empty() ? "" : " · ", t.subject,
                        Paint(fmt::format("{}", t.heat), t.heat >= kHotHeat ? kAnsiRed : kAnsiBold),
                        t.trend == "unknown" ? "" : fmt::format(" · {}", t.trend));
    for (const auto& e : t.errors) out_ += fmt::format("  ! {}: {}\n", e.where, e.message);
    const bool many = t.messages.size() > 1;
    for (const auto& m : t.messages) Message(m, many);
    if (t.move_off_email) out_ += MoveOffEmailText(*t.move_off_email, style_);
    if (t.unanswered) {
      out_ += fmt::format("  {} their message {} (heat {}) has waited {} h for a reply\n",
                          Paint("!", kAnsiRed), t.unanswered->message, t.unanswered->heat,
                          t.unanswered->waiting_ms / 3600000);
    }
    if (t.reply_plan) Plan(*t.reply_plan);
    if (t.call) out_ += CallMetricsText(*t.call);
    return std::move(out_);
  }

  void Plan(const ReplyPlan& plan) {
    out_ += fmt::format("  {}\n", Paint("reply plan", kAnsiBold));
    out_ += "    their concerns, in order:\n";
    for (size_t i = 0; i < plan.concerns.size(); ++i) {
      const auto& c = plan.concerns[i];
      out_ += fmt::format("    {}. \"{}\" ({})\n", i + 1, c.text, c.category);
      if (!c.advice.empty()) out_ += fmt::format("       {}\n", c.advice);
    }
    out_ += "    then:\n";
    for (size_t i = 0; i < plan.steps.size(); ++i) {
      out_ += fmt::format("    {}) {}\n", static_cast<char>('a' + i), plan.steps[i]);
    }
  }

 private:
  const TextStyle& style_;
  std::string out_;
};

}  // namespace

std::string RenderThreadText(const ThreadReport& thread, const TextStyle& style) {
  return Writer(style).Thread(thread);
}

}  // namespace tonewatch
