#include "analyzers/readers/transcript/notice_log.h"

#include <fmt/format.h>

namespace tonewatch {

void NoticeLog::AtLine(uint64_t line, std::string message) {
  Add(fmt::format("{}:{}", source_, line), std::move(message));
}

void NoticeLog::AtFile(std::string message) { Add(source_, std::move(message)); }

void NoticeLog::Add(std::string where, std::string message) {
  if (count_++ == 0) first_ = fmt::format("{}: {}", where, message);
  if (out_ == nullptr || listed_ >= max_notices_) return;
  out_->push_back({std::move(where), std::move(message)});
  ++listed_;
}

void NoticeLog::Finish() {
  if (out_ == nullptr || count_ <= listed_) return;
  const uint64_t left_out = count_ - listed_;
  out_->push_back(
      {source_, fmt::format("{} more problem{} not listed", left_out, left_out == 1 ? "" : "s")});
  listed_ = count_;  // a second Finish adds nothing
}

}  // namespace tonewatch
