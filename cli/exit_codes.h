#pragma once

#include "analyzers/base/error.h"

namespace tonewatch::cli {

// The exit codes of `tonewatch`, documented in --help and the README.
enum ExitCode : int {
  kExitOk = 0,        // everything asked for was done
  kExitUsage = 2,     // bad command line
  kExitInput = 3,     // an input could not be read or analyzed; the others were analyzed
  kExitLexicon = 4,   // the lexicon is missing or broken (or, for check-lexicon, fails a check)
  kExitInternal = 5,  // a bug: please report it
  kExitNoDaemon = 6,  // daemon commands: tonewatchd is not running, unreachable, or did not answer
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

// No newline at the end: CLI11 ends the footer with one (a second would leave a blank last line).
inline constexpr const char* kExitCodesHelp =
    "Exit codes:\n"
    "  0  success\n"
    "  2  bad usage (unknown option, bad value)\n"
    "  3  an input could not be read or analyzed (missing, unreadable, not text or mail);\n"
    "     the others were analyzed\n"
    "  4  the lexicon is missing or broken, or check-lexicon found failing examples\n"
    "  5  internal error (a bug), or the daemon failed or answered something unreadable\n"
    "  6  tonewatchd is not running, cannot be reached, or did not answer within --timeout";

// The same for the commands that query tonewatchd (flagged, thread, status, ...), in their --help.
inline constexpr const char* kDaemonExitCodesHelp =
    "Exit codes:\n"
    "  0  success\n"
    "  2  bad usage, or the daemon refused the request (its message says why)\n"
    "  3  no thread, message or suppression with that id\n"
    "  4  reload: the daemon refused the new lexicon (its message names the file and line);\n"
    "     the previous lexicon stays in use\n"
    "  5  the daemon failed, or its answer could not be read (not JSON, another protocol version)\n"
    "  6  tonewatchd is not running, cannot be reached, or did not answer within --timeout\n";

// The exit code of a command that queries tonewatchd. The daemon's error codes arrive as these
// ErrorCodes (see cli/daemon_call.h): bad-request as kUsage, not-found as kNotFound, reload-failed
// as kBadLexicon, anything else the daemon or its answer got wrong as kInternal. A daemon command
// reads no files, so kUnreadable is reserved for "the daemon could not be read from": no socket,
// nothing listening, connection closed, no answer in time. It gets its own code so that a script
// can tell "try again later" from "this will never work".
inline int ExitCodeForDaemon(ErrorCode code) {
  if (code == ErrorCode::kUnreadable) return kExitNoDaemon;
  if (code == ErrorCode::kBadInput) return kExitInternal;
  return ExitCodeFor(code);
}

}  // namespace tonewatch::cli
