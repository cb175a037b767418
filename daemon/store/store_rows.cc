#include "daemon/store/store_rows.h"

#include <fmt/format.h>

#include "daemon/store/json_columns.h"

namespace tonewatch::daemon::rows {
namespace {

std::optional<int64_t> OptionalInt(SQLite::Statement& row, int column) {
  if (row.getColumn(column).isNull()) return std::nullopt;
  return row.getColumn(column).getInt64();
}

constexpr const char* kFindingsOfMessage = R"sql(
    SELECT rule, category, points, begin_at, end_at, text,
           coalesce(nullif(why, ''), (SELECT r.why FROM rule_texts r WHERE r.rule = findings.rule),
                    ''),
           suggestion, context, context_offset
    FROM findings WHERE message_key = ?1 AND NOT suppressed ORDER BY ord)sql";

Result<std::vector<Finding>> ReadFindings(SQLite::Statement& q, const std::string& key) {
  q.reset();
  q.bind(1, key);
  std::vector<Finding> out;
  while (q.executeStep()) {
    Finding f;
    f.rule = q.getColumn(0).getString();
    const std::string category = q.getColumn(1).getString();
    auto parsed = ParseCategory(category);
    if (!parsed) {
      return Err(ErrorCode::kBadInput, fmt::format("findings of message {}", key),
                 fmt::format("unknown category '{}' in the store", category));
    }
    f.category = *parsed;
    f.points = q.getColumn(2).getInt();
    f.span = {static_cast<size_t>(q.getColumn(3).getInt64()),
              static_cast<size_t>(q.getColumn(4).getInt64())};
    f.text = q.getColumn(5).getString();
    f.why = q.getColumn(6).getString();
    if (!q.getColumn(7).isNull()) f.suggestion = q.getColumn(7).getString();
    f.context = q.getColumn(8).getString();
    f.context_offset = static_cast<size_t>(q.getColumn(9).getInt64());
    out.push_back(std::move(f));
  }
  return out;
}

// The thread header at the current row of the query ThreadHeaderReader prepares.
Result<std::optional<ThreadReport>> DecodeThreadHeader(SQLite::Statement& q,
                                                       const std::string& id) {
  ThreadReport t;
  t.thread = id;
  t.subject = q.getColumn(0).getString();
  t.source = q.getColumn(1).getString();
  t.heat = q.getColumn(2).getInt();
  t.trend = q.getColumn(3).getString();
  const auto column = [&](std::string_view name) {
    return fmt::format("threads.{} of thread {}", name, id);
  };
  if (!q.getColumn(4).isNull()) {
    auto move = DecodeMoveOffEmail(q.getColumn(4).getString(), column("move_off_email"));
    if (!move) return move.error();
    t.move_off_email = std::move(*move);
  }
  if (!q.getColumn(5).isNull()) {
    auto unanswered = DecodeUnanswered(q.getColumn(5).getString(), column("unanswered"));
    if (!unanswered) return unanswered.error();
    t.unanswered = std::move(*unanswered);
  }
  if (!q.getColumn(6).isNull()) {
    auto plan = DecodeReplyPlan(q.getColumn(6).getString(), column("reply_plan"));
    if (!plan) return plan.error();
    t.reply_plan = std::move(*plan);
  }
  auto errors = DecodeNotices(q.getColumn(7).getString(), column("errors"));
  if (!errors) return errors.error();
  t.errors = std::move(*errors);
  return std::optional<ThreadReport>(std::move(t));
}

}  // namespace

MessageReader::MessageReader(SQLite::Database& db) : findings_(db, kFindingsOfMessage) {}

Result<MessageDetail> MessageReader::Read(SQLite::Statement& row) {
  MessageDetail d;
  MessageReport& r = d.report;
  r.id = row.getColumn(0).getString();
  d.thread = row.getColumn(1).getString();
  d.path = row.getColumn(2).getString();
  d.source_offset = row.getColumn(3).getInt64();
  r.subject = row.getColumn(4).getString();
  r.author = row.getColumn(5).getString();
  r.me = row.getColumn(6).getInt() != 0;
  auto recipients =
      DecodeStrings(row.getColumn(7).getString(), fmt::format("messages.recipients of {}", r.id));
  if (!recipients) return recipients.error();
  r.recipients = std::move(*recipients);
  r.time = row.getColumn(8).getString();
  r.time_ms = OptionalInt(row, 9);
  r.start_ms = OptionalInt(row, 10);
  r.end_ms = OptionalInt(row, 11);
  r.heat = row.getColumn(12).getInt();
  r.stripping = row.getColumn(13).getString();
  r.omitted_findings = static_cast<size_t>(row.getColumn(14).getInt64());
  d.lexicon_hash = row.getColumn(15).getString();
  auto findings = ReadFindings(findings_, r.id);
  if (!findings) return findings.error();
  r.findings = std::move(*findings);
  return d;
}

ThreadHeaderReader::ThreadHeaderReader(SQLite::Database& db)
    : header_(db, R"sql(
    SELECT subject, source, heat, trend, move_off_email, unanswered, reply_plan, errors
    FROM threads WHERE id = ?1)sql") {}

Result<std::optional<ThreadReport>> ThreadHeaderReader::Read(const std::string& id) {
  header_.reset();
  header_.bind(1, id);
  if (!header_.executeStep()) return std::optional<ThreadReport>();
  auto header = DecodeThreadHeader(header_, id);
  // Done with the one row: the statement holds no read until the next id.
  header_.reset();
  return header;
}

}  // namespace tonewatch::daemon::rows
