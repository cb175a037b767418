#pragma once

// tonewatchd's SQLite store: every analyzed message with its findings, the threads they form, the
// state of every file read, and the user's suppressions. See daemon/store/schema.cc for the
// tables and daemon/PROTOCOL.md for the schema history.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analyzers/base/result.h"
#include "analyzers/report/report.h"
#include "analyzers/thread/threader.h"
#include "daemon/store/keys.h"
#include "daemon/store/queries.h"

namespace SQLite {
class Database;
}

namespace tonewatch::daemon {

struct StoreOptions {
  // How long a write waits for another connection's write to finish before failing as busy.
  int busy_timeout_ms = 5000;
  // SQLite's page cache for this connection, in MiB. The ingest writer wants a larger one: a batch
  // writes pages all over the messages, findings and threads tables and their indexes.
  int cache_mib = 2;
  // "Now" in Unix ms, for updated_ms and created_ms; the system clock when empty.
  std::function<int64_t()> clock;
};

// One analyzed message as it is stored.
struct StoredMessage {
  // report.id is the stable key (MessageKey): writing the same key again replaces the message.
  // report.heat is the heat as analyzed; the store lowers it for suppressed findings.
  MessageReport report;
  std::string thread;  // the id of its thread; not empty
  std::string path;    // the file it was read from
  int64_t source_offset = 0;
  ThreadKey thread_key;  // the headers threading needs, kept so threads can be rebuilt
  std::string lexicon_hash;
};

// A thread's aggregate, as the thread model computed it (see ThreadSummary()).
struct StoredThread {
  std::string id;
  std::string subject;
  std::string source;
  int heat = 0;
  std::string trend = "unknown";
  std::optional<MoveOffEmail> move_off_email;
  std::optional<Unanswered> unanswered;
  std::optional<ReplyPlan> reply_plan;
  std::vector<Notice> errors;
};

// The aggregate fields of `thread`, without its messages.
StoredThread ThreadSummary(const ThreadReport& thread);

// The outcome of reading one file. A failed file keeps its error until it is read successfully.
struct FileOutcome {
  std::string path;
  FileIdentity identity;
  // Where the next read of a growing mbox starts. Ignored for a failure: the stored offset is
  // kept, so a retry resumes after the last part that was read.
  int64_t read_offset = 0;
  std::optional<std::string> error;  // set: the file could not be read, and why
};

// Everything one ingest step writes, committed in one transaction: all of it or none.
struct WriteBatch {
  std::vector<StoredMessage> messages;
  std::vector<StoredThread> threads;
  std::vector<FileOutcome> files;
};

// What reading one file gives the store. Its messages' thread may be empty: the store finds the
// thread from the message's Message-ID, In-Reply-To and References (see Store::Ingest).
struct FileIngest {
  FileOutcome outcome;
  std::vector<StoredMessage> messages;  // none when outcome.error is set
  // True: these are all the messages the file holds now, and messages stored from this path
  // before that are not among them are removed. False: they are added to those stored (an mbox
  // read from where the last read stopped).
  bool whole = true;
};

// One ingest step, committed in one transaction.
struct IngestBatch {
  std::vector<FileIngest> files;
  // Files that no longer exist: their record and the messages stored from them are removed.
  std::vector<std::string> forget;
};

// Computes a thread's aggregate (heat, trend, prompts) from the thread with every stored message,
// in conversation order. The daemon passes the thread model with its options; tests pass their
// own. Called inside the store's transaction: it must not use the store.
using ThreadAggregator = std::function<StoredThread(ThreadReport& thread)>;

struct IngestSummary {
  int64_t messages_written = 0;
  int64_t messages_removed = 0;
  std::vector<std::string> threads;  // re-aggregated (or removed, when left without messages)
};

struct StaleFiles {
  int64_t messages = 0;
  std::vector<std::string> paths;  // sorted
};

struct FileRecord {
  std::string path;
  FileIdentity identity;
  bool ok = true;
  std::string error;  // when !ok
  int64_t read_offset = 0;
  int64_t updated_ms = 0;
};

// A Store is one SQLite connection (WAL mode, synchronous=NORMAL). Use it from one thread at a
// time. Several Stores, in this process or another, may open the same file: readers are not
// blocked by a writer, and a writer waits up to busy_timeout_ms for another. The daemon keeps one
// writing Store for ingest and one for queries.
class Store final : public Queries {
 public:
  // Opens the database at `path`, creating it (mode 0600) when missing, and migrates it to the
  // latest schema (see Migrate in schema.h for what is refused). Errors name the path: kBadInput
  // for a damaged file, one that is not a tonewatch database, or a schema from a newer tonewatch;
  // kUnreadable when the OS refuses.
  static Result<Store> Open(const std::string& path, StoreOptions options = {});

  // A moved-from Store may only be destroyed or assigned to.
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store() override;

  const std::string& path() const { return path_; }

  // Writes `batch` in one transaction. Idempotent: a message whose key is stored is replaced
  // (findings included), never duplicated; a thread or file is replaced by id or path. A message's
  // thread that has no aggregate, in the batch or stored, gets a placeholder (the highest message
  // heat, trend unknown) until one is written. A thread
  // left without messages because its messages moved to another thread is removed. kUsage for a
  // message with an empty key or thread; nothing is written then.
  Result<void> Write(const WriteBatch& batch);

  // Write with only messages, only a file outcome.
  Result<void> UpsertMessages(std::vector<StoredMessage> messages);
  Result<void> RecordFileOk(const std::string& path, const FileIdentity& identity,
                            int64_t read_offset);
  Result<void> RecordFileFailure(const std::string& path, const FileIdentity& identity,
                                 const std::string& error);

  // What is recorded about the file at `path`; nullopt when it was never recorded.
  Result<std::optional<FileRecord>> FileState(const std::string& path);
  // Every file recorded as failed, by path.
  Result<std::vector<FileRecord>> FailedFiles();

  // Writes `batch` in one transaction: all of it or nothing. Idempotent for the same batch.
  //
  // A message without a thread joins the thread of any stored message that shares a Message-ID
  // with it (its own, In-Reply-To or References); one that connects several threads merges them.
  // A header-less reply ("Re: ...") joins the latest thread with the same normalized subject within
  // kSubjectWindowMs before it. A thread's id is "t" and a hash of the first reference (or the
  // In-Reply-To, or the Message-ID) of one of its messages: the smallest of its messages' ids, so
  // the same messages give the same thread ids in whatever order they arrive. A merge carries the
  // thread-rule suppressions of the merged thread over.
  //
  // Every thread that gained or lost a message is re-aggregated with `aggregate`; one left
  // without messages is removed.
  Result<IngestSummary> Ingest(const IngestBatch& batch, const ThreadAggregator& aggregate);

  // Re-aggregates the threads `ids` from their stored messages (after a suppression changed their
  // heat), in one transaction. Ids with no messages are skipped.
  Result<void> Reaggregate(const std::vector<std::string>& ids, const ThreadAggregator& aggregate);

  // Threads whose unanswered heat may have changed with the passing of time alone: those holding a
  // counterpart message with heat >= `hot_heat`, sent at or before `sent_before_ms`, that the user
  // has not answered since, and those already marked unanswered (their waiting time grows). At
  // most `limit`, by id. The daemon re-aggregates them now and then.
  Result<std::vector<std::string>> ThreadsAwaitingReply(int hot_heat, int64_t sent_before_ms,
                                                        int limit);

  // Every recorded file with its identity, read or failed: what a rescan compares with the disk.
  Result<std::vector<FileRecord>> Files();

  // The files holding messages whose lexicon hash differs from `hash`, and how many such messages
  // there are: what a lexicon change must read again.
  Result<StaleFiles> FilesWithOtherLexicon(const std::string& hash);

  // The Queries (queries.h). Reads see one consistent snapshot; a suppression change commits in
  // one transaction with the findings and heats it changes.
  Result<StoreStatus> Status() override;
  Result<FlaggedPage> Flagged(const FlaggedFilter& filter) override;
  Result<std::optional<ThreadReport>> Thread(const std::string& id) override;
  Result<std::optional<MessageDetail>> Message(const std::string& key) override;
  Result<SuppressionChange> Suppress(const SuppressionRule& rule) override;
  Result<SuppressionChange> Unsuppress(int64_t id) override;
  Result<SuppressionChange> UnsuppressRule(const SuppressionRule& rule) override;
  Result<std::vector<Suppression>> Suppressions() override;

 private:
  Store(std::string path, StoreOptions options, std::unique_ptr<SQLite::Database> db);

  int64_t Now() const;

  std::string path_;
  StoreOptions options_;
  std::unique_ptr<SQLite::Database> db_;
};

}  // namespace tonewatch::daemon
