#pragma once

#include "analyzers/base/error.h"

namespace tonewatch::cli {

// The exit codes of `tonewatch`, documented in --help and the README.
enum ExitCode : int {
  kExitOk = 0,        // everything asked for was done
  kExitUsage = 2,     // bad command line
  kExitInput = 3,     // an input could not be read or analyzed; the others were
  kExitLexicon = 4,   // the lexicon is missing or broken (or, for check-lexicon, fails a check)
  kExitInternal = 5,  // a bug: please report it
};

inline int ExitCodeFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kUsage:
      return kExitUsage;
    case ErrorCode::kNotFound:
    case ErrorCode::kUnreadable:
    case ErrorCode::kBadInput:
      return kExitInput;
    case ErrorCode::kBadLexicon:
      return kExitLexicon;
    case ErrorCode::kInternal:
      return kExitInternal;
  }
  return kExitInternal;
}

inline constexpr const char* kExitCodesHelp =
    "Exit codes:\n"
    "  0  success\n"
    "  2  bad usage (unknown option, bad value)\n"
    "  3  an input could not be read or analyzed (missing, unreadable, binary); the rest was\n"
    "  4  the lexicon is missing or broken, or check-lexicon found failing examples\n"
    "  5  internal error (a bug)\n";

}  // namespace tonewatch::cli
