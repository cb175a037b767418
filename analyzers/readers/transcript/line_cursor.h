#pragma once

#include "analyzers/readers/transcript/transcript_lines.h"

namespace tonewatch {

// TranscriptLines with one line of push-back, for the format readers' look-ahead.
class LineCursor {
 public:
  explicit LineCursor(TranscriptLines& lines) : lines_(lines) {}

  // Moves to the next line (the pushed-back one first); false at the end.
  Result<bool> Next() {
    if (held_) {
      held_ = false;
      return true;
    }
    return lines_.Next(&line_);
  }
  // The next Next() returns the current line again.
  void PushBack() { held_ = true; }

  const TextLine& line() const { return line_; }
  const std::string& name() const { return lines_.name(); }

 private:
  TranscriptLines& lines_;
  TextLine line_;
  bool held_ = false;
};

// True for a line of white space only.
inline bool IsBlankLine(std::string_view text) {
  return text.find_first_not_of(" \t") == std::string_view::npos;
}

}  // namespace tonewatch
