#include "analyzers/clean/mail_pattern_set.h"

#include <algorithm>

namespace tonewatch {
namespace {

// A single byte is an atom too: '@' and '<' are what an address attribution is sure to hold
// besides digits, and ':' what most attributions end with.
constexpr int kMinAtomBytes = 1;
// Per-pattern and line-set DFA budgets: ample for line-sized patterns, and a hostile pattern
// fails to compile instead of eating memory.
constexpr int64_t kPatternMemory = 1 << 20;
constexpr int64_t kLineSetMemory = 16 << 20;

constexpr size_t kKindCount = static_cast<size_t>(MailKind::kFooterTerm) + 1;

RE2::Anchor Re2Anchor(MailAnchor anchor) {
  switch (anchor) {
    case MailAnchor::kWhole:
      return RE2::ANCHOR_BOTH;
    case MailAnchor::kPrefix:
      return RE2::ANCHOR_START;
    case MailAnchor::kContains:
      return RE2::UNANCHORED;
  }
  return RE2::ANCHOR_BOTH;
}

RE2::Options PatternOptions(int64_t memory) {
  RE2::Options options(RE2::Quiet);
  options.set_case_sensitive(false);
  options.set_max_mem(memory);
  return options;
}

}  // namespace

bool IsLineKind(MailKind kind) {
  switch (kind) {
    case MailKind::kSeparator:
    case MailKind::kHeaderFrom:
    case MailKind::kHeaderField:
    case MailKind::kSignoff:
    case MailKind::kMobileFooter:
      return true;
    case MailKind::kAttribution:
    case MailKind::kQuoteAttribution:
    case MailKind::kDisclaimer:
    case MailKind::kFooterTerm:
      return false;
  }
  return false;
}

MailPatternSet::MailPatternSet()
    : live_per_kind_(kKindCount, 0),
      line_set_(std::make_unique<RE2::Set>(PatternOptions(kLineSetMemory), RE2::ANCHOR_BOTH)),
      window_filter_(kMinAtomBytes) {}

MailPatternSet::~MailPatternSet() = default;

int MailPatternSet::Add(MailKind kind, MailAnchor anchor, std::string_view pattern,
                        std::string& error) {
  const RE2::Options options = PatternOptions(kPatternMemory);
  const int id = static_cast<int>(entries_.size());
  int local_id = -1;
  if (IsLineKind(kind)) {
    if (anchor != MailAnchor::kWhole) {
      error = "a line kind must match whole lines";
      return -1;
    }
    auto re = std::make_unique<RE2>(pattern, options);
    if (!re->ok()) {
      error = re->error();
      return -1;
    }
    local_id = line_set_->Add(pattern, &error);
    if (local_id < 0) return -1;
    line_patterns_.push_back(std::move(re));
    line_ids_.push_back(id);
  } else {
    if (window_filter_.Add(pattern, options, &local_id) != RE2::NoError) {
      error = RE2(pattern, options).error();  // FilteredRE2 keeps only the code
      return -1;
    }
    window_ids_.push_back(id);
  }
  uint32_t& live = live_per_kind_[static_cast<size_t>(kind)];
  entries_.push_back({kind, anchor, true, live++, local_id});
  return id;
}

void MailPatternSet::Withdraw(int id) {
  Entry& entry = entries_[static_cast<size_t>(id)];
  entry.live = false;
  --live_per_kind_[static_cast<size_t>(entry.kind)];
}

bool MailPatternSet::Compile() {
  if (compiled_) return true;
  compiled_ = true;
  // FilteredRE2 logs an error when compiled empty.
  if (!window_ids_.empty()) {
    std::vector<std::string> atoms;
    window_filter_.Compile(&atoms);
    // RE2 lower-cases the atoms; folded, they compare with folded text byte for byte.
    for (std::string& atom : atoms) {
      std::string folded;
      AppendCaseFolded(atom, folded);
      atom = std::move(folded);
    }
    scanner_ = AtomScanner(atoms);
  }
  return line_ids_.empty() || line_set_->Compile();
}

void MailPatternSet::LineMatches(std::string_view text, std::vector<int>& ids) const {
  ids.clear();
  if (!compiled_ || line_ids_.empty()) return;
  std::vector<int> hits;
  RE2::Set::ErrorInfo info{};
  if (!line_set_->Match(text, &hits, &info) && info.kind != RE2::Set::kNoError) {
    // The set's DFA ran out of memory on this text: the patterns one by one.
    hits.clear();
    for (size_t i = 0; i < line_patterns_.size(); ++i) {
      if (RE2::FullMatch(text, *line_patterns_[i])) hits.push_back(static_cast<int>(i));
    }
  }
  for (int hit : hits) {
    const int id = line_ids_[static_cast<size_t>(hit)];
    if (entries_[static_cast<size_t>(id)].live) ids.push_back(id);
  }
  std::sort(ids.begin(), ids.end());
}

uint16_t MailPatternSet::LineKinds(std::string_view text) const {
  if (text.empty() || text.size() > kMaxTestedBytes) return 0;
  std::vector<int> ids;
  LineMatches(text, ids);
  uint16_t kinds = 0;
  for (int id : ids) kinds |= KindBit(entries_[static_cast<size_t>(id)].kind);
  return kinds;
}

void MailPatternSet::Candidates(const std::vector<int>& atoms, std::vector<int>& ids) const {
  ids.clear();
  if (!compiled_ || window_ids_.empty()) return;
  window_filter_.AllPotentials(atoms, &ids);
  for (int& local : ids) local = window_ids_[static_cast<size_t>(local)];
}

bool MailPatternSet::HasKind(MailKind kind, std::span<const int> ids) const {
  return std::any_of(ids.begin(), ids.end(), [&](int id) {
    const Entry& e = entries_[static_cast<size_t>(id)];
    return e.live && e.kind == kind;
  });
}

int MailPatternSet::FirstMatch(MailKind kind, std::string_view text,
                               std::span<const int> candidates) const {
  if (text.empty() || text.size() > kMaxTestedBytes) return -1;
  for (int id : candidates) {
    const Entry& e = entries_[static_cast<size_t>(id)];
    if (e.live && e.kind == kind && MatchesAlone(id, text)) return static_cast<int>(e.index);
  }
  return -1;
}

int MailPatternSet::FirstMatch(MailKind kind, std::string_view text) const {
  if (text.empty() || text.size() > kMaxTestedBytes) return -1;
  std::vector<int> ids;
  if (IsLineKind(kind)) {
    LineMatches(text, ids);
  } else {
    std::string folded;
    AppendCaseFolded(text, folded);
    std::vector<int> atoms;
    Atoms(folded, folded.size(), atoms);
    Candidates(atoms, ids);
  }
  for (int id : ids) {
    const Entry& e = entries_[static_cast<size_t>(id)];
    if (e.live && e.kind == kind && (IsLineKind(kind) || MatchesAlone(id, text))) {
      return static_cast<int>(e.index);
    }
  }
  return -1;
}

bool MailPatternSet::Passes(int id, std::string_view text) const {
  std::vector<int> ids;
  if (IsLineKind(entries_[static_cast<size_t>(id)].kind)) {
    LineMatches(text, ids);
  } else {
    std::string folded;
    AppendCaseFolded(text, folded);
    std::vector<int> atoms;
    Atoms(folded, folded.size(), atoms);
    Candidates(atoms, ids);
  }
  return std::binary_search(ids.begin(), ids.end(), id);
}

const RE2& MailPatternSet::Re2(int id) const {
  const Entry& e = entries_[static_cast<size_t>(id)];
  return IsLineKind(e.kind) ? *line_patterns_[static_cast<size_t>(e.local_id)]
                            : window_filter_.GetRE2(e.local_id);
}

bool MailPatternSet::MatchesAlone(int id, std::string_view text) const {
  const Entry& e = entries_[static_cast<size_t>(id)];
  return Re2(id).Match(text, 0, text.size(), Re2Anchor(e.anchor), nullptr, 0);
}

}  // namespace tonewatch
