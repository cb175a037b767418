#include "daemon/protocol/request_parser.h"

#include <fmt/format.h>

namespace tonewatch::daemon {
namespace {

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

// Raw control bytes other than tab and CR cannot appear in a JSON text.
bool IsForbidden(unsigned char c) { return c < 0x20 && c != '\t' && c != '\r' && c != '\n'; }

}  // namespace

RequestParser::RequestParser(size_t max_line_bytes) : max_line_bytes_(max_line_bytes) {}

void RequestParser::Reset() {
  line_.clear();
  complete_ = false;
  bad_ = false;
  error_.clear();
}

RequestParser::Step RequestParser::Fail(std::string error, size_t consumed) {
  bad_ = true;
  error_ = std::move(error);
  line_.clear();
  return {Status::kBad, consumed};
}

RequestParser::Step RequestParser::Parse(std::string_view data) {
  if (bad_) return {Status::kBad, 0};
  if (complete_) {
    line_.clear();
    complete_ = false;
  }
  for (size_t i = 0; i < data.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(data[i]);
    if (c == '\n') {
      if (!line_.empty() && line_.back() == '\r') line_.pop_back();
      if (IsBlank(line_)) {
        line_.clear();
        continue;
      }
      complete_ = true;
      return {Status::kGood, i + 1};
    }
    if (IsForbidden(c)) {
      return Fail(
          fmt::format("control byte {:#04x} at byte {} of the request line", c, line_.size() + 1),
          i + 1);
    }
    // The bound counts the line without its newline; a CR that turns out to end it is allowed.
    if (line_.size() >= max_line_bytes_ + (c == '\r' ? 1 : 0)) {
      return Fail(fmt::format("request line longer than {} bytes", max_line_bytes_), i + 1);
    }
    line_.push_back(static_cast<char>(c));
  }
  return {Status::kNeedMore, data.size()};
}

}  // namespace tonewatch::daemon
