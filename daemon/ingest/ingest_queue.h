#pragma once

// The files waiting to be read. A path waits at most once however often it changes, and is never
// read by two workers at once: from Pop until Done it is in progress, and a change meanwhile makes
// it wait again, to be read after the first read is stored. Thread-safe.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace tonewatch::daemon {

struct IngestJob {
  std::string path;
  bool force = false;  // read whole even if unchanged (the lexicon changed)
};

class IngestQueue {
 public:
  // Adds `path`; when it already waits, only `force` is merged in. Ignored after Close.
  void Push(const std::string& path, bool force = false);

  // The oldest waiting path that is not in progress, now marked in progress. Blocks while there
  // is none; nullopt once the queue is closed (at once, even if paths still wait).
  std::optional<IngestJob> Pop();

  // The read of `path` that Pop gave out is stored (or abandoned).
  void Done(const std::string& path);

  // Wakes every Pop to return nullopt; later Pushes are ignored.
  void Close();

  size_t waiting() const;
  size_t in_progress() const;

 private:
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::string> order_;
  std::unordered_map<std::string, bool> waiting_;  // path -> force
  std::unordered_set<std::string> in_progress_;
  bool closed_ = false;
};

}  // namespace tonewatch::daemon
