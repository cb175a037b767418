#pragma once

#include <gmime/gmime.h>

#include <cstdint>
#include <optional>
#include <string>

namespace tonewatch {

// Where one message lies in an mbox: its "From " line at `separator`, its headers and body in
// [begin, end).
struct MboxEntry {
  int64_t separator = 0;
  int64_t begin = 0;
  int64_t end = 0;
  // The message stops at a separator with no empty line before it: it was cut short (a truncated
  // write, a damaged archive), and the next message starts where it was cut.
  bool cut_short = false;
};

// Finds message boundaries in an mbox stream without holding messages in memory: it keeps one
// line buffer and the offsets. A message ends before the next "From " line that follows an empty
// line (mboxo and mboxrd agree on this), or where its Content-Length header says, when a separator
// or the end of the stream is really there. A message cut short ends without the empty line; it
// still ends at a "From " line that has a separator's shape ("From sender Tue Nov 17 09:00:00
// 2026": a time and a year) and is followed by a header line, so that one truncated message does
// not swallow the next (see MboxEntry::cut_short). Does not take ownership of `stream`, which must
// stay open while splitting. Not thread-safe.
class MboxSplitter {
 public:
  // Splits from byte `start` of the stream (0: the beginning). A start that is not at a separator
  // is read as a first entry without one, as at the beginning of a stream.
  explicit MboxSplitter(GMimeStream* stream, int64_t start = 0)
      : stream_(stream), buffer_offset_(start) {}

  // The next entry, or nullopt at the end. The first entry may begin without a separator when the
  // stream does not start with one (then separator == begin).
  std::optional<MboxEntry> Next();

 private:
  // Reads the next line (with its '\n') into line_; false at the end.
  bool ReadLine();
  // The Content-Length of the header block starting at the current position, if any; leaves the
  // position at the first body line.
  std::optional<int64_t> ScanHeaders();
  bool SeparatorAt(int64_t offset);
  // Whether line_, a "From " line with no empty line before it, starts a message all the same.
  bool StartsCutShortEntry();

  GMimeStream* stream_;
  std::string buffer_;
  size_t buffer_pos_ = 0;
  int64_t buffer_offset_ = 0;  // stream offset of buffer_[0]
  std::string line_;
  int64_t line_offset_ = 0;
  bool pending_separator_ = false;  // line_ holds a separator already read
  bool started_ = false;
};

}  // namespace tonewatch
