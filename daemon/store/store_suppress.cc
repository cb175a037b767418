// Suppressions: stored rules that hide findings from results. Adding or removing one re-evaluates
// the findings it concerns and their messages' heat in the same transaction, so every query sees
// either the old state or the new one.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <set>

#include "daemon/store/sqlite_try.h"
#include "daemon/store/store.h"
#include "daemon/store/store_sql.h"

namespace tonewatch::daemon {
namespace {

// A suppression names exactly the fields its kind uses, so that two spellings of one rule cannot
// be stored as two suppressions.
Result<void> CheckRule(const SuppressionRule& r, const std::string& path) {
  const auto usage = [&](std::string_view what) {
    return Err(ErrorCode::kUsage, path,
               fmt::format("a '{}' suppression {}", SuppressionKindName(r.kind), what));
  };
  switch (r.kind) {
    case SuppressionKind::kRule:
      if (r.rule.empty()) return usage("needs a rule");
      if (!r.thread.empty() || !r.fingerprint.empty()) {
        return usage("takes only a rule (a thread makes it 'thread-rule')");
      }
      break;
    case SuppressionKind::kThreadRule:
      if (r.rule.empty() || r.thread.empty()) return usage("needs a rule and a thread");
      if (!r.fingerprint.empty()) return usage("takes no fingerprint");
      break;
    case SuppressionKind::kFinding:
      if (r.fingerprint.empty()) return usage("needs a fingerprint");
      if (!r.rule.empty() || !r.thread.empty()) return usage("takes only a fingerprint");
      break;
  }
  return Ok();
}

constexpr const char* kIdentity = "kind = ?1 AND rule = ?2 AND thread = ?3 AND fingerprint = ?4";

void BindIdentity(SQLite::Statement& q, const SuppressionRule& r) {
  q.bind(1, std::string(SuppressionKindName(r.kind)));
  q.bind(2, r.rule);
  q.bind(3, r.thread);
  q.bind(4, r.fingerprint);
}

std::optional<Suppression> ReadSuppression(SQLite::Statement& q) {
  auto kind = ParseSuppressionKind(q.getColumn(1).getString());
  if (!kind) return std::nullopt;  // the CHECK constraint makes this unreachable
  return Suppression{q.getColumn(0).getInt64(),
                     {*kind, q.getColumn(2).getString(), q.getColumn(3).getString(),
                      q.getColumn(4).getString(), q.getColumn(5).getString()},
                     q.getColumn(6).getInt64()};
}

constexpr const char* kColumns = "id, kind, rule, thread, fingerprint, note, created_ms";

// Re-evaluates the suppressed flag of the findings `r` concerns, and the heat of the messages
// whose findings changed. Throws SQLite::Exception.
void Reapply(SQLite::Database& db, const SuppressionRule& r, SuppressionChange& change) {
  const bool by_fingerprint = r.kind == SuppressionKind::kFinding;
  const std::string scope = by_fingerprint ? "fingerprint = ?1" : "rule = ?1";
  const std::string& value = by_fingerprint ? r.fingerprint : r.rule;

  SQLite::Statement changing(
      db, fmt::format("SELECT DISTINCT message_key FROM findings WHERE {} AND suppressed <> {}",
                      scope, sql::kIsSuppressed));
  changing.bind(1, value);
  std::vector<std::string> keys;
  while (changing.executeStep()) keys.push_back(changing.getColumn(0).getString());

  SQLite::Statement update(
      db, fmt::format("UPDATE findings SET suppressed = {} WHERE {}", sql::kIsSuppressed, scope));
  update.bind(1, value);
  update.exec();

  SQLite::Statement heat(db, sql::UpdateHeatOfMessage());
  SQLite::Statement thread(db, "SELECT thread_id FROM messages WHERE key = ?1");
  std::set<std::string> threads;
  for (const std::string& key : keys) {
    heat.reset();
    heat.bind(1, key);
    heat.exec();
    thread.reset();
    thread.bind(1, key);
    if (thread.executeStep()) threads.insert(thread.getColumn(0).getString());
  }
  change.affected_messages = static_cast<int64_t>(keys.size());
  change.affected_threads.assign(threads.begin(), threads.end());
}

// Deletes the suppression the statement `find` selects (kColumns) and re-evaluates what it hid.
Result<SuppressionChange> Remove(SQLite::Database& db, SQLite::Statement& find,
                                 const std::string& path, std::string_view what) {
  if (!find.executeStep()) {
    return Err(ErrorCode::kNotFound, path, fmt::format("no suppression {} is stored", what));
  }
  auto found = ReadSuppression(find);
  if (!found) return Err(ErrorCode::kInternal, path, "a stored suppression has an unknown kind");
  find.reset();
  SuppressionChange change;
  change.suppression = *found;
  SQLite::Statement remove(db, "DELETE FROM suppressions WHERE id = ?1");
  remove.bind(1, found->id);
  remove.exec();
  Reapply(db, found->rule, change);
  return change;
}

}  // namespace

Result<SuppressionChange> Store::Suppress(const SuppressionRule& rule) {
  if (auto ok = CheckRule(rule, path_); !ok) return ok.error();
  return SqliteTry(path_, "storing a suppression", [&]() -> Result<SuppressionChange> {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement insert(*db_, R"sql(
      INSERT INTO suppressions (kind, rule, thread, fingerprint, note, created_ms)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING)sql");
    BindIdentity(insert, rule);
    insert.bind(5, rule.note);
    insert.bind(6, Now());
    SuppressionChange change;
    change.created = insert.exec() > 0;
    SQLite::Statement find(
        *db_, fmt::format("SELECT {} FROM suppressions WHERE {}", kColumns, kIdentity));
    BindIdentity(find, rule);
    find.executeStep();
    auto stored = ReadSuppression(find);
    if (!stored)
      return Err(ErrorCode::kInternal, path_, "a stored suppression has an unknown kind");
    change.suppression = *stored;
    if (change.created) Reapply(*db_, rule, change);
    transaction.commit();
    return change;
  });
}

Result<SuppressionChange> Store::Unsuppress(int64_t id) {
  return SqliteTry(path_, fmt::format("removing suppression {}", id),
                   [&]() -> Result<SuppressionChange> {
                     SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
                     SQLite::Statement find(
                         *db_, fmt::format("SELECT {} FROM suppressions WHERE id = ?1", kColumns));
                     find.bind(1, id);
                     auto change = Remove(*db_, find, path_, fmt::format("with id {}", id));
                     if (change) transaction.commit();
                     return change;
                   });
}

Result<SuppressionChange> Store::UnsuppressRule(const SuppressionRule& rule) {
  if (auto ok = CheckRule(rule, path_); !ok) return ok.error();
  return SqliteTry(path_, "removing a suppression", [&]() -> Result<SuppressionChange> {
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement find(
        *db_, fmt::format("SELECT {} FROM suppressions WHERE {}", kColumns, kIdentity));
    BindIdentity(find, rule);
    const std::string what =
        fmt::format("of kind '{}' for '{}'", SuppressionKindName(rule.kind),
                    rule.kind == SuppressionKind::kFinding ? rule.fingerprint : rule.rule);
    auto change = Remove(*db_, find, path_, what);
    if (change) transaction.commit();
    return change;
  });
}

Result<std::vector<Suppression>> Store::Suppressions() {
  return SqliteTry(path_, "listing suppressions", [&]() -> Result<std::vector<Suppression>> {
    SQLite::Statement q(*db_, fmt::format("SELECT {} FROM suppressions ORDER BY id", kColumns));
    std::vector<Suppression> out;
    while (q.executeStep()) {
      if (auto s = ReadSuppression(q)) out.push_back(std::move(*s));
    }
    return out;
  });
}

}  // namespace tonewatch::daemon
