#include "daemon/ingest/ingester.h"

#include <fmt/format.h>

#include <chrono>

#include "daemon/ingest/file_reader.h"
#include "daemon/watch/scanner.h"

namespace tonewatch::daemon {
namespace {

// The writer's inbox holds at most this many batches' worth of messages.
constexpr size_t kInboxBatches = 4;
// Notices of one file logged at most; the rest are counted.
constexpr size_t kNoticesLogged = 3;

size_t MessagesOf(const std::optional<FileIngest>& piece) {
  return piece ? piece->messages.size() : 0;
}

}  // namespace

Result<std::unique_ptr<Ingester>> Ingester::Start(IngesterOptions options,
                                                  std::shared_ptr<const AnalysisContext> context) {
  options.workers = std::max(options.workers, 1);
  std::unique_ptr<Ingester> ingester(new Ingester(std::move(options), std::move(context)));
  for (int i = 0; i <= ingester->options_.workers; ++i) {
    StoreOptions store_options;
    if (i == 0) store_options.cache_mib = ingester->options_.writer_cache_mib;
    auto store = Store::Open(ingester->options_.database, store_options);
    if (!store) return store.error();
    ingester->stores_.push_back(std::make_unique<Store>(std::move(*store)));
  }
  ingester->writer_ = std::thread([p = ingester.get()] { p->Write(*p->stores_[0]); });
  for (int i = 1; i <= ingester->options_.workers; ++i) {
    ingester->workers_.emplace_back([p = ingester.get(), i] { p->Work(*p->stores_[i]); });
  }
  return ingester;
}

Ingester::Ingester(IngesterOptions options, std::shared_ptr<const AnalysisContext> context)
    : options_(std::move(options)), context_(std::move(context)) {}

Ingester::~Ingester() { Stop(); }

void Ingester::Enqueue(const std::string& path, bool force) { queue_.Push(path, force); }

void Ingester::SetContext(std::shared_ptr<const AnalysisContext> context) {
  std::lock_guard lock(context_mutex_);
  context_ = std::move(context);
}

std::shared_ptr<const AnalysisContext> Ingester::context() const {
  std::lock_guard lock(context_mutex_);
  return context_;
}

IngestProgress Ingester::Progress() const {
  IngestProgress p;
  p.queued = static_cast<int64_t>(queue_.waiting());
  p.in_progress = static_cast<int64_t>(queue_.in_progress());
  p.files_read = files_read_;
  p.files_failed = files_failed_;
  p.messages_stored = messages_stored_;
  p.batches = batches_;
  p.write_errors = write_errors_;
  return p;
}

bool Ingester::Idle() const { return queue_.waiting() == 0 && queue_.in_progress() == 0; }

void Ingester::Stop() {
  if (stopped_) return;
  stopped_ = true;
  queue_.Close();
  for (std::thread& t : workers_) t.join();
  {
    std::lock_guard lock(inbox_mutex_);
    workers_done_ = true;
  }
  inbox_changed_.notify_all();
  if (writer_.joinable()) writer_.join();
}

int64_t Ingester::Now() const {
  if (options_.clock) return options_.clock();
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

void Ingester::Work(Store& store) {
  while (std::optional<IngestJob> job = queue_.Pop()) {
    // Each file is an edge: whatever goes wrong with one, the worker goes on with the next.
    try {
      ReadJob(store, *job);
    } catch (const std::exception& e) {
      ++files_failed_;
      options_.warn(fmt::format("{}: not read: {}; retried when it changes", job->path, e.what()));
    }
    Send(Item{std::nullopt, {}, job->path});
  }
}

void Ingester::ReadJob(Store& store, const IngestJob& job) {
  auto identity = StatIdentity(job.path);
  if (!identity) {
    if (identity.error().code == ErrorCode::kNotFound)
      return Send(Item{std::nullopt, job.path, {}});
    ++files_failed_;
    options_.warn(fmt::format("{}; recorded as failed, retried when it changes",
                              identity.error().ToString()));
    FileIngest failed;
    failed.outcome = {job.path, FileIdentity{}, 0, identity.error().ToString()};
    return Send(Item{std::move(failed), {}, {}});
  }
  auto record = store.FileState(job.path);
  if (!record) options_.warn(record.error().ToString());
  const std::optional<int64_t> start =
      PlanRead(job.path, record ? *record : std::nullopt, *identity, job.force);
  if (!start) return;
  const std::shared_ptr<const AnalysisContext> context = this->context();
  std::vector<Notice> notices;
  ReadForIngest(
      job.path, *identity, *start, *context, options_.chunk_messages,
      [&](FileIngest&& piece) {
        if (piece.outcome.error) {
          ++files_failed_;
          options_.warn(
              fmt::format("{}; recorded as failed, retried when it changes", *piece.outcome.error));
        }
        Send(Item{std::move(piece), {}, {}});
      },
      &notices);
  ++files_read_;
  for (size_t i = 0; i < notices.size() && i < kNoticesLogged; ++i) {
    options_.warn(fmt::format("{}: {}", notices[i].where, notices[i].message));
  }
  if (notices.size() > kNoticesLogged) {
    options_.warn(fmt::format("{}: {} more notices", job.path, notices.size() - kNoticesLogged));
  }
}

void Ingester::Send(Item item) {
  const size_t messages = MessagesOf(item.piece);
  std::unique_lock lock(inbox_mutex_);
  inbox_changed_.wait(lock, [&] {
    return inbox_.empty() || inbox_messages_ + messages <= kInboxBatches * options_.batch_messages;
  });
  inbox_messages_ += messages;
  inbox_.push_back(std::move(item));
  lock.unlock();
  inbox_changed_.notify_all();
}

void Ingester::Write(Store& store) {
  for (;;) {
    std::vector<Item> items;
    {
      std::unique_lock lock(inbox_mutex_);
      inbox_changed_.wait(lock, [&] { return !inbox_.empty() || workers_done_; });
      if (inbox_.empty()) return;  // workers are done and everything is written
      size_t messages = 0;
      while (!inbox_.empty()) {
        const size_t next = MessagesOf(inbox_.front().piece);
        if (!items.empty() && messages + next > options_.batch_messages) break;
        messages += next;
        items.push_back(std::move(inbox_.front()));
        inbox_.pop_front();
      }
      inbox_messages_ -= messages;
    }
    inbox_changed_.notify_all();
    Commit(store, items);
  }
}

void Ingester::Commit(Store& store, std::vector<Item>& items) {
  IngestBatch batch;
  for (Item& item : items) {
    if (item.piece) batch.files.push_back(std::move(*item.piece));
    if (!item.forget.empty()) batch.forget.push_back(item.forget);
  }
  if (!batch.files.empty() || !batch.forget.empty()) {
    auto written = store.Ingest(batch, MakeAggregator(context(), Now()));
    if (written) {
      messages_stored_ += written->messages_written;
      ++batches_;
    } else {
      // The files' records were not written either, so the next scan reads them again.
      ++write_errors_;
      options_.warn(fmt::format("{}; the {} files are read again at the next scan",
                                written.error().ToString(), batch.files.size()));
    }
  }
  for (const Item& item : items) {
    if (!item.done.empty()) queue_.Done(item.done);
  }
}

}  // namespace tonewatch::daemon
