#pragma once

#include <cstdint>
#include <string>

#include "analyzers/base/result.h"
#include "analyzers/readers/byte_source.h"

namespace tonewatch {

// Cuts a source into pieces of at most `max_piece` bytes so that input of any size is analyzed in
// bounded memory. A cut goes after the last line break in the second half of the piece, else after
// the last space there, else at the last UTF-8 character boundary. Analysis is exact within a
// piece; a sentence cut in two is analyzed as two.
class PieceReader {
 public:
  PieceReader(ByteSource& source, size_t max_piece) : source_(source), max_piece_(max_piece) {}

  // Sets *piece to the next piece and returns true, or returns false at the end. `*offset` is the
  // piece's byte offset in the source. Read errors carry the source's name.
  Result<bool> Next(std::string* piece, uint64_t* offset);

 private:
  ByteSource& source_;
  size_t max_piece_;
  std::string pending_;
  uint64_t offset_ = 0;
  bool eof_ = false;
};

// One line of a source, for --each-line.
struct Line {
  uint64_t number = 0;    // 1-based
  uint64_t offset = 0;    // byte offset of its start in the source
  uint64_t length = 0;    // bytes, without the line break
  bool too_long = false;  // longer than the reader's limit: `text` is empty
  std::string text;       // without "\n" or "\r\n"
};

// Reads lines of at most `max_line` bytes; longer lines are reported (too_long) and skipped
// without being held in memory, so a single 1 GiB line costs one read buffer.
class LineReader {
 public:
  LineReader(ByteSource& source, size_t max_line) : source_(source), max_line_(max_line) {}

  // Sets *line to the next line and returns true, or returns false at the end. A last line without
  // a line break is still a line; an empty source has no lines.
  Result<bool> Next(Line* line);

 private:
  Result<bool> Fill();

  static constexpr size_t kChunk = 64 << 10;
  ByteSource& source_;
  size_t max_line_;
  std::string buffer_;
  size_t pos_ = 0;
  uint64_t consumed_ = 0;  // bytes of the source before buffer_[0]
  uint64_t number_ = 0;
  bool eof_ = false;
};

}  // namespace tonewatch
