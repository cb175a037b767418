#pragma once

#include <string>
#include <vector>

#include "analyzers/base/result.h"
#include "analyzers/engine.h"
#include "analyzers/lexicon/lexicon_path.h"

// One function per command; main.cc only parses arguments and dispatches. A command prints its
// output itself and returns an error for main to print and turn into an exit code.
namespace tonewatch::cli {

struct AnalyzeOptions {
  std::vector<std::string> inputs;  // empty: stdin
  std::string format = "text";      // text | json
  std::string color = "auto";       // auto | always | never
  bool each_line = false;
  std::string lexicons;
  int min_heat = 0;
  size_t max_line_bytes = 0;    // 0: the default
  bool plan = false;            // add a reply plan for the hottest counterpart message
  std::vector<std::string> me;  // the user's addresses or speaker names
  std::string input_format;     // empty: recognize each input by its content
  double unanswered_hours = 4;  // a hot message unanswered this long is reported
  unsigned jobs = 0;            // threads analyzing mail side by side (0: one per core)
};

Result<void> CmdAnalyze(const AnalyzeOptions& options);

// Loads the lexicon at `dir` (or the default search order), compiles it and runs every rule's
// examples; prints each problem as file:line: rule <id>: <reason>.
Result<void> CmdCheckLexicon(const std::string& dir);

// Prints the version, the lexicon folder in use and the hash of its rules.
Result<void> CmdVersion(const std::string& lexicons);

// Loads and compiles the lexicon found by FindLexiconRoot(flag) (analyzers/lexicon/lexicon_path.h):
// --lexicons, $TONEWATCH_LEXICONS, installed, source tree.
Result<Engine> LoadEngine(const std::string& flag);

}  // namespace tonewatch::cli
