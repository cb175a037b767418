#pragma once

#include <string>
#include <string_view>

namespace tonewatch {

// What went wrong, coarsely: callers branch on this (the CLI maps it to an exit code).
enum class ErrorCode {
  kUsage,       // the caller asked for something that cannot be done
  kNotFound,    // a file or folder does not exist
  kUnreadable,  // the OS refused to read it (permissions, I/O error, a directory)
  kBadInput,    // the bytes were read but are not what they should be (binary, too large)
  kBadLexicon,  // a lexicon file or rule is broken
  kInternal,    // a bug: an invariant did not hold
};

std::string_view ErrorCodeName(ErrorCode code);

// An error names its subject (`where`: a file, file:line, or byte offset), says what is wrong
// (`message`) and, where it helps, what to do about it (`hint`).
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string where;
  std::string message;
  std::string hint;

  // "where: message" plus " (hint)" when there is one. Never empty.
  std::string ToString() const;
};

Error MakeError(ErrorCode code, std::string where, std::string message, std::string hint = {});

}  // namespace tonewatch
