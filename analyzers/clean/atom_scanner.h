#pragma once

// Finds which of a fixed list of short strings ("atoms") occur in a text, in one pass over it
// (Aho-Corasick). It is the mail cleaner's prefilter: RE2's FilteredRE2 derives from every mail
// pattern the literal strings a text must hold for the pattern to match ("wrote", "schrieb", ":"),
// and a pattern is run only on the lines that hold them.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tonewatch {

class AtomScanner {
 public:
  AtomScanner() = default;
  // `atoms` are matched byte for byte: case-fold them (AppendCaseFolded) and the texts alike.
  // An atom's id is its position in `atoms`; an empty atom occurs in every text.
  explicit AtomScanner(const std::vector<std::string>& atoms);

  // Appends to `ids` the id of every atom with an occurrence in `text` that starts before byte
  // `starts_before` (it may end after it), then sorts `ids` and removes duplicates. Linear in
  // min(text.size(), starts_before + longest()). Thread-safe.
  void Scan(std::string_view text, size_t starts_before, std::vector<int>& ids) const;

  size_t size() const { return lengths_.size(); }
  // The length of the longest atom, in bytes.
  size_t longest() const { return longest_; }

 private:
  struct Node {
    uint32_t edges_begin = 0;  // into edges_, sorted by byte
    uint32_t edges_end = 0;
    uint32_t fail = 0;           // the longest proper suffix of this node's string that is a node
    uint32_t dictionary = 0;     // the nearest node on the fail chain that ends an atom, or 0
    uint32_t outputs_begin = 0;  // into outputs_: the atoms that end exactly here
    uint32_t outputs_end = 0;
  };
  struct Edge {
    unsigned char byte;
    uint32_t target;
  };

  // Up to this many atoms, Scan keeps a bit per atom on the stack to report each once.
  static constexpr size_t kMaxDedupedAtoms = 4096;

  uint32_t Child(uint32_t node, unsigned char byte) const;
  uint32_t Next(uint32_t node, unsigned char byte) const;

  std::vector<Node> nodes_;  // nodes_[0] is the root
  std::vector<Edge> edges_;
  std::vector<int> outputs_;
  std::array<uint32_t, 256> root_next_{};  // the root's moves, dense: most bytes start there
  std::vector<uint32_t> lengths_;          // per atom id
  std::vector<int> empty_;                 // the ids of empty atoms
  size_t longest_ = 0;
};

// Appends `text` to `out` with every character replaced by its simple case folding (ICU's
// u_foldCase, the equivalence RE2's case-insensitive matching is built on), stopping once `out`
// has grown by `max_bytes` or more. Ill-formed UTF-8 is copied as it is.
void AppendCaseFolded(std::string_view text, std::string& out, size_t max_bytes = SIZE_MAX);

}  // namespace tonewatch
