#include "analyzers/thread/reply_plan.h"

#include <algorithm>

#include "analyzers/analysis/words.h"

namespace tonewatch {

std::optional<ReplyPlan> MakeReplyPlan(const ThreadReport& thread, const LanguageData& language) {
  const MessageReport* target = nullptr;
  for (const MessageReport& m : thread.messages) {
    const bool heated = std::any_of(m.findings.begin(), m.findings.end(),
                                    [](const Finding& f) { return CountsAsHeat(f); });
    if (!m.me && heated && (target == nullptr || m.heat >= target->heat)) target = &m;
  }
  if (target == nullptr) return std::nullopt;

  ReplyPlan plan;
  plan.message = target->id;
  std::vector<int> strongest;  // per concern: the points of its strongest finding so far
  // Findings are in text order; findings in one sentence share its context.
  for (const Finding& f : target->findings) {
    if (!CountsAsHeat(f)) continue;
    const std::string text = FoldWhitespace(f.context.empty() ? f.text : f.context);
    auto same = std::find_if(plan.concerns.begin(), plan.concerns.end(),
                             [&](const ReplyPlan::Concern& c) { return c.text == text; });
    const size_t index = static_cast<size_t>(same - plan.concerns.begin());
    if (same == plan.concerns.end()) {
      plan.concerns.push_back({text, "", ""});
      strongest.push_back(-1);
    }
    if (f.points > strongest[index]) {
      strongest[index] = f.points;
      plan.concerns[index].category = std::string(CategoryName(f.category));
    }
  }
  for (auto& c : plan.concerns) {
    auto advice = language.plan_advice.find(c.category);
    if (advice != language.plan_advice.end()) c.advice = advice->second;
  }
  plan.steps = language.plan_steps;
  return plan;
}

}  // namespace tonewatch
