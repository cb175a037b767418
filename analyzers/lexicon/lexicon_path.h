#pragma once

#include <filesystem>
#include <string>

namespace tonewatch {

// Where the lexicon root was found, and by which rule of the search order.
struct LexiconLocation {
  std::filesystem::path root;
  std::string how;  // "--lexicons", "TONEWATCH_LEXICONS", "installed", "source tree"
};

// The search order: `flag` if not empty; else `env` (the value of $TONEWATCH_LEXICONS) if not
// empty; else `installed` if it exists; else `source_tree`. Does not check that the chosen folder
// holds a lexicon: LoadLexicon reports that with the path.
LexiconLocation ResolveLexiconRoot(const std::string& flag, const char* env,
                                   const std::filesystem::path& installed,
                                   const std::filesystem::path& source_tree);

// ResolveLexiconRoot with the environment's $TONEWATCH_LEXICONS and the folders this build was
// configured with (CMake's TONEWATCH_INSTALLED_LEXICONS and TONEWATCH_SOURCE_LEXICONS): the
// search the CLI and the daemon both use.
LexiconLocation FindLexiconRoot(const std::string& flag);

}  // namespace tonewatch
