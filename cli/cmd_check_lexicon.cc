#include <fmt/format.h>

#include <cstdio>
#include <string>
#include <vector>

#include "analyzers/lexicon/example_check.h"
#include "cli/commands.h"

namespace tonewatch::cli {

Result<void> CmdCheckLexicon(const std::string& dir) {
  auto engine = LoadEngine(dir);
  if (!engine) return engine.error();
  const std::vector<std::string> failed_examples = CheckExamples(*engine);
  const std::vector<std::string> failed_advice = CheckSuggestions(*engine);
  for (const std::string& p : failed_examples) std::printf("%s\n", p.c_str());
  for (const std::string& p : failed_advice) std::printf("%s\n", p.c_str());
  const Lexicon& lexicon = engine->lexicon();
  size_t examples = 0;
  size_t suggestions = 0;
  for (const Rule& r : lexicon.rules) {
    examples += r.match.size() + r.no_match.size();
    if (r.suggestion) ++suggestions;
  }
  std::vector<std::string> summary;
  if (!failed_examples.empty()) {
    summary.push_back(fmt::format("{} of {} examples failed", failed_examples.size(), examples));
  }
  if (!failed_advice.empty()) {
    summary.push_back(fmt::format("{} of {} suggestions do not cool the text", failed_advice.size(),
                                  suggestions));
  }
  if (!summary.empty()) {
    return Err(ErrorCode::kBadLexicon, lexicon.folder.string(),
               fmt::format("{}", fmt::join(summary, "; ")));
  }
  std::printf("%s: %zu rules, %zu examples, %zu suggestions, all pass (hash %s)\n",
              lexicon.folder.c_str(), lexicon.rules.size(), examples, suggestions,
              lexicon.hash.c_str());
  return Ok();
}

Result<void> CmdVersion(const std::string& lexicons) {
  std::printf("tonewatch %s\n", TONEWATCH_VERSION);
  const LexiconLocation where = FindLexiconRoot(lexicons);
  auto engine = LoadEngine(lexicons);
  if (!engine) {
    std::printf("lexicons: %s (from %s): not usable\n", where.root.c_str(), where.how.c_str());
    return engine.error();
  }
  const Lexicon& lexicon = engine->lexicon();
  std::printf("lexicons: %s (from %s)\nrules: %zu in %zu files, hash %s\n", lexicon.folder.c_str(),
              where.how.c_str(), lexicon.rules.size(), lexicon.file_count, lexicon.hash.c_str());
  return Ok();
}

}  // namespace tonewatch::cli
