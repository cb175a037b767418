#pragma once

// Reading one watched file into what the store ingests: each message (or call turn) analyzed,
// keyed with MessageKey, with its threading headers and the file's outcome.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "daemon/ingest/analysis_context.h"
#include "daemon/store/store.h"

namespace tonewatch::daemon {

// Where to read `path` from, given what the store recorded about it and its identity now:
// nullopt to leave it (unchanged since it was read, or failed and unchanged: a failed file is
// retried when it changes), 0 to read it whole, or the offset to resume at for an mbox that grew
// (same file, only appended to: the recorded read ended at its recorded size and a "From " line
// starts there). `force` reads it whole whatever the record says (a new lexicon).
std::optional<int64_t> PlanRead(const std::string& path, const std::optional<FileRecord>& record,
                                const FileIdentity& now, bool force);

// Receives the pieces of a read in order.
using ChunkSink = std::function<void(FileIngest&&)>;

// Reads the file at `path` (with `identity` as stat saw it just before) from `start_offset`,
// analyzes every message, and passes the results to `sink` in pieces of at most `chunk_messages`
// messages, so an mbox of a million messages is never held whole. The first piece of a read from
// 0 replaces what was stored from the file; the others add to it. Only the last piece records
// the identity as read; the earlier ones record how far the read got, so that a crash in between
// resumes there (PlanRead) instead of starting over. A file that cannot be read gives one piece
// with the error. Problems that did not stop the read (a damaged mbox entry, a guessed charset)
// are appended to `notices`. Thread-safe for distinct calls: the context is shared read-only.
void ReadForIngest(const std::string& path, const FileIdentity& identity, int64_t start_offset,
                   const AnalysisContext& context, size_t chunk_messages, const ChunkSink& sink,
                   std::vector<Notice>* notices);

}  // namespace tonewatch::daemon
