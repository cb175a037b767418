#include "analyzers/readers/transcript/transcript_lines.h"

#include <fmt/format.h>

#include "analyzers/readers/transcript/cue_text.h"
#include "analyzers/text/utf8.h"

namespace tonewatch {

Result<bool> TranscriptLines::Fill() {
  if (pos_ > 0) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  auto n = stream_.Read(&buffer_);
  if (!n) return n.error();
  if (*n == 0) eof_ = true;
  return *n > 0;
}

Result<std::string_view> TranscriptLines::Peek(size_t size) {
  while (!eof_ && buffer_.size() - pos_ < size) {
    auto more = Fill();
    if (!more) return more.error();
  }
  return std::string_view(buffer_).substr(pos_, size);
}

Result<bool> TranscriptLines::Next(TextLine* line) {
  size_t newline = buffer_.find('\n', pos_);
  while (newline == std::string::npos && !eof_ && buffer_.size() - pos_ <= kMaxLineBytes) {
    const size_t searched = buffer_.size() - pos_;
    auto more = Fill();
    if (!more) return more.error();
    newline = buffer_.find('\n', pos_ + searched);
  }
  if (pos_ >= buffer_.size() && newline == std::string::npos) return false;

  const std::string_view rest = std::string_view(buffer_).substr(pos_);
  const size_t length = newline == std::string::npos ? rest.size() : newline - pos_;
  line->continued = in_long_line_;
  if (!in_long_line_) ++number_;
  line->number = number_;
  std::string_view raw;
  if (length > kMaxLineBytes) {
    raw = rest.substr(0, TextCutPoint(rest, kMaxLineBytes));
    pos_ += raw.size();
    in_long_line_ = true;
    line->terminated = true;
  } else {
    raw = rest.substr(0, length);
    pos_ += length + (newline == std::string::npos ? 0 : 1);
    in_long_line_ = false;
    line->terminated = newline != std::string::npos;
    while (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
  }
  Clean(raw, line);
  return true;
}

void TranscriptLines::Clean(std::string_view raw, TextLine* line) {
  SanitizedText clean = SanitizeUtf8(raw);
  line->text = std::move(clean.text);
  if (clean.damage_count == 0) return;
  size_t nul = 0;
  for (const Utf8Damage& d : clean.damage) nul += d.nul;
  const size_t invalid = clean.damage_count - nul;
  const Charset& charset = stream_.charset();
  if (invalid > 0) {
    log_.AtLine(line->number, fmt::format("{} {} {} sequence{} replaced with U+FFFD", invalid,
                                          charset.utf8() ? "invalid" : "undecodable", charset.name,
                                          invalid == 1 ? "" : "s"));
  }
  if (nul > 0) {
    log_.AtLine(line->number,
                fmt::format("{} NUL character{} replaced with U+FFFD", nul, nul == 1 ? "" : "s"));
  }
}

}  // namespace tonewatch
