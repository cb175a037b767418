#include "analyzers/readers/mail/mbox_splitter.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace tonewatch {
namespace {

constexpr size_t kChunk = 64 * 1024;
// A header block this long is not one; stop looking for Content-Length.
constexpr int kMaxHeaderLines = 1000;

bool IsSeparator(const std::string& line) { return line.compare(0, 5, "From ") == 0; }

bool IsBlank(const std::string& line) { return line == "\n" || line == "\r\n" || line.empty(); }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "From sender <date>" with a time ("9:00", "09:00:00") and a four-digit year in the date: what
// mail programs write, and what a body line starting with "From " seldom is.
bool HasSeparatorShape(std::string_view line) {
  const size_t sender_end = line.find(' ', 5);
  if (line.size() <= 5 || line[5] == ' ' || sender_end == std::string_view::npos) return false;
  const std::string_view date = line.substr(sender_end + 1);
  bool time = false;
  bool year = false;
  for (size_t i = 0; i < date.size(); ++i) {
    if (!IsDigit(date[i]) || (i > 0 && IsDigit(date[i - 1]))) continue;
    size_t digits = i;
    while (digits < date.size() && IsDigit(date[digits])) ++digits;
    const size_t run = digits - i;
    if (run <= 2 && digits + 2 < date.size() && date[digits] == ':' && IsDigit(date[digits + 1]) &&
        IsDigit(date[digits + 2])) {
      time = true;
    }
    if (run == 4 && (digits == date.size() || date[digits] != ':')) year = true;
  }
  return time && year;
}

// "Name: value" with a field name of printable ASCII (RFC 5322).
bool IsHeaderLine(std::string_view line) {
  const size_t colon = line.find(':');
  if (colon == 0 || colon == std::string_view::npos) return false;
  return std::all_of(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(colon),
                     [](char c) { return c > ' ' && c < 127; });
}

}  // namespace

bool MboxSplitter::ReadLine() {
  line_.clear();
  line_offset_ = buffer_offset_ + static_cast<int64_t>(buffer_pos_);
  for (;;) {
    const size_t nl = buffer_.find('\n', buffer_pos_);
    if (nl != std::string::npos) {
      line_.append(buffer_, buffer_pos_, nl + 1 - buffer_pos_);
      buffer_pos_ = nl + 1;
      return true;
    }
    // Keep only a bounded prefix of a very long line: its content does not matter here.
    if (line_.size() < kChunk) line_.append(buffer_, buffer_pos_, kChunk - line_.size());
    buffer_offset_ += static_cast<int64_t>(buffer_.size());
    buffer_.resize(kChunk);
    buffer_pos_ = 0;
    // The parser reads the same stream between calls: always read from our own position.
    g_mime_stream_seek(stream_, buffer_offset_, GMIME_STREAM_SEEK_SET);
    const ssize_t n = g_mime_stream_read(stream_, buffer_.data(), kChunk);
    buffer_.resize(n > 0 ? static_cast<size_t>(n) : 0);
    if (n <= 0) return !line_.empty();
  }
}

std::optional<int64_t> MboxSplitter::ScanHeaders() {
  std::optional<int64_t> length;
  for (int i = 0; i < kMaxHeaderLines && ReadLine(); ++i) {
    if (IsBlank(line_)) return length;
    if (strncasecmp(line_.c_str(), "Content-Length:", 15) == 0) {
      char* end = nullptr;
      const long long value = std::strtoll(line_.c_str() + 15, &end, 10);
      if (end != line_.c_str() + 15 && value >= 0) length = value;
    }
  }
  return std::nullopt;
}

bool MboxSplitter::SeparatorAt(int64_t offset) {
  char probe[7] = {};
  if (g_mime_stream_seek(stream_, offset, GMIME_STREAM_SEEK_SET) < 0) return false;
  const ssize_t n = g_mime_stream_read(stream_, probe, sizeof probe);
  if (n < 0) return false;
  std::string_view rest(probe, static_cast<size_t>(n));
  // The empty line that precedes a separator may or may not be counted in Content-Length.
  if (rest.substr(0, 2) == "\r\n")
    rest.remove_prefix(2);
  else if (rest.substr(0, 1) == "\n")
    rest.remove_prefix(1);
  return rest.empty() || rest.substr(0, 5) == "From ";
}

bool MboxSplitter::StartsCutShortEntry() {
  if (!HasSeparatorShape(line_)) return false;
  // Peek at the next line without moving: ReadLine seeks to its own position before it reads.
  constexpr size_t kPeek = 256;
  char next[kPeek];
  const int64_t at = line_offset_ + static_cast<int64_t>(line_.size());
  if (g_mime_stream_seek(stream_, at, GMIME_STREAM_SEEK_SET) < 0) return false;
  const ssize_t n = g_mime_stream_read(stream_, next, kPeek);
  if (n <= 0) return false;
  std::string_view peeked(next, static_cast<size_t>(n));
  return IsHeaderLine(peeked.substr(0, peeked.find('\n')));
}

std::optional<MboxEntry> MboxSplitter::Next() {
  MboxEntry entry;
  if (!pending_separator_) {
    if (!ReadLine()) return std::nullopt;
    if (!started_ && !IsSeparator(line_)) {
      entry.separator = entry.begin = line_offset_;  // no separator at the start: read as is
    }
  }
  started_ = true;
  pending_separator_ = false;
  if (IsSeparator(line_)) {
    entry.separator = line_offset_;
    entry.begin = line_offset_ + static_cast<int64_t>(line_.size());
  }
  // Content-Length, when it points at a real boundary, lets us skip the body unread.
  if (g_mime_stream_seek(stream_, entry.begin, GMIME_STREAM_SEEK_SET) >= 0) {
    buffer_.clear();
    buffer_pos_ = 0;
    buffer_offset_ = entry.begin;
    const std::optional<int64_t> length = ScanHeaders();
    const int64_t body = buffer_offset_ + static_cast<int64_t>(buffer_pos_);
    if (length && SeparatorAt(body + *length)) {
      int64_t end = body + *length;
      g_mime_stream_seek(stream_, end, GMIME_STREAM_SEEK_SET);
      buffer_.clear();
      buffer_pos_ = 0;
      buffer_offset_ = end;
      while (ReadLine() && IsBlank(line_)) {
      }
      entry.end = end;
      pending_separator_ = IsSeparator(line_);
      return entry;
    }
    // No usable Content-Length: scan the message line by line from its start.
    g_mime_stream_seek(stream_, entry.begin, GMIME_STREAM_SEEK_SET);
    buffer_.clear();
    buffer_pos_ = 0;
    buffer_offset_ = entry.begin;
  }
  bool blank_before = false;  // a separator right at the start would be an empty message
  int64_t blank_offset = entry.begin;
  while (ReadLine()) {
    if (blank_before && IsSeparator(line_)) {
      // The empty line before a separator belongs to the separator, not the message.
      entry.end = std::max(entry.begin, blank_offset);
      pending_separator_ = true;
      return entry;
    }
    if (IsSeparator(line_) && line_offset_ > entry.begin && StartsCutShortEntry()) {
      entry.end = line_offset_;
      entry.cut_short = true;
      pending_separator_ = true;
      return entry;
    }
    blank_before = IsBlank(line_);
    if (blank_before) blank_offset = line_offset_;
  }
  entry.end = buffer_offset_ + static_cast<int64_t>(buffer_pos_);
  return entry;
}

}  // namespace tonewatch
