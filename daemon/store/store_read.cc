// The read queries: one thread, one message, and the flagged list with its filters and paging.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include "daemon/store/sqlite_try.h"
#include "daemon/store/store.h"
#include "daemon/store/store_rows.h"

namespace tonewatch::daemon {
namespace {

// Messages are in conversation order: by sending time (mail), by start in the recording (call
// turns), then in the order they were first stored.

// A thread whose aggregate has not been written yet still shows: its subject and source from its
// first message, its heat the highest message heat.
ThreadReport HeaderFromMessages(const std::string& id, const std::vector<MessageDetail>& messages) {
  ThreadReport t;
  t.thread = id;
  if (!messages.empty()) {
    t.subject = messages.front().report.subject;
    t.source = messages.front().path;
  }
  for (const MessageDetail& m : messages) t.heat = std::max(t.heat, m.report.heat);
  return t;
}

// Reads every row of `q` (selected with rows::kMessageColumns) as messages.
Result<std::vector<MessageDetail>> ReadMessages(rows::MessageReader& reader, SQLite::Statement& q) {
  std::vector<MessageDetail> out;
  while (q.executeStep()) {
    auto m = reader.Read(q);
    if (!m) return m.error();
    out.push_back(std::move(*m));
  }
  return out;
}

// The thread `id` with `messages` as its messages, under its stored header when there is one.
ThreadReport Assemble(std::optional<ThreadReport> header, const std::string& id,
                      std::vector<MessageDetail> messages) {
  ThreadReport t = header ? std::move(*header) : HeaderFromMessages(id, messages);
  for (MessageDetail& m : messages) t.messages.push_back(std::move(m.report));
  return t;
}

// The WHERE clause of a FlaggedFilter over `messages m`, with named parameters bound by Bind.
class FilterSql {
 public:
  explicit FilterSql(const FlaggedFilter& f) : filter_(f) {
    clause_ = "m.heat >= :min_heat";
    if (f.since_ms) clause_ += " AND m.time_ms >= :since";
    if (f.category) {
      // Built once per statement from findings_by_category, then probed per message.
      clause_ +=
          " AND m.key IN (SELECT f.message_key FROM findings f"
          " WHERE f.category = :category AND NOT f.suppressed)";
    }
    if (!f.counterpart.empty()) {
      // lower() folds ASCII only: enough for addresses, documented for names.
      clause_ +=
          " AND (instr(lower(m.author), lower(:counterpart)) > 0"
          " OR (m.me AND instr(lower(m.recipients), lower(:counterpart)) > 0))";
    }
    if (!f.folder.empty()) {
      folder_ = f.folder.back() == '/' ? f.folder : fmt::format("{}/", f.folder);
      clause_ += " AND substr(m.path, 1, length(:folder)) = :folder";
    }
  }

  const std::string& clause() const { return clause_; }

  void Bind(SQLite::Statement& q) const {
    q.bind(":min_heat", filter_.min_heat);
    if (filter_.since_ms) q.bind(":since", *filter_.since_ms);
    if (filter_.category) q.bind(":category", std::string(CategoryName(*filter_.category)));
    if (!filter_.counterpart.empty()) q.bind(":counterpart", filter_.counterpart);
    if (!folder_.empty()) q.bind(":folder", folder_);
  }

 private:
  const FlaggedFilter& filter_;
  std::string clause_;
  std::string folder_;
};

Result<void> CheckFilter(const FlaggedFilter& f, const std::string& path) {
  if (f.limit < 1 || f.limit > kMaxFlaggedLimit || f.offset < 0 || f.min_heat < 0 ||
      f.min_heat > kMaxHeat) {
    return Err(ErrorCode::kUsage, path,
               fmt::format("flagged filter out of range (limit {} must be 1..{}, offset {} at "
                           "least 0, min_heat {} 0..{})",
                           f.limit, kMaxFlaggedLimit, f.offset, f.min_heat, kMaxHeat));
  }
  return Ok();
}

}  // namespace

rows::ThreadReader::ThreadReader(SQLite::Database& db)
    : messages_(db, fmt::format("SELECT {} FROM messages m WHERE m.thread_id = ?1 "
                                "ORDER BY coalesce(m.time_ms, 0), coalesce(m.start_ms, 0), m.rowid",
                                rows::kMessageColumns)),
      reader_(db),
      header_(db) {}

Result<std::optional<ThreadReport>> rows::ThreadReader::Read(const std::string& id) {
  messages_.reset();
  messages_.bind(1, id);
  auto messages = ReadMessages(reader_, messages_);
  if (!messages) return messages.error();
  auto header = header_.Read(id);
  if (!header) return header.error();
  if (messages->empty() && !header->has_value()) return std::optional<ThreadReport>();
  return std::optional<ThreadReport>(Assemble(std::move(*header), id, std::move(*messages)));
}

Result<std::optional<ThreadReport>> Store::Thread(const std::string& id) {
  return SqliteTry(path_, fmt::format("reading thread {}", id),
                   [&]() -> Result<std::optional<ThreadReport>> {
                     SQLite::Transaction snapshot(*db_, SQLite::TransactionBehavior::DEFERRED);
                     auto thread = rows::ThreadReader(*db_).Read(id);
                     if (thread) snapshot.commit();
                     return thread;
                   });
}

Result<std::optional<MessageDetail>> Store::Message(const std::string& key) {
  return SqliteTry(
      path_, fmt::format("reading message {}", key), [&]() -> Result<std::optional<MessageDetail>> {
        SQLite::Transaction snapshot(*db_, SQLite::TransactionBehavior::DEFERRED);
        SQLite::Statement q(
            *db_, fmt::format("SELECT {} FROM messages m WHERE m.key = ?1", rows::kMessageColumns));
        q.bind(1, key);
        if (!q.executeStep()) return std::optional<MessageDetail>();
        rows::MessageReader reader(*db_);
        auto m = reader.Read(q);
        if (!m) return m.error();
        snapshot.commit();
        return std::optional<MessageDetail>(std::move(*m));
      });
}

Result<FlaggedPage> Store::Flagged(const FlaggedFilter& filter) {
  if (auto ok = CheckFilter(filter, path_); !ok) return ok.error();
  return SqliteTry(path_, "listing flagged threads", [&]() -> Result<FlaggedPage> {
    const FilterSql where(filter);
    SQLite::Transaction snapshot(*db_, SQLite::TransactionBehavior::DEFERRED);
    FlaggedPage page;
    // Driven by the threads table (every thread with messages has a row: see Write), so the
    // first page walks threads_by_heat and stops early instead of grouping every message.
    const std::string matching = fmt::format(
        "EXISTS (SELECT 1 FROM messages m WHERE m.thread_id = t.id AND {})", where.clause());
    SQLite::Statement count(*db_, fmt::format("SELECT count(*) FROM threads t WHERE {}", matching));
    where.Bind(count);
    count.executeStep();
    page.total = count.getColumn(0).getInt64();

    // Hottest first, then the latest matching message, then the id.
    SQLite::Statement ids(*db_, fmt::format(R"sql(
      SELECT t.id FROM threads t WHERE {}
      ORDER BY t.heat DESC,
               (SELECT max(coalesce(m.time_ms, 0)) FROM messages m
                WHERE m.thread_id = t.id AND {}) DESC,
               t.id
      LIMIT :limit OFFSET :offset)sql",
                                            matching, where.clause()));
    where.Bind(ids);
    ids.bind(":limit", filter.limit);
    ids.bind(":offset", filter.offset);
    std::vector<std::string> thread_ids;
    while (ids.executeStep()) thread_ids.push_back(ids.getColumn(0).getString());

    SQLite::Statement q(
        *db_,
        fmt::format("SELECT {} FROM messages m WHERE m.thread_id = :thread "
                    "AND {} ORDER BY coalesce(m.time_ms, 0), coalesce(m.start_ms, 0), m.rowid",
                    rows::kMessageColumns, where.clause()));
    rows::MessageReader reader(*db_);
    rows::ThreadHeaderReader headers(*db_);
    for (const std::string& id : thread_ids) {
      q.reset();
      where.Bind(q);
      q.bind(":thread", id);
      auto messages = ReadMessages(reader, q);
      if (!messages) return messages.error();
      auto header = headers.Read(id);
      if (!header) return header.error();
      page.threads.push_back(Assemble(std::move(*header), id, std::move(*messages)));
    }
    snapshot.commit();
    return page;
  });
}

}  // namespace tonewatch::daemon
