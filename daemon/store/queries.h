#pragma once

// What the socket protocol asks of the store: an interface, so the request handler can be tested
// against the real store on a temp file, and the daemon can wrap the store (adding queue depth,
// re-aggregating threads after a suppression) without the handler knowing.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/base/result.h"
#include "analyzers/lexicon/category.h"
#include "analyzers/report/report.h"

namespace tonewatch::daemon {

// Which messages `Flagged` lists. Every field narrows; the defaults list every message with heat.
struct FlaggedFilter {
  std::optional<int64_t> since_ms;   // sent at or after (Unix ms); undated messages are left out
  int min_heat = 1;                  // message heat (after suppressions) at least this
  std::optional<Category> category;  // has an unsuppressed finding of this category
  // Case-insensitive (ASCII) part of the author's name or address, or, for the user's own
  // messages, of a recipient's. Empty: anyone.
  std::string counterpart;
  std::string folder;  // read from a file under this folder (a path prefix); empty: anywhere
  int limit = 50;      // threads per page, 1..kMaxFlaggedLimit
  int offset = 0;      // threads to skip, >= 0
};

inline constexpr int kMaxFlaggedLimit = 500;

// One page of flagged threads, hottest first (thread heat, then latest message, then id). Each
// thread carries its stored heat, trend and prompts but only the messages that matched the filter.
struct FlaggedPage {
  int64_t total = 0;  // threads matching, over all pages
  std::vector<ThreadReport> threads;
};

// A file whose last read failed, and why.
struct FailedFile {
  std::string path;
  std::string error;
};

// How many failed files Status lists (the count covers them all).
inline constexpr int kStatusFailuresListed = 20;

struct StoreStatus {
  int64_t messages = 0;
  int64_t threads = 0;       // with an aggregate or at least one message
  int64_t files = 0;         // recorded, read or failed
  int64_t failed_files = 0;  // whose last read failed
  int64_t suppressions = 0;
  int schema_version = 0;
  std::vector<FailedFile> failures;  // the first kStatusFailuresListed, by path
};

// A stored message with where it came from.
struct MessageDetail {
  MessageReport report;  // findings without suppressed ones; heat after suppressions
  std::string thread;
  std::string path;
  int64_t source_offset = 0;  // byte offset of the message in its file (mbox)
  std::string lexicon_hash;   // of the lexicon that produced the findings
};

// What a suppression hides. Suppressions are stored and applied to results; mail is never edited.
enum class SuppressionKind {
  kRule,        // `rule` everywhere
  kThreadRule,  // `rule` in `thread` only
  kFinding,     // the one finding with `fingerprint` (see FindingFingerprint)
};

std::string_view SuppressionKindName(SuppressionKind kind);  // "rule" | "thread-rule" | "finding"
std::optional<SuppressionKind> ParseSuppressionKind(std::string_view name);

struct SuppressionRule {
  SuppressionKind kind = SuppressionKind::kRule;
  std::string rule;         // kRule, kThreadRule
  std::string thread;       // kThreadRule
  std::string fingerprint;  // kFinding
  std::string note;         // why, in the user's words; not part of the identity
};

struct Suppression {
  int64_t id = 0;
  SuppressionRule rule;
  int64_t created_ms = 0;
};

// What adding or removing a suppression changed. The store updates message heat itself; thread
// heat and trend depend on the thread model's options, so the owner of those re-aggregates
// `affected_threads`.
struct SuppressionChange {
  Suppression suppression;
  bool created = false;  // Suppress: false when the same rule was already stored
  int64_t affected_messages = 0;
  std::vector<std::string> affected_threads;
};

// The queries the protocol needs. Errors: kUsage for an invalid argument (a suppression without a
// rule), kNotFound for Unsuppress of an id that is not stored, anything else for store failures.
// Implementations say how they may be used from threads.
class Queries {
 public:
  virtual ~Queries() = default;

  virtual Result<StoreStatus> Status() = 0;
  virtual Result<FlaggedPage> Flagged(const FlaggedFilter& filter) = 0;
  // Every message of the thread, in conversation order; nullopt when no such thread is stored.
  virtual Result<std::optional<ThreadReport>> Thread(const std::string& id) = 0;
  // nullopt when no message has this key.
  virtual Result<std::optional<MessageDetail>> Message(const std::string& key) = 0;
  // Idempotent: the same rule again returns the stored suppression with created == false.
  virtual Result<SuppressionChange> Suppress(const SuppressionRule& rule) = 0;
  virtual Result<SuppressionChange> Unsuppress(int64_t id) = 0;
  // Removes the suppression with the same kind, rule, thread and fingerprint.
  virtual Result<SuppressionChange> UnsuppressRule(const SuppressionRule& rule) = 0;
  // Every stored suppression, oldest first.
  virtual Result<std::vector<Suppression>> Suppressions() = 0;
};

}  // namespace tonewatch::daemon
