#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "analyzers/base/result.h"
#include "analyzers/readers/transcript/charset.h"
#include "analyzers/readers/transcript/notice_log.h"

namespace tonewatch {

// One line of a transcript, as valid UTF-8.
struct TextLine {
  uint64_t number = 0;     // 1-based line number in the source
  std::string text;        // without the line break ("\n", "\r\n")
  bool continued = false;  // the rest of a line longer than kMaxLineBytes, not a line's start
  bool terminated = true;  // false for a last line without a line break (a truncated file?)
};

// Cuts a Utf8Stream into lines, replacing invalid UTF-8 and NUL bytes with U+FFFD and reporting
// each damaged line to the log ("call.srt:12: 2 invalid UTF-8 sequences replaced with U+FFFD").
// A line longer than kMaxLineBytes comes in several pieces, the later ones marked `continued`
// (cut after a space where there is one), so memory stays bounded whatever the input.
// Not thread-safe; the stream and log must outlive it.
class TranscriptLines {
 public:
  static constexpr size_t kMaxLineBytes = 1 << 20;

  TranscriptLines(Utf8Stream& stream, NoticeLog& log) : stream_(stream), log_(log) {}

  // Sets *line to the next line and returns true, or returns false at the end. An empty source
  // has no lines. Fails with the source's read error.
  Result<bool> Next(TextLine* line);

  // The next (up to) `size` bytes of decoded text, unconsumed and not yet cleaned: for format
  // detection before the first Next().
  Result<std::string_view> Peek(size_t size);

  const std::string& name() const { return stream_.name(); }

 private:
  Result<bool> Fill();
  void Clean(std::string_view raw, TextLine* line);

  static constexpr size_t kChunk = 64 << 10;
  Utf8Stream& stream_;
  NoticeLog& log_;
  std::string buffer_;
  size_t pos_ = 0;
  uint64_t number_ = 0;
  bool in_long_line_ = false;  // the last piece handed out was cut from a longer line
  bool eof_ = false;
};

}  // namespace tonewatch
