#include "analyzers/thread/threader.h"

#include <algorithm>
#include <array>
#include <map>
#include <numeric>
#include <unordered_map>

namespace tonewatch {
namespace {

// Reply and forward prefixes: English, German, Scandinavian, Dutch, French, Italian, Spanish,
// Portuguese, Polish, Finnish, Turkish; compared in lower case, followed by ':'.
constexpr std::array<std::string_view, 22> kPrefixes = {
    "re",  "fw", "fwd", "aw", "wg",  "sv",  "vs",  "vl", "antw", "doorst", "tr",
    "rif", "r",  "i",   "rv", "enc", "res", "odp", "pd", "ynt",  "ilt",    "fs"};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Length of one leading prefix ("Re:", "RE[2]:", "[tag]") with its spaces, or 0.
size_t PrefixLength(std::string_view s) {
  if (!s.empty() && s[0] == '[') {
    const size_t close = s.find(']');
    if (close != std::string_view::npos) return close + 1;
  }
  size_t word = 0;
  while (word < s.size() &&
         ((s[word] >= 'a' && s[word] <= 'z') || (s[word] >= 'A' && s[word] <= 'Z'))) {
    ++word;
  }
  if (word == 0) return 0;
  const std::string lowered = Lower(s.substr(0, word));
  if (std::find(kPrefixes.begin(), kPrefixes.end(), lowered) == kPrefixes.end()) return 0;
  size_t p = word;
  if (p < s.size() && s[p] == '[') {  // "Re[2]:"
    const size_t close = s.find(']', p);
    if (close == std::string_view::npos) return 0;
    p = close + 1;
  }
  if (p < s.size() && (s[p] == ':' || s.substr(p, 3) == "\xEF\xBC\x9A")) {  // ':' or '：'
    return p + (s[p] == ':' ? 1 : 3);
  }
  return 0;
}

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && (s[0] == ' ' || s[0] == '\t')) s.remove_prefix(1);
  return s;
}

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  size_t Find(size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Join(size_t a, size_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<size_t> parent_;
};

}  // namespace

bool HasReplyPrefix(std::string_view subject) {
  subject = TrimLeft(subject);
  while (!subject.empty() && subject[0] == '[') {  // list tags before the prefix
    const size_t n = PrefixLength(subject);
    if (n == 0) break;
    subject = TrimLeft(subject.substr(n));
  }
  return PrefixLength(subject) > 0 && subject[0] != '[';
}

std::string NormalizeSubject(std::string_view subject) {
  subject = TrimLeft(subject);
  for (size_t n = PrefixLength(subject); n > 0; n = PrefixLength(subject)) {
    subject = TrimLeft(subject.substr(n));
  }
  std::string out;
  for (char c : Lower(subject)) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::vector<size_t>> GroupThreads(const std::vector<ThreadKey>& keys) {
  // Nodes: one per message, plus one per referenced id not present as a message.
  std::unordered_map<std::string, size_t> node_of;
  size_t next = keys.size();
  for (size_t i = 0; i < keys.size(); ++i) {
    if (!keys[i].message_id.empty()) node_of.emplace(keys[i].message_id, i);
  }
  auto node = [&](const std::string& id) {
    auto [it, added] = node_of.emplace(id, next);
    if (added) ++next;
    return it->second;
  };
  std::vector<std::pair<size_t, size_t>> links;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (!keys[i].in_reply_to.empty()) links.emplace_back(i, node(keys[i].in_reply_to));
    for (const auto& r : keys[i].references) links.emplace_back(i, node(r));
  }
  UnionFind sets(next);
  for (auto [a, b] : links) sets.Join(a, b);

  // Replies that lost their headers join by subject.
  std::map<std::string, std::vector<size_t>> by_subject;
  for (size_t i = 0; i < keys.size(); ++i)
    by_subject[NormalizeSubject(keys[i].subject)].push_back(i);
  for (size_t i = 0; i < keys.size(); ++i) {
    const ThreadKey& k = keys[i];
    if (!k.in_reply_to.empty() || !k.references.empty() || !HasReplyPrefix(k.subject)) continue;
    const std::string subject = NormalizeSubject(k.subject);
    if (subject.empty()) continue;
    std::optional<size_t> best;
    for (size_t j : by_subject[subject]) {
      if (j == i || !keys[j].time_ms || !k.time_ms) continue;
      const int64_t age = *k.time_ms - *keys[j].time_ms;
      if (age < 0 || age > kSubjectWindowMs) continue;
      if (!best || *keys[j].time_ms > *keys[*best].time_ms) best = j;
    }
    if (best) sets.Join(i, *best);
  }

  std::map<size_t, std::vector<size_t>> groups;  // root -> members; roots ordered by first member
  std::vector<size_t> first_of(next, keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    const size_t root = sets.Find(i);
    if (first_of[root] == keys.size()) first_of[root] = i;
    groups[first_of[root]].push_back(i);
  }
  std::vector<std::vector<size_t>> out;
  for (auto& [first, members] : groups) out.push_back(std::move(members));
  return out;
}

}  // namespace tonewatch
