#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tonewatch {

// What threading needs of one mail message.
struct ThreadKey {
  std::string message_id;  // may be empty
  std::string in_reply_to;
  std::vector<std::string> references;
  std::string subject;
  std::optional<int64_t> time_ms;
};

// A reply older than this is not joined to a thread by its subject alone.
inline constexpr int64_t kSubjectWindowMs = 30LL * 24 * 3600 * 1000;

// Threads messages as they arrive, keeping per message only a node in a union-find and one entry
// per distinct Message-ID and subject, so a mailbox of a million messages costs tens of MiB.
// The rules are GroupThreads'; a header-less reply joins by subject only messages added before it.
// Not thread-safe.
class OnlineThreader {
 public:
  OnlineThreader();
  ~OnlineThreader();
  OnlineThreader(OnlineThreader&&) noexcept;
  OnlineThreader& operator=(OnlineThreader&&) noexcept;

  // Adds a message; returns its index (0, 1, 2, ...).
  size_t Add(const ThreadKey& key);

  // The threads so far: groups of message indexes, each in order, ordered by first message.
  std::vector<std::vector<size_t>> Groups();

  size_t size() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Groups messages into threads. Messages are joined when one's Message-ID appears in another's
// In-Reply-To or References (also through a parent that is not in the set). A message without
// either header whose subject carries a reply or forward prefix ("Re:", "AW:", "SV:", "Fwd:", ...)
// joins the thread of the latest earlier message with the same normalized subject within
// kSubjectWindowMs. Returns groups of indexes into `keys`, each in input order; groups ordered by
// their first message. Pure.
std::vector<std::vector<size_t>> GroupThreads(const std::vector<ThreadKey>& keys);

// The subject without reply/forward prefixes, [list tags], case and extra white space:
// "RE: AW: [ops]  Invoice  overdue" -> "invoice overdue".
std::string NormalizeSubject(std::string_view subject);

// True if the subject starts with a reply or forward prefix in one of the common languages.
bool HasReplyPrefix(std::string_view subject);

}  // namespace tonewatch
