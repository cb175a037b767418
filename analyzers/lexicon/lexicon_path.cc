#include "analyzers/lexicon/lexicon_path.h"

#include <cstdlib>

namespace tonewatch {

LexiconLocation ResolveLexiconRoot(const std::string& flag, const char* env,
                                   const std::filesystem::path& installed,
                                   const std::filesystem::path& source_tree) {
  if (!flag.empty()) return {flag, "--lexicons"};
  if (env != nullptr && *env != '\0') return {env, "TONEWATCH_LEXICONS"};
  std::error_code ec;
  if (!installed.empty() && std::filesystem::is_directory(installed, ec)) {
    return {installed, "installed"};
  }
  return {source_tree, "source tree"};
}

LexiconLocation FindLexiconRoot(const std::string& flag) {
  return ResolveLexiconRoot(flag, std::getenv("TONEWATCH_LEXICONS"), TONEWATCH_INSTALLED_LEXICONS,
                            TONEWATCH_SOURCE_LEXICONS);
}

}  // namespace tonewatch
