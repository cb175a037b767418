#pragma once

#include <cstdint>
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
