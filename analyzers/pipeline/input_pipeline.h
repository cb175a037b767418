#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyzers/clean/mail_lexicon.h"
#include "analyzers/engine.h"
#include "analyzers/pipeline/held_reports.h"
#include "analyzers/pipeline/mail_analysis.h"
#include "analyzers/readers/byte_source.h"
#include "analyzers/readers/mail/mime_message.h"
#include "analyzers/report/report.h"
#include "analyzers/thread/thread_model.h"
#include "analyzers/thread/threader.h"

namespace tonewatch {

// Counts for the end-of-run summary.
struct PipelineStats {
  size_t files = 0;
  size_t messages = 0;
  size_t failed = 0;  // inputs (files or messages) that could not be analyzed
};

struct PipelineOptions {
  std::vector<std::string> me;  // the user's addresses or names (case-insensitive)
  ThreadModelOptions thread;
  bool plan = false;   // add a reply plan to each thread
  int64_t now_ms = 0;  // "now", for unanswered heat
  // The mail cleaner; when empty and mail_lexicons is set, the mail lexicon there is loaded the
  // first time mail is read (a plain text does not need it). Neither: bodies are kept whole.
  MailCleaner clean_mail;
  std::filesystem::path mail_lexicons;
  // Keep each finding's sentence for mail held until threading (text output and reply plans show
  // it). Off, a held message costs a fraction of the memory.
  bool keep_context = true;
  // What every input is, instead of recognizing it by content: "plain", "mail", "mbox", or a
  // transcript format ("vtt", "srt", "speaker", "json"). Empty: recognize each input.
  std::string input_format;
  // Called after each file is read, with the counts so far: for progress on long runs.
  std::function<void(const PipelineStats&)> on_file;
  // Threads that clean and analyze mail messages side by side (0: one per core). The output is
  // the same whatever the number: messages are committed in the order they were read.
  unsigned jobs = 0;
};

// The values PipelineOptions::input_format accepts, for --help.
inline constexpr const char* kInputFormats[] = {"plain", "mail",    "mbox", "vtt",
                                                "srt",   "speaker", "json"};

// Reads inputs of every kind — plain text, a mail message, an mbox, a folder of them — each
// recognized by its content, and turns them into thread reports.
//
// Plain texts become threads of one message at once. Mail messages are analyzed as they are read
// but kept (their reports, not their text) until FinishMail threads them, so a thread whose
// messages lie in several files comes out whole. Mail is analyzed in batches on every core
// (PipelineOptions::jobs) and committed in reading order. Not thread-safe.
class InputPipeline {
 public:
  InputPipeline(const Engine& engine, PipelineOptions options);

  // Reads `path` ("-" is standard input; a folder is walked). Threads that are complete are
  // passed to `emit`. Returns the problems that made an input unreadable, each naming its file;
  // everything else was read. Recoverable damage is in the reports' errors.
  std::vector<Error> Add(const std::string& path, const std::function<void(ThreadReport&&)>& emit);

  // Threads the mail read so far and passes the threads to `emit`, hottest first; then forgets
  // it. Reports wait in a temporary file meanwhile (HeldReports), so memory grows only with the
  // threading keys, not with the text or findings of a mailbox.
  void FinishMail(const std::function<void(ThreadReport&&)>& emit);

  // Problems met inside mail sources (a damaged message skipped, a charset guessed), each naming
  // the file and byte offset; taken once.
  std::vector<Notice> TakeMailErrors();

  const PipelineStats& stats() const { return stats_; }

 private:
  struct MailItem {
    size_t held = 0;    // handle in held_
    size_t source = 0;  // index into sources_
  };

  std::vector<Error> AddFile(const std::string& path,
                             const std::function<void(ThreadReport&&)>& emit);
  void AddMail(ParsedMail&& parsed, const std::string& source);
  // Cleans and analyzes the read messages waiting in pending_, side by side, and commits them in
  // the order they were read.
  void FlushMail();
  std::vector<Error> AddMailSource(ByteSource& source, std::string head, bool mbox);
  std::vector<Error> AddText(ByteSource& source, std::string head,
                             const std::function<void(ThreadReport&&)>& emit);
  // A call transcript: a thread of turns with call metrics. `format` nullopt: detected.
  std::vector<Error> AddCall(ByteSource& source, std::string head, const std::string& format,
                             const std::function<void(ThreadReport&&)>& emit);
  bool IsMe(const std::string& author) const;
  // Held mail findings drop the strings the lexicon can give back; Restore puts them back.
  void Compact(std::vector<Finding>& findings) const;
  void Restore(std::vector<Finding>& findings) const;

  const Engine& engine_;
  PipelineOptions options_;
  // Builds thread `group` from the held reports: messages in time order, aggregated.
  ThreadReport BuildThread(const std::vector<size_t>& group);

  // Makes sure options_.clean_mail is set, loading the mail lexicon if needed.
  Result<void> EnsureMailCleaner();

  struct PendingMail {
    ParsedMail parsed;
    std::string source;
  };
  std::vector<PendingMail> pending_;  // read, not yet analyzed
  size_t pending_bytes_ = 0;
  std::vector<MailItem> mail_;  // by the index OnlineThreader gives
  OnlineThreader threader_;
  HeldReports held_;
  std::vector<std::string> sources_;
  std::unordered_map<std::string, const Rule*> rules_;  // by id
  std::vector<Notice> mail_errors_;
  PipelineStats stats_;
};

}  // namespace tonewatch
