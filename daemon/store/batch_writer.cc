#include "daemon/store/batch_writer.h"

#include "analyzers/thread/threader.h"
#include "daemon/store/json_columns.h"
#include "daemon/store/run_statement.h"
#include "daemon/store/store_sql.h"

namespace tonewatch::daemon {
namespace {

constexpr const char* kUpsertMessage = R"sql(
INSERT INTO messages (key, thread_id, path, source_offset, message_id, in_reply_to, refs, subject,
                      author, me, recipients, time, time_ms, start_ms, end_ms, raw_heat, heat,
                      stripping, omitted_findings, lexicon_hash, updated_ms, subject_key)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16, ?17, ?18, ?19,
        ?20, ?21)
ON CONFLICT (key) DO UPDATE SET
  thread_id = excluded.thread_id, path = excluded.path, source_offset = excluded.source_offset,
  message_id = excluded.message_id, in_reply_to = excluded.in_reply_to, refs = excluded.refs,
  subject = excluded.subject, author = excluded.author, me = excluded.me,
  recipients = excluded.recipients, time = excluded.time, time_ms = excluded.time_ms,
  start_ms = excluded.start_ms, end_ms = excluded.end_ms,
  raw_heat = excluded.raw_heat, heat = excluded.heat, stripping = excluded.stripping,
  omitted_findings = excluded.omitted_findings, lexicon_hash = excluded.lexicon_hash,
  updated_ms = excluded.updated_ms, subject_key = excluded.subject_key)sql";

constexpr const char* kInsertFinding = R"sql(
INSERT INTO findings (message_key, ord, rule, category, points, begin_at, end_at, text, why,
                      suggestion, context, context_offset, fingerprint)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13))sql";

constexpr const char* kUpsertThread = R"sql(
INSERT INTO threads (id, subject, source, heat, trend, move_off_email, unanswered, reply_plan,
                     errors, updated_ms)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
ON CONFLICT (id) DO UPDATE SET
  subject = excluded.subject, source = excluded.source, heat = excluded.heat,
  trend = excluded.trend, move_off_email = excluded.move_off_email,
  unanswered = excluded.unanswered, reply_plan = excluded.reply_plan, errors = excluded.errors,
  updated_ms = excluded.updated_ms)sql";

// A failed read keeps the stored offset: a growing mbox with a damaged tail resumes after the last
// part that was read.
constexpr const char* kUpsertFile = R"sql(
INSERT INTO files (path, device, inode, size, mtime_ns, content_hash, state, error, read_offset,
                   updated_ms)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
ON CONFLICT (path) DO UPDATE SET
  device = excluded.device, inode = excluded.inode, size = excluded.size,
  mtime_ns = excluded.mtime_ns, content_hash = excluded.content_hash, state = excluded.state,
  error = excluded.error,
  read_offset = CASE WHEN excluded.state = 'failed' THEN files.read_offset
                     ELSE excluded.read_offset END,
  updated_ms = excluded.updated_ms)sql";

void BindOptionalText(SQLite::Statement& s, int index, const std::optional<std::string>& text) {
  if (text) {
    s.bind(index, *text);
  } else {
    s.bind(index);
  }
}

void BindOptionalInt(SQLite::Statement& s, int index, const std::optional<int64_t>& value) {
  if (value) {
    s.bind(index, *value);
  } else {
    s.bind(index);
  }
}

template <typename T, typename Encode>
void BindOptionalJson(SQLite::Statement& s, int index, const std::optional<T>& value,
                      Encode&& encode) {
  BindOptionalText(s, index, value ? std::optional<std::string>(encode(*value)) : std::nullopt);
}

}  // namespace

BatchWriter::BatchWriter(SQLite::Database& db, int64_t now)
    : now_(now),
      old_thread_(db, "SELECT thread_id FROM messages WHERE key = ?1"),
      message_(db, kUpsertMessage),
      clear_findings_(db, "DELETE FROM findings WHERE message_key = ?1"),
      finding_(db, kInsertFinding),
      suppressed_(db, sql::UpdateSuppressedOfMessage()),
      heat_(db, sql::UpdateHeatOfMessage()),
      thread_(db, kUpsertThread),
      file_(db, kUpsertFile),
      rule_text_(db,
                 "INSERT INTO rule_texts (rule, why) VALUES (?1, ?2) "
                 "ON CONFLICT (rule) DO UPDATE SET why = excluded.why WHERE why <> excluded.why") {}

std::optional<std::string> BatchWriter::PutMessage(const StoredMessage& m,
                                                   const std::string& thread) {
  const std::string& key = m.report.id;
  std::optional<std::string> before;
  old_thread_.bind(1, key);
  if (old_thread_.executeStep()) before = old_thread_.getColumn(0).getString();
  Reset(old_thread_);

  const MessageReport& r = m.report;
  message_.bind(1, key);
  message_.bind(2, thread);
  message_.bind(3, m.path);
  message_.bind(4, m.source_offset);
  message_.bind(5, m.thread_key.message_id);
  message_.bind(6, m.thread_key.in_reply_to);
  message_.bind(7, EncodeStrings(m.thread_key.references));
  message_.bind(8, r.subject.empty() ? m.thread_key.subject : r.subject);
  message_.bind(9, r.author);
  message_.bind(10, r.me ? 1 : 0);
  message_.bind(11, EncodeStrings(r.recipients));
  message_.bind(12, r.time);
  BindOptionalInt(message_, 13, r.time_ms);
  BindOptionalInt(message_, 14, r.start_ms);
  BindOptionalInt(message_, 15, r.end_ms);
  message_.bind(16, r.heat);
  message_.bind(17, r.stripping);
  message_.bind(18, static_cast<int64_t>(r.omitted_findings));
  message_.bind(19, m.lexicon_hash);
  message_.bind(20, now_);
  message_.bind(21, NormalizeSubject(r.subject.empty() ? m.thread_key.subject : r.subject));
  Run(message_);

  clear_findings_.bind(1, key);
  Run(clear_findings_);
  for (size_t i = 0; i < r.findings.size(); ++i) PutFinding(key, i, r.findings[i]);
  // Without findings there is nothing to suppress, and the upsert already set heat to raw_heat,
  // which is what the heat update would compute.
  if (r.findings.empty()) return before;
  // Suppressions apply to the new findings as they did to the old ones.
  suppressed_.bind(1, key);
  Run(suppressed_);
  heat_.bind(1, key);
  Run(heat_);
  return before;
}

void BatchWriter::PutThread(const StoredThread& t) {
  thread_.bind(1, t.id);
  thread_.bind(2, t.subject);
  thread_.bind(3, t.source);
  thread_.bind(4, t.heat);
  thread_.bind(5, t.trend);
  BindOptionalJson(thread_, 6, t.move_off_email, EncodeMoveOffEmail);
  BindOptionalJson(thread_, 7, t.unanswered, EncodeUnanswered);
  BindOptionalJson(thread_, 8, t.reply_plan, EncodeReplyPlan);
  thread_.bind(9, EncodeNotices(t.errors));
  thread_.bind(10, now_);
  Run(thread_);
}

void BatchWriter::PutFile(const FileOutcome& f) {
  file_.bind(1, f.path);
  file_.bind(2, static_cast<int64_t>(f.identity.device));
  file_.bind(3, static_cast<int64_t>(f.identity.inode));
  file_.bind(4, f.identity.size);
  file_.bind(5, f.identity.mtime_ns);
  file_.bind(6, f.identity.content_hash);
  file_.bind(7, f.error ? "failed" : "ok");
  file_.bind(8, f.error.value_or(""));
  file_.bind(9, f.error ? int64_t{0} : f.read_offset);
  file_.bind(10, now_);
  Run(file_);
}

const std::string& BatchWriter::RuleWhy(const Finding& f) {
  auto it = rule_whys_.find(f.rule);
  if (it == rule_whys_.end()) {
    // The first why of a rule in this transaction becomes the rule's: the lexicon in use.
    rule_text_.bind(1, f.rule);
    rule_text_.bind(2, f.why);
    Run(rule_text_);
    it = rule_whys_.emplace(f.rule, f.why).first;
  }
  return it->second;
}

void BatchWriter::PutFinding(const std::string& key, size_t ord, const Finding& f) {
  finding_.bind(1, key);
  finding_.bind(2, static_cast<int64_t>(ord));
  finding_.bind(3, f.rule);
  finding_.bind(4, std::string(CategoryName(f.category)));
  finding_.bind(5, f.points);
  finding_.bind(6, static_cast<int64_t>(f.span.begin));
  finding_.bind(7, static_cast<int64_t>(f.span.end));
  finding_.bind(8, f.text);
  finding_.bind(9, RuleWhy(f) == f.why ? std::string() : f.why);
  BindOptionalText(finding_, 10, f.suggestion);
  finding_.bind(11, f.context);
  finding_.bind(12, static_cast<int64_t>(f.context_offset));
  finding_.bind(13, FindingFingerprint(key, f));
  Run(finding_);
}

}  // namespace tonewatch::daemon
