#include "analyzers/lexicon/lexicon.h"
#include "cli/commands.h"

namespace tonewatch::cli {

LexiconLocation FindLexicons(const std::string& flag) { return FindLexiconRoot(flag); }

Result<Engine> LoadEngine(const std::string& flag) {
  const LexiconLocation where = FindLexicons(flag);
  auto lexicon = LoadLexicon(where.root);
  if (!lexicon) return lexicon.error();
  return Engine::Create(std::move(*lexicon));
}

}  // namespace tonewatch::cli
