#include "daemon/ingest/ingest_queue.h"

namespace tonewatch::daemon {

void IngestQueue::Push(const std::string& path, bool force) {
  {
    std::lock_guard lock(mutex_);
    if (closed_) return;
    auto [it, added] = waiting_.emplace(path, force);
    if (!added) {
      it->second = it->second || force;
      return;
    }
    order_.push_back(path);
  }
  ready_.notify_one();
}

std::optional<IngestJob> IngestQueue::Pop() {
  std::unique_lock lock(mutex_);
  for (;;) {
    if (closed_) return std::nullopt;
    // Paths in progress are few (one per worker and a batch at the writer): skipping them is cheap.
    for (auto it = order_.begin(); it != order_.end(); ++it) {
      if (in_progress_.count(*it) != 0) continue;
      IngestJob job{*it, waiting_[*it]};
      waiting_.erase(*it);
      order_.erase(it);
      in_progress_.insert(job.path);
      return job;
    }
    ready_.wait(lock);
  }
}

void IngestQueue::Done(const std::string& path) {
  {
    std::lock_guard lock(mutex_);
    in_progress_.erase(path);
  }
  // A Pop may have skipped this path while it was in progress.
  ready_.notify_all();
}

void IngestQueue::Close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  ready_.notify_all();
}

size_t IngestQueue::waiting() const {
  std::lock_guard lock(mutex_);
  return waiting_.size();
}

size_t IngestQueue::in_progress() const {
  std::lock_guard lock(mutex_);
  return in_progress_.size();
}

}  // namespace tonewatch::daemon
