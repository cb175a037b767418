#include "analyzers/readers/text_reader.h"

#include <algorithm>

#include "analyzers/text/utf8.h"

namespace tonewatch {
namespace {

constexpr size_t kReadChunk = 256 << 10;

// Where to end a piece of `text` (longer than max): see PieceReader.
size_t CutPoint(std::string_view text, size_t max) {
  const std::string_view window = text.substr(0, max);
  const size_t half = max / 2;
  if (size_t nl = window.rfind('\n'); nl != std::string_view::npos && nl >= half) return nl + 1;
  if (size_t sp = window.rfind(' '); sp != std::string_view::npos && sp >= half) return sp + 1;
  const size_t cut = Utf8CutPoint(text, max);
  return cut > 0 ? cut : max;
}

}  // namespace

Result<bool> PieceReader::Next(std::string* piece, uint64_t* offset) {
  while (!eof_ && pending_.size() <= max_piece_) {
    auto n = source_.ReadAppend(pending_, std::max(kReadChunk, max_piece_ - pending_.size() + 1));
    if (!n) return n.error();
    if (*n == 0) eof_ = true;
  }
  if (pending_.empty()) return false;
  const size_t cut =
      pending_.size() <= max_piece_ ? pending_.size() : CutPoint(pending_, max_piece_);
  piece->assign(pending_, 0, cut);
  pending_.erase(0, cut);
  *offset = offset_;
  offset_ += cut;
  return true;
}

Result<bool> LineReader::Fill() {
  if (pos_ > 0) {
    buffer_.erase(0, pos_);
    consumed_ += pos_;
    pos_ = 0;
  }
  auto n = source_.ReadAppend(buffer_, kChunk);
  if (!n) return n.error();
  if (*n == 0) eof_ = true;
  return *n > 0;
}

Result<bool> LineReader::Next(Line* line) {
  *line = Line{};
  if (eof_ && pos_ >= buffer_.size()) return false;
  line->offset = consumed_ + pos_;
  uint64_t length = 0;    // bytes before the '\n', a final '\r' included
  bool overflow = false;  // more than max_line_ + 1 bytes: no longer stored
  char last = 0;
  for (;;) {
    const size_t nl = buffer_.find('\n', pos_);
    const size_t end = nl == std::string::npos ? buffer_.size() : nl;
    const size_t take = end - pos_;
    length += take;
    if (take > 0) last = buffer_[end - 1];
    // One byte over the limit is kept: it may be the '\r' of a CRLF line break.
    if (!overflow && length > max_line_ + 1) {
      overflow = true;
      line->text.clear();
      line->text.shrink_to_fit();
    }
    if (!overflow) line->text.append(buffer_, pos_, take);
    pos_ = end;
    if (nl != std::string::npos) {
      ++pos_;  // the line break
      break;
    }
    if (eof_) break;
    auto more = Fill();
    if (!more) return more.error();
    if (!*more) {
      if (length == 0) return false;  // nothing after the last line break
      break;
    }
  }
  if (length > 0 && last == '\r') {
    --length;
    if (!overflow) line->text.pop_back();
  }
  line->number = ++number_;
  line->length = length;
  line->too_long = length > max_line_;
  if (line->too_long) {
    line->text.clear();
    line->text.shrink_to_fit();
  }
  return true;
}

}  // namespace tonewatch
