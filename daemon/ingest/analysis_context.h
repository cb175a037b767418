#pragma once

// Everything reading and analyzing a file needs, loaded once and shared read-only by the ingest
// workers. A lexicon reload builds a new context and swaps it in; workers that hold the old one
// finish with it.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "analyzers/base/result.h"
#include "analyzers/engine.h"
#include "analyzers/pipeline/mail_analysis.h"
#include "analyzers/thread/thread_model.h"
#include "daemon/store/store.h"

namespace tonewatch::daemon {

struct AnalysisContext {
  Engine engine;
  MailCleaner clean_mail;       // thread-safe: the mail lexicon is shared read-only
  std::vector<std::string> me;  // ASCII lower case
  ThreadModelOptions thread;
  std::string lexicon_hash;  // of engine's lexicon: stored with every result
};

// Loads the rule lexicon and the mail lexicon under `lexicons` and builds the engine. Errors name
// the file and line of the first broken rule (kBadLexicon).
Result<std::shared_ptr<const AnalysisContext>> LoadAnalysisContext(
    const std::filesystem::path& lexicons, std::vector<std::string> me, ThreadModelOptions thread);

// Thread ids of what is not mail: a call transcript's turns, and a plain text file, each a thread
// of its own named after its path.
std::string CallThreadId(const std::string& path);
std::string TextThreadId(const std::string& path);
bool IsCallThread(const std::string& id);

// The thread model over `context`, as the store's Ingest and Reaggregate call it: heat, trend,
// move-off-email prompt, unanswered heat (as of `now_ms`) and, for a hot thread, the reply plan.
ThreadAggregator MakeAggregator(std::shared_ptr<const AnalysisContext> context, int64_t now_ms);

}  // namespace tonewatch::daemon
