#include "analyzers/thread/threader.h"

#include <algorithm>
#include <array>
#include <map>
#include <numeric>
#include <unordered_map>

#include "analyzers/analysis/words.h"

namespace tonewatch {
namespace {

// Reply and forward prefixes: English, German, Scandinavian, Dutch, French, Italian, Spanish,
// Portuguese, Polish, Finnish, Turkish; compared in lower case, followed by ':'.
constexpr std::array<std::string_view, 22> kPrefixes = {
    "re",  "fw", "fwd", "aw", "wg",  "sv",  "vs",  "vl", "antw", "doorst", "tr",
    "rif", "r",  "i",   "rv", "enc", "res", "odp", "pd", "ynt",  "ilt",    "fs"};

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
  const std::string lowered = AsciiLower(s.substr(0, word));
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
  for (char c : AsciiLower(subject)) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

struct OnlineThreader::State {
  std::vector<size_t> parent;  // union-find over nodes: messages and ids seen only as references
  std::vector<size_t> message_node;
  std::unordered_map<std::string, size_t> node_of;  // Message-ID -> node
  // Normalized subject -> (time, node) of the messages with it, for replies without headers.
  std::unordered_map<std::string, std::vector<std::pair<int64_t, size_t>>> by_subject;

  std::vector<bool> is_message;  // per node: a message owns it

  size_t NewNode() {
    parent.push_back(parent.size());
    is_message.push_back(false);
    return parent.size() - 1;
  }
  size_t NodeFor(const std::string& id) {
    auto it = node_of.find(id);
    if (it != node_of.end()) return it->second;
    const size_t n = NewNode();
    node_of.emplace(id, n);
    return n;
  }
  size_t Find(size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Join(size_t a, size_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

OnlineThreader::OnlineThreader() : state_(std::make_unique<State>()) {}
OnlineThreader::~OnlineThreader() = default;
OnlineThreader::OnlineThreader(OnlineThreader&&) noexcept = default;
OnlineThreader& OnlineThreader::operator=(OnlineThreader&&) noexcept = default;

size_t OnlineThreader::size() const { return state_->message_node.size(); }

size_t OnlineThreader::Add(const ThreadKey& key) {
  State& s = *state_;
  // A message whose id was referenced before takes over that node; a repeated id gets its own.
  size_t node;
  auto it = key.message_id.empty() ? s.node_of.end() : s.node_of.find(key.message_id);
  const bool taken = it != s.node_of.end() && s.is_message[it->second];
  if (it != s.node_of.end() && !taken) {
    node = it->second;
  } else {
    node = s.NewNode();
    if (!key.message_id.empty() && it == s.node_of.end()) s.node_of.emplace(key.message_id, node);
  }
  if (!key.in_reply_to.empty()) s.Join(node, s.NodeFor(key.in_reply_to));
  for (const auto& r : key.references) s.Join(node, s.NodeFor(r));

  const std::string subject = NormalizeSubject(key.subject);
  if (!subject.empty()) {
    auto& seen = s.by_subject[subject];
    if (key.in_reply_to.empty() && key.references.empty() && HasReplyPrefix(key.subject) &&
        key.time_ms) {
      const std::pair<int64_t, size_t>* best = nullptr;
      for (const auto& candidate : seen) {
        const int64_t age = *key.time_ms - candidate.first;
        if (age < 0 || age > kSubjectWindowMs) continue;
        if (best == nullptr || candidate.first > best->first) best = &candidate;
      }
      if (best != nullptr) s.Join(node, best->second);
    }
    if (key.time_ms) seen.emplace_back(*key.time_ms, node);
  }
  s.is_message[node] = true;
  s.message_node.push_back(node);
  return s.message_node.size() - 1;
}

std::vector<std::vector<size_t>> OnlineThreader::Groups() {
  State& s = *state_;
  std::unordered_map<size_t, size_t> group_of_root;
  std::vector<std::vector<size_t>> out;
  for (size_t i = 0; i < s.message_node.size(); ++i) {
    const size_t root = s.Find(s.message_node[i]);
    auto [it, added] = group_of_root.emplace(root, out.size());
    if (added) out.emplace_back();
    out[it->second].push_back(i);
  }
  return out;
}

std::vector<std::vector<size_t>> GroupThreads(const std::vector<ThreadKey>& keys) {
  OnlineThreader threader;
  for (const ThreadKey& key : keys) threader.Add(key);
  return threader.Groups();
}

}  // namespace tonewatch
