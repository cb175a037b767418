#include "daemon/ingest/file_reader.h"

#include <fmt/format.h>

#include <fstream>

#include "analyzers/base/hash.h"
#include "analyzers/call/call_metrics.h"
#include "analyzers/pipeline/input_pipeline.h"
#include "analyzers/readers/byte_source.h"
#include "analyzers/readers/mail/mail_reader.h"
#include "analyzers/readers/sniff.h"

namespace tonewatch::daemon {
namespace {

bool FromLineAt(const std::string& path, int64_t offset) {
  std::ifstream in(path, std::ios::binary);
  in.seekg(offset);
  char head[5] = {};
  return in.read(head, sizeof head) && std::string_view(head, sizeof head) == "From ";
}

// A hash of what identifies a message without a Message-ID: its headers and text.
std::string MailHash(const ParsedMail& mail) {
  Fnv1a hash;
  for (const std::string& part :
       {mail.message.author, mail.message.time, mail.message.subject, mail.body.text}) {
    hash.Add(part);
    hash.Add(std::string_view("\0", 1));
  }
  return hash.Hex();
}

Result<SourceKind> Sniff(const std::string& path) {
  auto source = ByteSource::Open(path);
  if (!source) return source.error();
  auto head = ReadSniffHead(*source);
  if (!head) return head.error();
  const SourceKind kind = SniffSource(*head);
  if (kind == SourceKind::kBinary) {
    return Err(ErrorCode::kBadInput, path,
               fmt::format("not text or mail ({})", BinaryReason(*head)));
  }
  return kind;
}

// Collects messages into pieces for the sink.
class Chunker {
 public:
  Chunker(const std::string& path, const FileIdentity& identity, int64_t start, size_t size,
          const ChunkSink& sink)
      : path_(path), identity_(identity), size_(size), sink_(sink) {
    piece_.whole = start == 0;
  }

  // Adds a message that starts at `offset`; sends the piece before it when that one is full.
  void Add(StoredMessage&& message, int64_t offset) {
    if (piece_.messages.size() >= size_) {
      // How far the read got, as an identity the next PlanRead resumes from.
      FileIdentity partial{identity_.device, identity_.inode, offset, 0, {}};
      Send(partial, offset);
    }
    piece_.messages.push_back(std::move(message));
  }

  void Finish(int64_t read_offset) { Send(identity_, read_offset); }

  void Fail(const Error& error) {
    piece_.messages.clear();
    piece_.outcome = {path_, identity_, 0, error.ToString()};
    sink_(std::move(piece_));
  }

 private:
  void Send(const FileIdentity& identity, int64_t read_offset) {
    piece_.outcome = {path_, identity, read_offset, std::nullopt};
    sink_(std::move(piece_));
    piece_ = FileIngest{};
    piece_.whole = false;
  }

  const std::string& path_;
  const FileIdentity& identity_;
  size_t size_;
  const ChunkSink& sink_;
  FileIngest piece_;
};

StoredMessage Stored(MessageReport report, const std::string& path, int64_t offset,
                     const AnalysisContext& context) {
  StoredMessage m;
  m.report = std::move(report);
  m.path = path;
  m.source_offset = offset;
  m.lexicon_hash = context.lexicon_hash;
  return m;
}

Result<void> ReadMail(const std::string& path, const FileIdentity& identity, bool mbox,
                      int64_t start, const AnalysisContext& context, Chunker& chunker,
                      std::vector<Notice>* notices) {
  auto on_message = [&](ParsedMail&& parsed) {
    const DocMessage& doc = parsed.message;
    MessageReport report = AnalyzeMail(context.engine, context.clean_mail, parsed, path, notices);
    report.me = AuthorIsMe(doc.author, context.me);
    report.id = MessageKey(doc.id, identity, MailHash(parsed));
    const auto offset = static_cast<int64_t>(doc.source_offset);
    StoredMessage m = Stored(std::move(report), path, offset, context);
    m.thread_key = ThreadKey{doc.id, doc.in_reply_to, doc.references, doc.subject, doc.start_ms};
    chunker.Add(std::move(m), offset);
  };
  auto read = ReadMailFile(path, mbox ? MailFormat::kMbox : MailFormat::kMessage, on_message,
                           notices, start);
  if (!read) return read.error();
  return Ok();
}

// A transcript or a plain text: one thread of its own, through the CLI's pipeline.
Result<void> ReadOther(const std::string& path, const FileIdentity& identity, bool call,
                       const AnalysisContext& context, Chunker& chunker,
                       std::vector<Notice>* notices) {
  PipelineOptions options;
  options.me = context.me;
  options.thread = context.thread;
  options.jobs = 1;  // the daemon's own workers already use every core
  InputPipeline pipeline(context.engine, options);
  std::vector<ThreadReport> threads;
  auto errors = pipeline.Add(path, [&](ThreadReport&& t) { threads.push_back(std::move(t)); });
  if (!errors.empty()) return errors.front();
  const std::string thread = call ? CallThreadId(path) : TextThreadId(path);
  size_t index = 0;
  for (ThreadReport& t : threads) {
    notices->insert(notices->end(), t.errors.begin(), t.errors.end());
    for (MessageReport& report : t.messages) {
      report.id = MessageKey("", identity, fmt::format("{}-{}", call ? "turn" : "text", ++index));
      StoredMessage m = Stored(std::move(report), path, 0, context);
      m.thread = thread;
      chunker.Add(std::move(m), 0);
    }
  }
  return Ok();
}

}  // namespace

std::optional<int64_t> PlanRead(const std::string& path, const std::optional<FileRecord>& record,
                                const FileIdentity& now, bool force) {
  if (force || !record) return 0;
  if (SameVersion(record->identity, now)) return std::nullopt;
  const FileRecord& r = *record;
  const bool grown = r.ok && r.identity.device == now.device && r.identity.inode == now.inode &&
                     r.read_offset > 0 && r.read_offset == r.identity.size &&
                     now.size > r.read_offset;
  if (grown && FromLineAt(path, r.read_offset)) return r.read_offset;
  return 0;
}

void ReadForIngest(const std::string& path, const FileIdentity& identity, int64_t start_offset,
                   const AnalysisContext& context, size_t chunk_messages, const ChunkSink& sink,
                   std::vector<Notice>* notices) {
  Chunker chunker(path, identity, start_offset, std::max<size_t>(chunk_messages, 1), sink);
  auto kind = Sniff(path);
  if (!kind) return chunker.Fail(kind.error());
  Result<void> read = Ok();
  int64_t end = 0;  // where a resumed read starts next time: mbox only
  switch (*kind) {
    case SourceKind::kMbox:
      read = ReadMail(path, identity, true, start_offset, context, chunker, notices);
      end = identity.size;
      break;
    case SourceKind::kMail:
      read = ReadMail(path, identity, false, 0, context, chunker, notices);
      break;
    case SourceKind::kTranscript:
      read = ReadOther(path, identity, true, context, chunker, notices);
      break;
    case SourceKind::kText:
      read = ReadOther(path, identity, false, context, chunker, notices);
      break;
    case SourceKind::kEmpty:
    case SourceKind::kBinary:
      break;
  }
  if (!read) return chunker.Fail(read.error());
  chunker.Finish(end);
}

}  // namespace tonewatch::daemon
