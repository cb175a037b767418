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
    blank_before = IsBlank(line_);
    if (blank_before) blank_offset = line_offset_;
  }
  entry.end = buffer_offset_ + static_cast<int64_t>(buffer_pos_);
  return entry;
}

}  // namespace tonewatch
