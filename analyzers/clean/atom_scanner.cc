#include "analyzers/clean/atom_scanner.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <deque>
#include <map>

namespace tonewatch {

AtomScanner::AtomScanner(const std::vector<std::string>& atoms) {
  // The trie, with ordered children while it is built; flattened into sorted edge lists below.
  std::vector<std::map<unsigned char, uint32_t>> children(1);
  std::vector<std::vector<int>> ends(1);
  lengths_.reserve(atoms.size());
  for (size_t id = 0; id < atoms.size(); ++id) {
    const std::string& atom = atoms[id];
    lengths_.push_back(static_cast<uint32_t>(atom.size()));
    longest_ = std::max(longest_, atom.size());
    if (atom.empty()) {
      empty_.push_back(static_cast<int>(id));
      continue;
    }
    uint32_t node = 0;
    for (unsigned char byte : atom) {
      auto [it, added] = children[node].try_emplace(byte, static_cast<uint32_t>(children.size()));
      if (added) {
        children.emplace_back();
        ends.emplace_back();
      }
      node = it->second;
    }
    ends[node].push_back(static_cast<int>(id));
  }
  nodes_.resize(children.size());
  for (size_t n = 0; n < children.size(); ++n) {
    nodes_[n].edges_begin = static_cast<uint32_t>(edges_.size());
    for (const auto& [byte, target] : children[n]) edges_.push_back({byte, target});
    nodes_[n].edges_end = static_cast<uint32_t>(edges_.size());
    nodes_[n].outputs_begin = static_cast<uint32_t>(outputs_.size());
    outputs_.insert(outputs_.end(), ends[n].begin(), ends[n].end());
    nodes_[n].outputs_end = static_cast<uint32_t>(outputs_.size());
  }
  for (const auto& [byte, target] : children[0]) root_next_[byte] = target;
  // Fail and dictionary links, breadth first: a node's links need only shallower nodes'.
  std::deque<uint32_t> queue;
  for (const auto& [byte, target] : children[0]) queue.push_back(target);
  while (!queue.empty()) {
    const uint32_t node = queue.front();
    queue.pop_front();
    for (const auto& [byte, target] : children[node]) {
      const uint32_t fail = Next(nodes_[node].fail, byte);
      nodes_[target].fail = fail;
      nodes_[target].dictionary =
          nodes_[fail].outputs_begin != nodes_[fail].outputs_end ? fail : nodes_[fail].dictionary;
      queue.push_back(target);
    }
  }
}

uint32_t AtomScanner::Child(uint32_t node, unsigned char byte) const {
  const Edge* begin = edges_.data() + nodes_[node].edges_begin;
  const Edge* end = edges_.data() + nodes_[node].edges_end;
  const Edge* it =
      std::lower_bound(begin, end, byte, [](const Edge& e, unsigned char b) { return e.byte < b; });
  return it != end && it->byte == byte ? it->target : 0;
}

uint32_t AtomScanner::Next(uint32_t node, unsigned char byte) const {
  while (node != 0) {
    if (const uint32_t child = Child(node, byte); child != 0) return child;
    node = nodes_[node].fail;
  }
  return root_next_[byte];
}

void AtomScanner::Scan(std::string_view text, size_t starts_before, std::vector<int>& ids) const {
  if (nodes_.empty() || starts_before == 0) return;
  const size_t first_new = ids.size();
  ids.insert(ids.end(), empty_.begin(), empty_.end());
  // No atom that starts before `starts_before` ends past this.
  const size_t stop = starts_before >= text.size()
                          ? text.size()
                          : std::min(text.size(), starts_before - 1 + longest_);
  // Each atom is reported once: most positions in a text end a one-byte atom, and a few atoms
  // end most positions.
  std::array<uint64_t, kMaxDedupedAtoms / 64> seen;
  const bool dedupe = lengths_.size() <= kMaxDedupedAtoms;
  if (dedupe) std::fill_n(seen.begin(), (lengths_.size() + 63) / 64, 0);
  uint32_t node = 0;
  for (size_t i = 0; i < stop; ++i) {
    node = Next(node, static_cast<unsigned char>(text[i]));
    for (uint32_t out = node; out != 0; out = nodes_[out].dictionary) {
      const Node& n = nodes_[out];
      for (uint32_t k = n.outputs_begin; k < n.outputs_end; ++k) {
        const int id = outputs_[k];
        const size_t index = static_cast<size_t>(id);
        if (i + 1 - lengths_[index] >= starts_before) continue;
        if (dedupe) {
          uint64_t& word = seen[index / 64];
          const uint64_t bit = uint64_t{1} << (index % 64);
          if ((word & bit) != 0) continue;
          word |= bit;
        }
        ids.push_back(id);
      }
    }
  }
  std::sort(ids.begin() + static_cast<std::ptrdiff_t>(first_new), ids.end());
  ids.erase(std::unique(ids.begin() + static_cast<std::ptrdiff_t>(first_new), ids.end()),
            ids.end());
}

void AppendCaseFolded(std::string_view text, std::string& out, size_t max_bytes) {
  const size_t limit = max_bytes > SIZE_MAX - out.size() ? SIZE_MAX : out.size() + max_bytes;
  const char* s = text.data();
  // ICU indexes with int32_t; the texts folded here are lines, far below that.
  const int32_t length = static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX));
  int32_t i = 0;
  while (i < length && out.size() < limit) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out += static_cast<char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      out.append(s + start, static_cast<size_t>(i - start));
      continue;
    }
    char buffer[U8_MAX_LENGTH];
    int32_t written = 0;
    U8_APPEND_UNSAFE(buffer, written, u_foldCase(c, U_FOLD_CASE_DEFAULT));
    out.append(buffer, static_cast<size_t>(written));
  }
}

}  // namespace tonewatch
