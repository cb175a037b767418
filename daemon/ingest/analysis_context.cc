#include "daemon/ingest/analysis_context.h"

#include <fmt/format.h>

#include "analyzers/analysis/words.h"
#include "analyzers/base/hash.h"
#include "analyzers/clean/mail_lexicon.h"
#include "analyzers/lexicon/lexicon.h"
#include "analyzers/thread/reply_plan.h"

namespace tonewatch::daemon {

Result<std::shared_ptr<const AnalysisContext>> LoadAnalysisContext(
    const std::filesystem::path& lexicons, std::vector<std::string> me, ThreadModelOptions thread) {
  auto lexicon = LoadLexicon(lexicons);
  if (!lexicon) return lexicon.error();
  auto mail = LoadMailLexicon(lexicons);
  if (!mail) return mail.error();
  const std::string hash = lexicon->hash;
  auto engine = Engine::Create(std::move(*lexicon));
  if (!engine) return engine.error();
  for (std::string& m : me) m = AsciiLower(m);
  auto context = std::make_shared<AnalysisContext>(AnalysisContext{
      std::move(*engine), MailCleanerFor(std::make_shared<const MailLexicon>(std::move(*mail))),
      std::move(me), thread, hash});
  return std::shared_ptr<const AnalysisContext>(std::move(context));
}

namespace {
constexpr std::string_view kCallPrefix = "call-";
std::string PathHash(const std::string& path) {
  Fnv1a hash;
  hash.Add(path);
  return hash.Hex();
}
}  // namespace

std::string CallThreadId(const std::string& path) {
  return fmt::format("{}{}", kCallPrefix, PathHash(path));
}
std::string TextThreadId(const std::string& path) { return fmt::format("text-{}", PathHash(path)); }
bool IsCallThread(const std::string& id) { return id.rfind(kCallPrefix, 0) == 0; }

ThreadAggregator MakeAggregator(std::shared_ptr<const AnalysisContext> context, int64_t now_ms) {
  return [context, now_ms](ThreadReport& thread) {
    const LanguageData& language = context->engine.lexicon().data;
    AggregateThread(thread, language, context->thread, now_ms);
    if (IsCallThread(thread.thread)) {
      // A call is not email: no prompt to move off it, and no unanswered heat.
      thread.move_off_email.reset();
      thread.unanswered.reset();
    }
    thread.reply_plan.reset();
    if (thread.heat >= context->thread.hot_heat)
      thread.reply_plan = MakeReplyPlan(thread, language);
    return ThreadSummary(thread);
  };
}

}  // namespace tonewatch::daemon
