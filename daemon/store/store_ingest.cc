// Ingest: a batch of files' messages in one transaction, with incremental threading through
// thread_links, removal of what a file no longer holds, and re-aggregation of the threads touched.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <set>

#include "analyzers/base/hash.h"
#include "analyzers/thread/threader.h"
#include "daemon/store/batch_writer.h"
#include "daemon/store/run_statement.h"
#include "daemon/store/sqlite_try.h"
#include "daemon/store/store.h"
#include "daemon/store/store_rows.h"
#include "daemon/store/store_sql.h"

namespace tonewatch::daemon {
namespace {

// The thread id a message would start: a hash of the first link of its thread that it knows, so
// that every message of a thread tends to propose the same id.
std::string ProposedThreadId(const StoredMessage& m) {
  const ThreadKey& k = m.thread_key;
  const std::string& root = !k.references.empty()    ? k.references.front()
                            : !k.in_reply_to.empty() ? k.in_reply_to
                            : !k.message_id.empty()  ? k.message_id
                                                     : m.report.id;
  Fnv1a hash;
  hash.Add(root);
  return fmt::format("t{}", hash.Hex());
}

std::vector<std::string> LinksOf(const ThreadKey& k) {
  std::vector<std::string> links;
  if (!k.message_id.empty()) links.push_back(k.message_id);
  if (!k.in_reply_to.empty()) links.push_back(k.in_reply_to);
  for (const std::string& r : k.references) {
    if (!r.empty()) links.push_back(r);
  }
  return links;
}

// Removes threads: their aggregate and their links. Its statements are prepared at the first
// removal, once for the batch: most batches remove none. Throws SQLite::Exception.
class ThreadRemover {
 public:
  explicit ThreadRemover(SQLite::Database& db) : db_(db) {}

  void Remove(const std::string& id) {
    if (!statements_) statements_.emplace(db_);
    for (SQLite::Statement* s : {&statements_->thread, &statements_->links}) {
      s->bind(1, id);
      Run(*s);
    }
  }

 private:
  struct Statements {
    explicit Statements(SQLite::Database& db)
        : thread(db, "DELETE FROM threads WHERE id = ?1"),
          links(db, "DELETE FROM thread_links WHERE thread_id = ?1") {}
    SQLite::Statement thread, links;
  };

  SQLite::Database& db_;
  std::optional<Statements> statements_;
};

// Finds and merges threads through thread_links. Throws SQLite::Exception.
class ThreadLinker {
 public:
  explicit ThreadLinker(SQLite::Database& db)
      : db_(db),
        by_link_(db, "SELECT thread_id FROM thread_links WHERE link = ?1"),
        by_subject_(db,
                    "SELECT thread_id FROM messages WHERE subject_key = ?1 AND time_ms BETWEEN ?2 "
                    "AND ?3 ORDER BY time_ms DESC LIMIT 1"),
        add_link_(db, "INSERT OR IGNORE INTO thread_links (link, thread_id) VALUES (?1, ?2)"),
        remover_(db) {}

  // The thread `m` belongs in. Threads it connects are merged into it and added to `touched`.
  std::string Assign(const StoredMessage& m, std::set<std::string>& touched) {
    const std::vector<std::string> links = LinksOf(m.thread_key);
    std::set<std::string> found;
    for (const std::string& link : links) {
      by_link_.bind(1, link);
      while (by_link_.executeStep()) found.insert(by_link_.getColumn(0).getString());
      Reset(by_link_);
    }
    std::string target;
    if (found.empty()) target = BySubject(m);
    if (target.empty()) {
      found.insert(ProposedThreadId(m));
      target = *found.begin();  // the smallest: the same whatever the arrival order
    }
    for (const std::string& other : found) {
      if (other == target) continue;
      Merge(other, target);
      touched.insert(other);
    }
    for (const std::string& link : links) {
      add_link_.bind(1, link);
      add_link_.bind(2, target);
      Run(add_link_);
    }
    return target;
  }

 private:
  // A header-less reply joins the latest thread with its subject shortly before it.
  std::string BySubject(const StoredMessage& m) {
    const ThreadKey& k = m.thread_key;
    const std::string& subject = m.report.subject.empty() ? k.subject : m.report.subject;
    if (!k.in_reply_to.empty() || !k.references.empty() || !HasReplyPrefix(subject) ||
        !m.report.time_ms) {
      return {};
    }
    by_subject_.bind(1, NormalizeSubject(subject));
    by_subject_.bind(2, *m.report.time_ms - kSubjectWindowMs);
    by_subject_.bind(3, *m.report.time_ms);
    std::string thread;
    if (by_subject_.executeStep()) thread = by_subject_.getColumn(0).getString();
    Reset(by_subject_);
    return thread;
  }

  // Moves everything of thread `from` to `into`; the thread-rule suppressions too, so a rule
  // silenced in either thread stays silenced in the merged one.
  void Merge(const std::string& from, const std::string& into) {
    if (!merge_) merge_.emplace(db_);
    MergeStatements& m = *merge_;
    for (SQLite::Statement* s : {&m.messages, &m.links, &m.suppressions, &m.drop_suppressions}) {
      s->bind(1, from);
      if (s->getBindParameterCount() > 1) s->bind(2, into);
      Run(*s);
    }
    remover_.Remove(from);  // its links were copied above
    for (SQLite::Statement* s : {&m.suppressed, &m.heat}) {
      s->bind(1, into);
      Run(*s);
    }
  }

  // The statements of Merge, in the order it runs them. Prepared at the first merge, once for the
  // batch: most batches merge none.
  struct MergeStatements {
    explicit MergeStatements(SQLite::Database& db)
        : messages(db, "UPDATE messages SET thread_id = ?2 WHERE thread_id = ?1"),
          links(db,
                "INSERT OR IGNORE INTO thread_links (link, thread_id) "
                "SELECT link, ?2 FROM thread_links WHERE thread_id = ?1"),
          suppressions(db,
                       "UPDATE OR IGNORE suppressions SET thread = ?2 WHERE kind = 'thread-rule' "
                       "AND thread = ?1"),
          drop_suppressions(db,
                            "DELETE FROM suppressions WHERE kind = 'thread-rule' AND thread = ?1"),
          suppressed(db, sql::UpdateSuppressedOfThread()),
          heat(db, sql::UpdateHeatOfMessage("thread_id = ?1")) {}

    // Bound with `from` and, where they take it, `into`.
    SQLite::Statement messages, links, suppressions, drop_suppressions;
    // Bound with `into`.
    SQLite::Statement suppressed, heat;
  };

  SQLite::Database& db_;
  SQLite::Statement by_link_, by_subject_, add_link_;
  ThreadRemover remover_;
  std::optional<MergeStatements> merge_;
};

// Removes messages stored from a file. One per Ingest: its statements are prepared once for every
// file of the batch. Throws SQLite::Exception.
class FileMessages {
 public:
  explicit FileMessages(SQLite::Database& db)
      : list_(db, "SELECT key, thread_id FROM messages WHERE path = ?1"),
        findings_(db, "DELETE FROM findings WHERE message_key = ?1"),
        message_(db, "DELETE FROM messages WHERE key = ?1") {}

  // Removes the messages stored from `path` whose keys are not in `keep`; returns how many.
  int64_t RemoveAllBut(const std::string& path, const std::set<std::string>& keep,
                       std::set<std::string>& touched) {
    list_.reset();
    list_.bind(1, path);
    std::vector<std::string> gone;
    while (list_.executeStep()) {
      std::string key = list_.getColumn(0).getString();
      if (keep.count(key) != 0) continue;
      touched.insert(list_.getColumn(1).getString());
      gone.push_back(std::move(key));
    }
    for (const std::string& key : gone) {
      for (SQLite::Statement* s : {&findings_, &message_}) {
        s->bind(1, key);
        Run(*s);
      }
    }
    return static_cast<int64_t>(gone.size());
  }

 private:
  SQLite::Statement list_, findings_, message_;
};

// Writes the aggregate of each thread in `ids`, or removes the thread when no message is left.
// The queries are prepared once for all of `ids`.
Result<void> AggregateThreads(SQLite::Database& db, BatchWriter& writer,
                              const std::set<std::string>& ids, const ThreadAggregator& aggregate) {
  rows::ThreadReader reader(db);
  ThreadRemover remover(db);
  for (const std::string& id : ids) {
    auto thread = reader.Read(id);
    if (!thread) return thread.error();
    if (!*thread || (*thread)->messages.empty()) {
      remover.Remove(id);
      continue;
    }
    StoredThread stored = aggregate(**thread);
    stored.id = id;
    writer.PutThread(stored);
  }
  return Ok();
}

}  // namespace

Result<IngestSummary> Store::Ingest(const IngestBatch& batch, const ThreadAggregator& aggregate) {
  const std::string doing = fmt::format("ingesting {} files", batch.files.size());
  return SqliteTry(path_, doing, [&]() -> Result<IngestSummary> {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    BatchWriter writer(*db_, Now());
    ThreadLinker linker(*db_);
    FileMessages file_messages(*db_);
    std::set<std::string> touched;
    IngestSummary summary;
    std::optional<SQLite::Statement> forget;  // prepared at the first forgotten file
    for (const std::string& path : batch.forget) {
      summary.messages_removed += file_messages.RemoveAllBut(path, {}, touched);
      if (!forget) forget.emplace(*db_, "DELETE FROM files WHERE path = ?1");
      forget->bind(1, path);
      Run(*forget);
    }
    for (const FileIngest& file : batch.files) {
      if (!file.outcome.error) {
        std::set<std::string> keys;
        for (const StoredMessage& m : file.messages) {
          if (m.report.id.empty()) {
            return Err(
                ErrorCode::kUsage, path_,
                fmt::format("a message of {} has no key; nothing was written", file.outcome.path));
          }
          // A message read from mail has no thread yet: the linker finds it, and the message is
          // stored there without copying it.
          const std::string thread = m.thread.empty() ? linker.Assign(m, touched) : m.thread;
          auto before = writer.PutMessage(m, thread);
          if (before) touched.insert(*before);
          touched.insert(thread);
          keys.insert(m.report.id);
          ++summary.messages_written;
        }
        if (file.whole) {
          summary.messages_removed += file_messages.RemoveAllBut(file.outcome.path, keys, touched);
        }
      }
      writer.PutFile(file.outcome);
    }
    if (auto done = AggregateThreads(*db_, writer, touched, aggregate); !done) return done.error();
    transaction.commit();
    summary.threads.assign(touched.begin(), touched.end());
    return summary;
  });
}

Result<void> Store::Reaggregate(const std::vector<std::string>& ids,
                                const ThreadAggregator& aggregate) {
  return SqliteTry(path_, "re-aggregating threads", [&]() -> Result<void> {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    BatchWriter writer(*db_, Now());
    std::set<std::string> existing;
    SQLite::Statement has_messages(*db_, "SELECT 1 FROM messages WHERE thread_id = ?1 LIMIT 1");
    for (const std::string& id : ids) {
      has_messages.reset();
      has_messages.bind(1, id);
      if (has_messages.executeStep()) existing.insert(id);
    }
    has_messages.reset();
    if (auto done = AggregateThreads(*db_, writer, existing, aggregate); !done) return done.error();
    transaction.commit();
    return Ok();
  });
}

}  // namespace tonewatch::daemon
