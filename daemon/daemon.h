#pragma once

// tonewatchd as one object: it owns the io_context and the signals (as in the asio examples'
// server), and wires the parts together. The watcher and the scans tell the ingester which files
// changed; the ingester reads, analyzes and stores them; the socket server answers queries from
// the store on its own threads; the daemon itself is the protocol's Control (live status and
// lexicon reload).
//
// Lifecycle: Create opens everything that can fail at start (lexicon, store, socket, watches) and
// reports the first failure; Run turns the event loop until SIGTERM or SIGINT, then drains: the
// socket stops accepting, the watcher stops, files being read are stored, and Run returns.

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "daemon/config/daemon_config.h"
#include "daemon/ingest/ingester.h"
#include "daemon/protocol/control.h"
#include "daemon/server/server.h"
#include "daemon/watch/watcher.h"

namespace tonewatch::daemon {

class Daemon final : public Control {
 public:
  // Errors name what failed: kBadLexicon for the lexicon, kNotFound / kUsage for a watch folder,
  // the store's and the server's errors for the database and the socket.
  static Result<std::unique_ptr<Daemon>> Create(DaemonConfig config);
  ~Daemon() override;

  // Runs until SIGTERM or SIGINT, then drains and returns. Call once, on the thread that will run
  // the event loop.
  void Run();

  // Control, called from the server's query threads.
  RuntimeStatus Runtime() override;
  Result<ReloadOutcome> Reload() override;
  int DefaultMinHeat() override { return config_.min_heat; }

 private:
  explicit Daemon(DaemonConfig config);

  Result<void> Open();
  void WaitForSignal();
  void OnChange(const std::string& path, ChangeKind kind);
  // Runs a Scan of the watched folders off the event loop; at most one at a time.
  void StartScan(const std::string& why);
  void ScheduleRescan();
  void ScheduleStatus();
  void ScheduleWatchdog(std::chrono::microseconds interval);
  // Unanswered heat depends on the clock, not only on mail: re-aggregates the threads where time
  // alone may have made a hot message unanswered (run after each scan).
  void RefreshUnanswered(Store& store);
  // Re-reads the files whose messages came from another lexicon; the first form opens its own
  // store connection, the second uses the caller's (on the caller's thread).
  int64_t QueueStale(const std::string& hash);
  int64_t QueueStale(Store& store, const std::string& hash);
  ThreadAggregator Aggregator() const;
  void Stop();

  DaemonConfig config_;
  boost::asio::io_context io_;
  boost::asio::signal_set signals_;
  boost::asio::steady_timer rescan_timer_, status_timer_, watchdog_timer_;
  std::unique_ptr<Ingester> ingester_;
  std::unique_ptr<Watcher> watcher_;
  std::unique_ptr<Server> server_;

  std::mutex reload_mutex_;  // one reload at a time
  std::mutex scan_mutex_;
  std::thread scan_thread_;
  std::thread reload_thread_;  // a SIGHUP's reload; touched on the event loop only
  std::atomic<bool> scanning_{false};
  std::atomic<bool> rescan_wanted_{false};
  std::atomic<bool> stopping_{false};
  std::atomic<int64_t> scans_{0};
};

}  // namespace tonewatch::daemon
