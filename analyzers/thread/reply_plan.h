#pragma once

#include <optional>

#include "analyzers/lexicon/lexicon.h"
#include "analyzers/report/report.h"

namespace tonewatch {

// A reply plan for the thread's hottest message from the counterpart (the latest one among equals),
// or nullopt when no counterpart message has heated findings. Concerns are the sentences that carry
// heated findings, in order, each once, with the advice for its strongest finding's category; the
// steps come from language.toml's [plan]. Pure.
std::optional<ReplyPlan> MakeReplyPlan(const ThreadReport& thread, const LanguageData& language);

}  // namespace tonewatch
