#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analyzers/report/report.h"

namespace tonewatch {

// Collects the recoverable problems of one transcript source as Notices that name the source and
// line ("call.srt:42: cue without text; skipped"). Keeps the first `max_notices` and counts the
// rest, so a damaged 500 MB file cannot grow the list without bound; Finish() adds one closing
// notice with the number left out. Not thread-safe.
class NoticeLog {
 public:
  static constexpr size_t kMaxNotices = 200;

  // `out` may be null: problems are then counted and dropped. It must outlive the log.
  NoticeLog(std::string source, std::vector<Notice>* out, size_t max_notices = kMaxNotices)
      : source_(std::move(source)), out_(out), max_notices_(max_notices) {}

  // A problem at a 1-based line of the source.
  void AtLine(uint64_t line, std::string message);
  // A problem of the whole source (no line).
  void AtFile(std::string message);
  // Adds "N more problems not listed" when some were left out. Call once, at the end.
  void Finish();

  const std::string& source() const { return source_; }
  // "where: message" of the first problem reported, or empty.
  const std::string& first() const { return first_; }
  // Every problem reported so far, listed or not.
  uint64_t count() const { return count_; }

 private:
  void Add(std::string where, std::string message);

  std::string source_;
  std::vector<Notice>* out_;
  size_t max_notices_;
  uint64_t count_ = 0;
  uint64_t listed_ = 0;
  std::string first_;
};

}  // namespace tonewatch
