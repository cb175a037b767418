#include "analyzers/pipeline/input_pipeline.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "analyzers/analysis/words.h"
#include "analyzers/base/hash.h"
#include "analyzers/call/call_metrics.h"
#include "analyzers/pipeline/text_pipeline.h"
#include "analyzers/readers/byte_source.h"
#include "analyzers/readers/folder_walker.h"
#include "analyzers/readers/mail/mail_reader.h"
#include "analyzers/readers/sniff.h"
#include "analyzers/readers/transcript/transcript_reader.h"
#include "analyzers/thread/reply_plan.h"

namespace tonewatch {
namespace {

// Mail on standard input is parsed from memory; past this it must come as a file.
constexpr size_t kMaxStdinMail = 1024ULL << 20;
// Read messages wait for analysis in batches of at most this many, or this many bytes of body:
// enough to keep every core busy, little enough to keep memory bounded.
constexpr size_t kBatchMessages = 64;
constexpr size_t kBatchBytes = 16ULL << 20;

}  // namespace

InputPipeline::InputPipeline(const Engine& engine, PipelineOptions options)
    : engine_(engine), options_(std::move(options)) {
  for (auto& m : options_.me) m = AsciiLower(m);
  for (const Rule& rule : engine_.lexicon().rules) rules_.emplace(rule.id, &rule);
}

Result<void> InputPipeline::EnsureMailCleaner() {
  if (options_.clean_mail) return Ok();
  if (options_.mail_lexicons.empty()) {
    options_.clean_mail = [](const MailBody& body) { return MailText{body.text, "none"}; };
    return Ok();
  }
  auto lexicon = LoadMailLexicon(options_.mail_lexicons);
  if (!lexicon) return lexicon.error();
  options_.clean_mail = MailCleanerFor(std::make_shared<const MailLexicon>(std::move(*lexicon)));
  return Ok();
}

bool InputPipeline::IsMe(const std::string& author) const {
  return AuthorIsMe(author, options_.me);
}

std::vector<Error> InputPipeline::Add(const std::string& path,
                                      const std::function<void(ThreadReport&&)>& emit) {
  if (path == "-") {
    std::vector<Error> errors = AddFile(path, emit);
    FlushMail();
    return errors;
  }
  std::vector<Error> errors;
  for (const auto& file : ListInputFiles(path, &errors)) {
    auto more = AddFile(file.string(), emit);
    errors.insert(errors.end(), more.begin(), more.end());
    if (options_.on_file) options_.on_file(stats_);
  }
  FlushMail();
  stats_.failed += errors.size();
  return errors;
}

std::vector<Error> InputPipeline::AddFile(const std::string& path,
                                          const std::function<void(ThreadReport&&)>& emit) {
  auto source = ByteSource::Open(path);
  if (!source) return {source.error()};
  auto head = ReadSniffHead(*source);
  if (!head) return {head.error()};
  ++stats_.files;
  const std::string& forced = options_.input_format;
  if (forced == "plain") return AddText(*source, std::move(*head), emit);
  if (forced == "mail" || forced == "mbox") {
    return AddMailSource(*source, std::move(*head), forced == "mbox");
  }
  if (!forced.empty()) return AddCall(*source, std::move(*head), forced, emit);
  switch (SniffSource(*head)) {
    case SourceKind::kBinary:
      return {MakeError(ErrorCode::kBadInput, source->name(),
                        fmt::format("not text or mail ({})", BinaryReason(*head)), "not analyzed")};
    case SourceKind::kMail:
      return AddMailSource(*source, std::move(*head), false);
    case SourceKind::kMbox:
      return AddMailSource(*source, std::move(*head), true);
    case SourceKind::kTranscript:
      return AddCall(*source, std::move(*head), "", emit);
    case SourceKind::kEmpty:
    case SourceKind::kText:
      break;
  }
  return AddText(*source, std::move(*head), emit);
}

std::vector<Error> InputPipeline::AddMailSource(ByteSource& source, std::string head, bool mbox) {
  if (Result<void> ready = EnsureMailCleaner(); !ready) return {ready.error()};
  const MailFormat format = mbox ? MailFormat::kMbox : MailFormat::kMessage;
  const std::string name = source.name();
  auto on_message = [&](ParsedMail&& parsed) { AddMail(std::move(parsed), name); };
  Result<size_t> read = 0;
  if (name == "<stdin>") {
    source.PushBack(std::move(head));
    auto all = source.ReadAll(kMaxStdinMail);
    if (!all) return {all.error()};
    read = ReadMailBytes(std::move(*all), name, format, on_message, &mail_errors_);
  } else {
    read = ReadMailFile(name, format, on_message, &mail_errors_);
  }
  if (!read) return {read.error()};
  return {};
}

std::vector<Error> InputPipeline::AddText(ByteSource& source, std::string head,
                                          const std::function<void(ThreadReport&&)>& emit) {
  source.PushBack(std::move(head));
  auto thread = AnalyzeTextSource(engine_, source);
  if (!thread) return {thread.error()};
  ++stats_.messages;
  AggregateThread(*thread, engine_.lexicon().data, options_.thread, options_.now_ms);
  if (options_.plan) thread->reply_plan = MakeReplyPlan(*thread, engine_.lexicon().data);
  emit(std::move(*thread));
  return {};
}

std::vector<Error> InputPipeline::AddCall(ByteSource& source, std::string head,
                                          const std::string& format,
                                          const std::function<void(ThreadReport&&)>& emit) {
  std::optional<TranscriptFormat> forced;
  if (!format.empty()) {
    forced = ParseTranscriptFormat(format == "speaker" ? "text" : format);
    if (!forced) {
      return {MakeError(ErrorCode::kUsage, format, "unknown input format")};
    }
  }
  ThreadReport thread;
  thread.source = source.name();
  std::vector<TurnTiming> timings;
  Fnv1a hash;
  auto on_turn = [&](DocMessage&& turn) {
    ++stats_.messages;
    hash.Add(turn.author);
    hash.Add(turn.text);
    MessageReport m;
    m.id = turn.id;
    m.author = turn.author;
    m.me = tonewatch::IsMe(turn.author, options_.me);
    m.start_ms = turn.start_ms;
    m.end_ms = turn.end_ms;
    TextAnalysis analysis = engine_.Analyze(turn.text);
    m.heat = analysis.heat;
    m.findings = std::move(analysis.findings);
    timings.push_back(TimingOf(turn));
    thread.messages.push_back(std::move(m));
  };
  Result<void> read = ReadTranscript(std::move(head), source, forced, on_turn, &thread.errors);
  if (!read) return {read.error()};
  thread.thread = fmt::format("c{}", hash.Hex());
  // A call is not email: the thread model gives heat and trend; prompts to move off email and
  // unanswered heat do not apply.
  AggregateThread(thread, engine_.lexicon().data, options_.thread, options_.now_ms);
  thread.move_off_email.reset();
  thread.unanswered.reset();
  CallMetricsOptions call_options;
  call_options.thread = options_.thread;
  thread.call = std::make_shared<const CallMetrics>(
      ComputeCallMetrics(timings, thread.messages, call_options));
  if (options_.plan) thread.reply_plan = MakeReplyPlan(thread, engine_.lexicon().data);
  emit(std::move(thread));
  return {};
}

void InputPipeline::AddMail(ParsedMail&& parsed, const std::string& source) {
  ++stats_.messages;
  pending_bytes_ += parsed.body.text.size();
  pending_.push_back({std::move(parsed), source});
  if (pending_.size() >= kBatchMessages || pending_bytes_ >= kBatchBytes) FlushMail();
}

void InputPipeline::FlushMail() {
  const size_t n = pending_.size();
  if (n == 0) return;
  std::vector<MessageReport> reports(n);
  std::vector<std::vector<Notice>> errors(n);
  std::atomic<size_t> next{0};
  const auto work = [&] {
    for (size_t i = next++; i < n; i = next++) {
      const PendingMail& p = pending_[i];
      reports[i] = AnalyzeMail(engine_, options_.clean_mail, p.parsed, p.source, &errors[i]);
      reports[i].me = IsMe(p.parsed.message.author);
      Compact(reports[i].findings);
    }
  };
  const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
  const size_t jobs = std::min<size_t>(n, options_.jobs == 0 ? cores : options_.jobs);
  std::vector<std::thread> helpers;
  for (size_t j = 1; j < jobs; ++j) helpers.emplace_back(work);
  work();
  for (std::thread& t : helpers) t.join();
  for (size_t i = 0; i < n; ++i) {
    const DocMessage& doc = pending_[i].parsed.message;
    const std::string& source = pending_[i].source;
    mail_errors_.insert(mail_errors_.end(), errors[i].begin(), errors[i].end());
    threader_.Add(ThreadKey{doc.id, doc.in_reply_to, doc.references, doc.subject, doc.start_ms});
    MailItem item;
    item.held = held_.Add(reports[i]);
    if (sources_.empty() || sources_.back() != source) sources_.push_back(source);
    item.source = sources_.size() - 1;
    mail_.push_back(std::move(item));
  }
  pending_.clear();
  pending_bytes_ = 0;
}

void InputPipeline::Compact(std::vector<Finding>& findings) const {
  for (Finding& f : findings) {
    auto rule = rules_.find(f.rule);
    if (rule == rules_.end()) continue;  // built-in analyzers: few, kept whole
    f.why = std::string();
    if (f.suggestion && rule->second->suggestion && *f.suggestion == *rule->second->suggestion) {
      f.suggestion = std::string();  // the template, without captures: given back by Restore
    }
    if (!options_.keep_context) f.context = std::string();
  }
}

void InputPipeline::Restore(std::vector<Finding>& findings) const {
  for (Finding& f : findings) {
    auto rule = rules_.find(f.rule);
    if (rule == rules_.end()) continue;
    f.why = rule->second->why;
    if (f.suggestion && f.suggestion->empty()) f.suggestion = rule->second->suggestion;
  }
}

ThreadReport InputPipeline::BuildThread(const std::vector<size_t>& group) {
  ThreadReport t;
  for (size_t i : group) {
    std::optional<MessageReport> report = held_.Get(mail_[i].held);
    if (!report) {
      t.errors.push_back({sources_[mail_[i].source],
                          "a held report could not be read back from "
                          "the temporary file; message left out"});
      continue;
    }
    Restore(report->findings);
    t.messages.push_back(std::move(*report));
  }
  std::stable_sort(t.messages.begin(), t.messages.end(),
                   [](const MessageReport& a, const MessageReport& b) {
                     return a.time_ms.value_or(0) < b.time_ms.value_or(0);
                   });
  const MailItem& first = mail_[group.front()];
  Fnv1a hash;
  hash.Add(t.messages.empty() ? std::to_string(group.front()) : t.messages.front().id);
  t.thread = fmt::format("t{}", hash.Hex());
  t.source = sources_[first.source];
  if (!t.messages.empty()) t.subject = t.messages.front().subject;
  AggregateThread(t, engine_.lexicon().data, options_.thread, options_.now_ms);
  return t;
}

void InputPipeline::FinishMail(const std::function<void(ThreadReport&&)>& emit) {
  FlushMail();
  const std::vector<std::vector<size_t>> groups = threader_.Groups();
  // Two passes over the held reports: heats first, to order the threads hottest first; then each
  // thread again, built and emitted one at a time.
  std::vector<std::pair<int, size_t>> order;  // (heat, group)
  for (size_t g = 0; g < groups.size(); ++g) order.emplace_back(BuildThread(groups[g]).heat, g);
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [heat, g] : order) {
    ThreadReport t = BuildThread(groups[g]);
    if (options_.plan) t.reply_plan = MakeReplyPlan(t, engine_.lexicon().data);
    emit(std::move(t));
  }
  mail_.clear();
  sources_.clear();
  held_.Clear();
  threader_ = OnlineThreader();
}

}  // namespace tonewatch

namespace tonewatch {

std::vector<Notice> InputPipeline::TakeMailErrors() {
  FlushMail();
  std::vector<Notice> out;
  out.swap(mail_errors_);
  return out;
}

}  // namespace tonewatch
