#pragma once

// The ingest pipeline: a queue of changed files, a pool of workers that read and analyze them in
// parallel, and one writer that stores their results in batched transactions. The writer is the
// only connection that writes ingest results, so SQLite never sees two ingest writers; queries use
// their own connections and are not blocked (WAL).
//
// Nothing is lost by a crash: a file's record is written in the same transaction as its messages,
// so a file whose results were not committed is still "changed" for the next scan, and an mbox
// read in pieces resumes after the last piece stored.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "daemon/ingest/analysis_context.h"
#include "daemon/ingest/ingest_queue.h"

namespace tonewatch::daemon {

struct IngesterOptions {
  std::string database;
  int workers = 2;              // reading and analysis threads
  size_t batch_messages = 500;  // messages per write transaction, at most (one file may exceed)
  size_t chunk_messages = 500;  // an mbox is handed to the writer in pieces of this many
  int writer_cache_mib = 64;    // the writer's SQLite page cache
  // Warnings and errors (a file that could not be read, a failed write), one line each.
  std::function<void(std::string_view)> warn = [](std::string_view) {};
  // Unix ms for unanswered heat; the system clock when empty.
  std::function<int64_t()> clock;
};

// Counters since start; a snapshot, consistent enough for `status`.
struct IngestProgress {
  int64_t queued = 0;       // waiting to be read
  int64_t in_progress = 0;  // being read or waiting for the writer
  int64_t files_read = 0;   // read and stored (unchanged files skipped are not counted)
  int64_t files_failed = 0;
  int64_t messages_stored = 0;
  int64_t batches = 0;
  int64_t write_errors = 0;
};

class Ingester {
 public:
  // Opens the writer's and the workers' store connections (migrating the database) and starts
  // the threads. Errors name the database.
  static Result<std::unique_ptr<Ingester>> Start(IngesterOptions options,
                                                 std::shared_ptr<const AnalysisContext> context);
  ~Ingester();  // Stop()

  Ingester(const Ingester&) = delete;
  Ingester& operator=(const Ingester&) = delete;

  // Asks for `path` to be read (it changed, appeared or vanished). `force`: read it whole even if
  // it did not change. Thread-safe; returns at once.
  void Enqueue(const std::string& path, bool force = false);

  // Files read from now on use `context` (a reloaded lexicon). Thread-safe.
  void SetContext(std::shared_ptr<const AnalysisContext> context);
  std::shared_ptr<const AnalysisContext> context() const;

  IngestProgress Progress() const;

  // True when nothing waits, nothing is being read and everything read is stored.
  bool Idle() const;

  // Stops: files being read are finished and stored; files still waiting are left (the next
  // start's scan finds them changed). Joins the threads. Safe to call twice.
  void Stop();

 private:
  // What a worker hands the writer: a piece of a file's read, a file to forget, or the end of a
  // path's job (the writer marks it done once everything before it is committed).
  struct Item {
    std::optional<FileIngest> piece;
    std::string forget;
    std::string done;
  };

  explicit Ingester(IngesterOptions options, std::shared_ptr<const AnalysisContext> context);

  void Work(Store& store);
  void ReadJob(Store& store, const IngestJob& job);
  void Send(Item item);
  void Write(Store& store);
  void Commit(Store& store, std::vector<Item>& items);
  int64_t Now() const;

  IngesterOptions options_;
  IngestQueue queue_;

  mutable std::mutex context_mutex_;
  std::shared_ptr<const AnalysisContext> context_;

  // The writer's inbox, bounded in messages so fast readers wait for a slow disk.
  std::mutex inbox_mutex_;
  std::condition_variable inbox_changed_;
  std::deque<Item> inbox_;
  size_t inbox_messages_ = 0;
  size_t pending_items_ = 0;  // taken from the inbox, not yet committed
  bool workers_done_ = false;

  std::vector<std::unique_ptr<Store>> stores_;  // [0] the writer's, then one per worker
  std::vector<std::thread> workers_;
  std::thread writer_;
  bool stopped_ = false;

  std::atomic<int64_t> files_read_{0}, files_failed_{0}, messages_stored_{0}, batches_{0},
      write_errors_{0};
};

}  // namespace tonewatch::daemon
