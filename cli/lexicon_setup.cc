#include "analyzers/lexicon/lexicon.h"
#include "cli/commands.h"

namespace tonewatch::cli {

Result<Engine> LoadEngine(const std::string& flag) {
  const LexiconLocation where = FindLexiconRoot(flag);
  auto lexicon = LoadLexicon(where.root);
  if (!lexicon) return lexicon.error();
  return Engine::Create(std::move(*lexicon));
}

}  // namespace tonewatch::cli
