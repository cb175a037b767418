#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/report/report.h"

namespace tonewatch {

// Message reports waiting for threading, kept in an unlinked temporary file so that memory does
// not grow with the size of a mailbox: only an offset per report stays in memory. Falls back to
// memory when no temporary file can be made. Not thread-safe.
class HeldReports {
 public:
  HeldReports();

  // Stores `report`; returns its handle.
  size_t Add(const MessageReport& report);

  // The report stored under `handle`. nullopt only if the temporary file was damaged under us.
  std::optional<MessageReport> Get(size_t handle);

  size_t size() const { return entries_.size(); }
  void Clear();

 private:
  struct Entry {
    uint64_t offset = 0;  // in the file, or an index into in_memory_
    uint32_t length = 0;
    bool in_memory = false;
  };
  struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::unique_ptr<std::FILE, FileCloser> file_;
  uint64_t end_ = 0;
  std::vector<Entry> entries_;
  std::vector<std::string> in_memory_;  // used when file_ is null
};

}  // namespace tonewatch
