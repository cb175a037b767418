#include "daemon/daemon.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/asio/post.hpp>

#include "analyzers/lexicon/lexicon_path.h"
#include "daemon/config/log.h"
#include "daemon/config/notify.h"
#include "daemon/daemon_queries.h"
#include "daemon/protocol/handler.h"
#include "daemon/watch/scanner.h"

namespace tonewatch::daemon {
namespace {

// How often systemd's STATUS= line is refreshed.
constexpr std::chrono::seconds kStatusEvery{5};
// Scan problems logged one by one at most; the rest are counted.
constexpr size_t kProblemsLogged = 5;
// Threads whose unanswered heat is refreshed per scan, at most, and per transaction.
constexpr int kUnansweredRefreshLimit = 5000;
constexpr size_t kReaggregateBatch = 100;

int64_t NowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// One query thread's handler: its own store connection, wrapped for suppressions.
struct QueryState {
  QueryState(Store store, std::function<ThreadAggregator()> aggregator, Control& control)
      : queries(std::move(store), std::move(aggregator)), handler(queries, control) {}
  DaemonQueries queries;
  Handler handler;
};

}  // namespace

Result<std::unique_ptr<Daemon>> Daemon::Create(DaemonConfig config) {
  std::unique_ptr<Daemon> daemon(new Daemon(std::move(config)));
  if (auto opened = daemon->Open(); !opened) return opened.error();
  return daemon;
}

Daemon::Daemon(DaemonConfig config)
    : config_(std::move(config)),
      signals_(io_, SIGINT, SIGTERM, SIGHUP),
      rescan_timer_(io_),
      status_timer_(io_),
      watchdog_timer_(io_) {}

Daemon::~Daemon() {
  if (scan_thread_.joinable()) scan_thread_.join();
  if (reload_thread_.joinable()) reload_thread_.join();
}

Result<void> Daemon::Open() {
  const std::filesystem::path lexicons = FindLexiconRoot(config_.lexicons).root;
  auto context = LoadAnalysisContext(lexicons, config_.me, config_.thread);
  if (!context) return context.error();
  IngesterOptions options;
  options.database = config_.database;
  options.workers = config_.workers;
  options.batch_messages = static_cast<size_t>(config_.batch_messages);
  options.chunk_messages = options.batch_messages;
  options.warn = [](std::string_view line) { Log(LogLevel::kWarning, line); };
  auto ingester = Ingester::Start(options, *context);
  if (!ingester) return ingester.error();
  ingester_ = std::move(*ingester);

  auto watcher = Watcher::Start(
      io_, WatcherOptions{config_.watch},
      [this](const std::string& path, ChangeKind kind) { OnChange(path, kind); },
      [this](std::string why) {
        LogWarning("{}; scanning the watched folders", why);
        StartScan(why);
      });
  if (!watcher) return watcher.error();
  watcher_ = std::move(*watcher);

  ServerOptions server;
  server.socket_path = config_.socket;
  auto started = Server::Start(io_, server, [this]() -> LineHandler {
    auto store = Store::Open(config_.database);
    if (!store) throw std::runtime_error(store.error().ToString());
    auto state = std::make_shared<QueryState>(
        std::move(*store), [this] { return Aggregator(); }, *this);
    return [state](std::string_view line) { return state->handler.HandleLine(line); };
  });
  if (!started) return started.error();
  server_ = std::move(*started);
  LogInfo("lexicon {} from {} ({} rules)", (*context)->lexicon_hash, lexicons.string(),
          (*context)->engine.lexicon().rules.size());
  return Ok();
}

void Daemon::Run() {
  WaitForSignal();
  StartScan("start-up");
  ScheduleRescan();
  ScheduleStatus();
  if (auto interval = notify::WatchdogInterval()) ScheduleWatchdog(*interval);
  notify::Ready();
  LogInfo("ready: watching {}; socket {}; database {}", fmt::join(config_.watch, ", "),
          config_.socket, config_.database);
  io_.run();
  {
    std::lock_guard lock(scan_mutex_);
    if (scan_thread_.joinable()) scan_thread_.join();
  }
  if (reload_thread_.joinable()) reload_thread_.join();
  const IngestProgress before = ingester_->Progress();
  ingester_->Stop();
  LogInfo("stopped: {} files read, {} messages stored; {} files left for the next start",
          ingester_->Progress().files_read, ingester_->Progress().messages_stored, before.queued);
}

void Daemon::Stop() {
  if (stopping_.exchange(true)) return;
  notify::Stopping();
  LogInfo("stopping: no new requests or files; storing the files being read");
  server_->Stop();
  watcher_->Stop();
  rescan_timer_.cancel();
  status_timer_.cancel();
  watchdog_timer_.cancel();
  signals_.cancel();
}

void Daemon::WaitForSignal() {
  signals_.async_wait([this](const boost::system::error_code& error, int signal) {
    if (error) return;
    if (signal != SIGHUP) {
      LogInfo("{} received", signal == SIGTERM ? "SIGTERM" : "SIGINT");
      return Stop();
    }
    LogInfo("SIGHUP received: reloading the lexicons");
    // Compiling the rules takes a moment: off the event loop, so the socket keeps answering.
    // Reload serializes itself; a reload still running is waited for here, which is rare.
    if (reload_thread_.joinable()) reload_thread_.join();
    reload_thread_ = std::thread([this] { (void)Reload(); });  // Reload logs its outcome
    WaitForSignal();
  });
}

void Daemon::OnChange(const std::string& path, ChangeKind) {
  // Changed or removed alike: the worker looks at the file and stores or forgets it.
  ingester_->Enqueue(path);
}

void Daemon::StartScan(const std::string& why) {
  std::lock_guard lock(scan_mutex_);
  if (stopping_) return;
  if (scanning_) {
    rescan_wanted_ = true;  // once this scan ends
    return;
  }
  if (scan_thread_.joinable()) scan_thread_.join();
  scanning_ = true;
  const bool first = scans_++ == 0;
  scan_thread_ = std::thread([this, why, first] {
    try {
      auto store = Store::Open(config_.database);
      if (!store) throw std::runtime_error(store.error().ToString());
      auto files = store->Files();
      if (!files) throw std::runtime_error(files.error().ToString());
      std::unordered_map<std::string, FileIdentity> known;
      for (FileRecord& f : *files) known.emplace(std::move(f.path), f.identity);
      const ScanResult scan = Scan(config_.watch, known);
      for (const std::string& path : scan.changed) ingester_->Enqueue(path);
      for (const std::string& path : scan.removed) ingester_->Enqueue(path);
      for (size_t i = 0; i < scan.problems.size() && i < kProblemsLogged; ++i) {
        LogWarning("{}: {}", scan.problems[i].where, scan.problems[i].message);
      }
      LogInfo("scan ({}): {} files, {} to read, {} gone, {} problems", why, scan.files_seen,
              scan.changed.size(), scan.removed.size(), scan.problems.size());
      if (first) QueueStale(*store, ingester_->context()->lexicon_hash);
      RefreshUnanswered(*store);
    } catch (const std::exception& e) {
      LogError("scan ({}) failed: {}; the next scan tries again", why, e.what());
    }
    scanning_ = false;
    if (rescan_wanted_.exchange(false)) {
      boost::asio::post(io_, [this] { StartScan("events lost during the last scan"); });
    }
  });
}

void Daemon::ScheduleRescan() {
  if (config_.rescan_interval.count() == 0) return;
  rescan_timer_.expires_after(config_.rescan_interval);
  rescan_timer_.async_wait([this](const boost::system::error_code& error) {
    if (error) return;
    StartScan("periodic");
    ScheduleRescan();
  });
}

void Daemon::ScheduleStatus() {
  status_timer_.expires_after(kStatusEvery);
  status_timer_.async_wait([this](const boost::system::error_code& error) {
    if (error) return;
    const IngestProgress p = ingester_->Progress();
    notify::Status(p.queued + p.in_progress > 0
                       ? fmt::format("indexing: {} files queued, {} messages stored",
                                     p.queued + p.in_progress, p.messages_stored)
                       : fmt::format("watching {} folders; {} files read", config_.watch.size(),
                                     p.files_read));
    ScheduleStatus();
  });
}

void Daemon::ScheduleWatchdog(std::chrono::microseconds interval) {
  watchdog_timer_.expires_after(interval / 2);
  watchdog_timer_.async_wait([this, interval](const boost::system::error_code& error) {
    if (error) return;
    notify::WatchdogPing();
    ScheduleWatchdog(interval);
  });
}

void Daemon::RefreshUnanswered(Store& store) {
  const int64_t now = NowMs();
  auto threads = store.ThreadsAwaitingReply(
      config_.thread.hot_heat, now - config_.thread.unanswered_after_ms, kUnansweredRefreshLimit);
  if (!threads) return LogError("{}", threads.error().ToString());
  const ThreadAggregator aggregate = MakeAggregator(ingester_->context(), now);
  // Small transactions, so the ingest writer never waits long for the lock.
  for (size_t i = 0; i < threads->size(); i += kReaggregateBatch) {
    const auto begin = threads->begin() + static_cast<std::ptrdiff_t>(i);
    const auto end = threads->begin() +
                     static_cast<std::ptrdiff_t>(std::min(threads->size(), i + kReaggregateBatch));
    if (auto done = store.Reaggregate({begin, end}, aggregate); !done) {
      return LogError("{}", done.error().ToString());
    }
  }
  if (!threads->empty()) LogDebug("unanswered heat refreshed in {} threads", threads->size());
}

int64_t Daemon::QueueStale(const std::string& hash) {
  auto store = Store::Open(config_.database);
  if (!store) {
    LogError("{}", store.error().ToString());
    return 0;
  }
  return QueueStale(*store, hash);
}

int64_t Daemon::QueueStale(Store& store, const std::string& hash) {
  auto stale = store.FilesWithOtherLexicon(hash);
  if (!stale) {
    LogError("{}", stale.error().ToString());
    return 0;
  }
  for (const std::string& path : stale->paths) ingester_->Enqueue(path, /*force=*/true);
  if (stale->messages > 0) {
    LogInfo("{} messages in {} files were analyzed with another lexicon; analyzing them again",
            stale->messages, stale->paths.size());
  }
  return stale->messages;
}

ThreadAggregator Daemon::Aggregator() const {
  return MakeAggregator(ingester_->context(), NowMs());
}

RuntimeStatus Daemon::Runtime() {
  const IngestProgress p = ingester_->Progress();
  RuntimeStatus r;
  r.queued = p.queued + p.in_progress;
  r.in_progress = p.in_progress;
  r.files_read = p.files_read;
  r.messages_stored = p.messages_stored;
  r.scanning = scanning_;
  r.lexicon_hash = ingester_->context()->lexicon_hash;
  r.watching = config_.watch;
  return r;
}

Result<ReloadOutcome> Daemon::Reload() {
  std::lock_guard lock(reload_mutex_);
  notify::Reloading();
  const std::filesystem::path lexicons = FindLexiconRoot(config_.lexicons).root;
  auto context = LoadAnalysisContext(lexicons, config_.me, config_.thread);
  if (!context) {
    const std::string kept = ingester_->context()->lexicon_hash;
    LogError("lexicon reload refused, keeping lexicon {}: {}", kept, context.error().ToString());
    notify::Ready();
    return context.error();
  }
  ingester_->SetContext(*context);
  const int64_t stale = QueueStale((*context)->lexicon_hash);
  LogInfo("lexicon {} loaded from {}; {} messages to analyze again", (*context)->lexicon_hash,
          lexicons.string(), stale);
  notify::Ready();
  return ReloadOutcome{(*context)->lexicon_hash, stale};
}

}  // namespace tonewatch::daemon
