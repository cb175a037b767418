// Loads the mail lexicon. toml++ throws; Parse below is its one seam in this file: every problem
// becomes a "file:line: reason" line in the collected list and nothing leaves LoadMailLexicon.
#include "analyzers/clean/mail_lexicon.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <set>

#include "analyzers/base/file.h"
#include "analyzers/base/hash.h"
#include "analyzers/lexicon/toml_fields.h"

namespace tonewatch {
namespace {

namespace fs = std::filesystem;

// A mail lexicon file is a few hundred lines; anything larger is a mistake.
constexpr uintmax_t kMaxFileBytes = 1024 * 1024;

struct KindSpec {
  std::string_view table;
  LinePatterns MailLexicon::*target;
  MailKind kind;
  MailAnchor anchor;
};

// The [[table]] names a file may hold, and where each goes. Attributions are split by
// `needs_quote` after reading.
constexpr std::array<KindSpec, 8> kKinds = {{
    {"separator", &MailLexicon::separators, MailKind::kSeparator, MailAnchor::kWhole},
    {"attribution", &MailLexicon::attributions, MailKind::kAttribution, MailAnchor::kWhole},
    {"header_from", &MailLexicon::header_from, MailKind::kHeaderFrom, MailAnchor::kWhole},
    {"header_field", &MailLexicon::header_fields, MailKind::kHeaderField, MailAnchor::kWhole},
    {"signoff", &MailLexicon::signoffs, MailKind::kSignoff, MailAnchor::kWhole},
    {"mobile_footer", &MailLexicon::mobile_footers, MailKind::kMobileFooter, MailAnchor::kWhole},
    {"disclaimer", &MailLexicon::disclaimers, MailKind::kDisclaimer, MailAnchor::kPrefix},
    {"footer_term", &MailLexicon::footer_terms, MailKind::kFooterTerm, MailAnchor::kContains},
}};
constexpr KindSpec kQuoteAttributions = {"attribution", &MailLexicon::quote_attributions,
                                         MailKind::kQuoteAttribution, MailAnchor::kWhole};

bool IsSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// An example as the cleaner would present it: each line trimmed, lines joined by one space.
std::string JoinExample(std::string_view example) {
  std::string out;
  size_t start = 0;
  while (start <= example.size()) {
    size_t end = example.find('\n', start);
    if (end == std::string_view::npos) end = example.size();
    std::string_view piece = TrimLine(example.substr(start, end - start));
    if (!piece.empty()) {
      if (!out.empty()) out += ' ';
      out.append(piece);
    }
    start = end + 1;
  }
  return out;
}

std::optional<toml::table> Parse(const std::string& bytes, const fs::path& path,
                                 std::vector<std::string>& problems) {
  try {
    return toml::parse(bytes, path.string());
  } catch (const toml::parse_error& e) {
    problems.push_back(
        fmt::format("{}:{}: {}", path.string(), e.source().begin.line, e.description()));
  }
  return std::nullopt;
}

// Reads one [[kind]] table's fields, noting every problem with its line.
class PatternReader {
 public:
  PatternReader(const toml::table& table, MailPattern base, std::vector<std::string>& problems)
      : table_(table),
        pattern_(std::move(base)),
        problems_(problems),
        fields_(table, [this](std::string_view key, std::string reason) { Fail(key, reason); }) {}

  std::optional<MailPattern> Read() {
    pattern_.language = fields_.String("lang", true).value_or("");
    pattern_.pattern = fields_.String("pattern", true).value_or("");
    if (table_.contains("pattern") && pattern_.pattern.empty()) Fail("pattern", "empty pattern");
    pattern_.match = fields_.Strings("match", 1);
    pattern_.no_match = fields_.Strings("no_match", 1);
    if (const toml::node* n = table_.get("needs_quote")) {
      if (pattern_.kind != "attribution") {
        Fail("needs_quote", "needs_quote is for [[attribution]] only");
      } else if (auto b = n->value<bool>()) {
        pattern_.needs_quote = *b;
      } else {
        Fail("needs_quote", "needs_quote must be true or false");
      }
    }
    CheckLanguage();
    fields_.CheckKnown({"lang", "pattern", "match", "no_match", "needs_quote"});
    return failed_ ? std::nullopt : std::optional<MailPattern>(std::move(pattern_));
  }

 private:
  void Fail(std::string_view key, std::string reason) {
    failed_ = true;
    const int line = fields_.LineOf(key, pattern_.line);
    problems_.push_back(
        fmt::format("{}:{}: [[{}]]: {}", pattern_.file, line, pattern_.kind, reason));
  }

  void CheckLanguage() {
    const std::string& lang = pattern_.language;
    const bool ok = lang == "any" || ((lang.size() == 2 || lang.size() == 3) &&
                                      std::all_of(lang.begin(), lang.end(),
                                                  [](char c) { return c >= 'a' && c <= 'z'; }));
    if (!lang.empty() && !ok) Fail("lang", "lang must be a lower-case ISO 639 code or \"any\"");
  }

  const toml::table& table_;
  MailPattern pattern_;
  std::vector<std::string>& problems_;
  TomlFields fields_;
  bool failed_ = false;
};

void ReadFileTables(const toml::table& table, const fs::path& path,
                    std::vector<MailPattern>& patterns, std::vector<std::string>& problems) {
  for (const auto& [key, node] : table) {
    const bool known = std::any_of(kKinds.begin(), kKinds.end(),
                                   [&](const KindSpec& k) { return k.table == key.str(); });
    const int line = static_cast<int>(node.source().begin.line);
    const toml::array* array = node.as_array();
    if (!known || array == nullptr) {
      problems.push_back(
          fmt::format("{}:{}: unknown table '{}' (expected one of [[separator]], "
                      "[[attribution]], [[header_from]], [[header_field]], "
                      "[[signoff]], [[mobile_footer]], [[disclaimer]], [[footer_term]])",
                      path.string(), line, key.str()));
      continue;
    }
    for (const toml::node& item : *array) {
      const toml::table* t = item.as_table();
      const int item_line = static_cast<int>(item.source().begin.line);
      if (t == nullptr) {
        problems.push_back(fmt::format("{}:{}: '{}' must be an array of tables", path.string(),
                                       item_line, key.str()));
        continue;
      }
      MailPattern base;
      base.kind = std::string(key.str());
      base.file = path.string();
      base.line = item_line;
      if (auto p = PatternReader(*t, std::move(base), problems).Read()) {
        patterns.push_back(std::move(*p));
      }
    }
  }
}

}  // namespace

// Builds LinePatterns; a class so that it can be LinePatterns' friend.
class MailLexiconBuilder {
 public:
  static void Start(LinePatterns& list, const KindSpec& spec) {
    list.kind_ = spec.kind;
    list.anchor_ = spec.anchor;
  }

  static void Add(LinePatterns& list, MailPatternSet& set, MailPattern pattern,
                  std::vector<std::string>& problems) {
    const std::string where =
        fmt::format("{}:{}: [[{}]]", pattern.file, pattern.line, pattern.kind);
    std::string error;
    const int id = set.Add(list.kind_, list.anchor_, pattern.pattern, error);
    if (id < 0) {
      problems.push_back(fmt::format("{}: pattern does not compile: {}", where, error));
      return;
    }
    if (set.MatchesAlone(id, "")) {
      problems.push_back(fmt::format("{}: pattern matches the empty string", where));
      set.Withdraw(id);
      return;
    }
    list.patterns_.push_back(std::move(pattern));
    list.ids_.push_back(id);
  }

  static void Finish(LinePatterns& list, std::shared_ptr<const MailPatternSet> set) {
    list.set_ = std::move(set);
  }

  // Each example must behave with this pattern alone, as the cleaner joins lines; and a text
  // the pattern matches must get past the prefilter, or the cleaner would never try it.
  static void CheckExamples(const LinePatterns& list, std::vector<std::string>& problems) {
    for (size_t i = 0; i < list.patterns_.size(); ++i) {
      const MailPattern& p = list.patterns_[i];
      for (const std::string& example : p.match) {
        const std::string text = JoinExample(example);
        if (!MatchesOne(list, i, text)) {
          problems.push_back(fmt::format("{}:{}: [[{}]]: match example \"{}\" does not match",
                                         p.file, p.line, p.kind, example));
        } else if (!PassesPrefilter(list, i, text)) {
          problems.push_back(fmt::format(
              "{}:{}: [[{}]]: match example \"{}\" matches, but the prefilter drops it (a bug "
              "in tonewatch's prefilter, not in the pattern)",
              p.file, p.line, p.kind, example));
        }
      }
      for (const std::string& example : p.no_match) {
        if (MatchesOne(list, i, JoinExample(example))) {
          problems.push_back(fmt::format("{}:{}: [[{}]]: no_match example \"{}\" matches", p.file,
                                         p.line, p.kind, example));
        }
      }
    }
  }

 private:
  static bool MatchesOne(const LinePatterns& list, size_t i, std::string_view text) {
    if (text.size() > LinePatterns::kMaxTestedBytes) return false;
    return list.set_->MatchesAlone(list.ids_[i], text);
  }

  static bool PassesPrefilter(const LinePatterns& list, size_t i, std::string_view text) {
    return list.set_->Passes(list.ids_[i], text);
  }
};

int LinePatterns::FirstMatch(std::string_view text) const {
  return set_ == nullptr ? -1 : set_->FirstMatch(kind_, text);
}

std::string_view TrimLine(std::string_view line) {
  auto nbsp_at = [&](size_t i) {
    return i + 1 < line.size() && line[i] == '\xC2' && line[i + 1] == '\xA0';
  };
  while (!line.empty()) {
    if (IsSpace(static_cast<unsigned char>(line.front()))) {
      line.remove_prefix(1);
    } else if (nbsp_at(0)) {
      line.remove_prefix(2);
    } else {
      break;
    }
  }
  while (!line.empty()) {
    if (IsSpace(static_cast<unsigned char>(line.back()))) {
      line.remove_suffix(1);
    } else if (line.size() >= 2 && nbsp_at(line.size() - 2)) {
      line.remove_suffix(2);
    } else {
      break;
    }
  }
  return line;
}

fs::path MailLexiconFolder(const fs::path& lexicons_root) { return lexicons_root / "mail"; }

Result<MailLexicon> LoadMailLexicon(const fs::path& lexicons_root) {
  const fs::path folder = MailLexiconFolder(lexicons_root);
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    return Err(ErrorCode::kBadLexicon, folder.string(), "no mail lexicon folder here",
               "pass --lexicons DIR or set TONEWATCH_LEXICONS");
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());

  MailLexicon lexicon;
  std::vector<std::string> problems;
  std::vector<MailPattern> patterns;
  Fnv1a hash;
  for (const fs::path& path : files) {
    std::string read_error;
    auto bytes = ReadSmallFile(path, kMaxFileBytes, &read_error);
    if (!bytes) {
      problems.push_back(fmt::format("{}:1: {}", path.string(), read_error));
      continue;
    }
    hash.Add(path.filename().string());
    hash.Add(std::string_view("\0", 1));
    hash.Add(*bytes);
    if (auto table = Parse(*bytes, path, problems)) {
      ++lexicon.file_count;
      ReadFileTables(*table, path, patterns, problems);
    }
  }
  auto set = std::make_shared<MailPatternSet>();
  for (const KindSpec& k : kKinds) MailLexiconBuilder::Start(lexicon.*k.target, k);
  MailLexiconBuilder::Start(lexicon.quote_attributions, kQuoteAttributions);
  for (MailPattern& p : patterns) {
    LinePatterns* target = nullptr;
    if (p.kind == "attribution" && p.needs_quote) {
      target = &lexicon.quote_attributions;
    } else {
      for (const KindSpec& k : kKinds) {
        if (k.table == p.kind) target = &(lexicon.*k.target);
      }
    }
    MailLexiconBuilder::Add(*target, *set, std::move(p), problems);
  }
  if (!set->Compile()) {
    problems.push_back(fmt::format(
        "{}: the line patterns ([[separator]], [[header_from]], [[header_field]], [[signoff]], "
        "[[mobile_footer]]) do not fit the memory budget together",
        folder.string()));
  }
  for (const KindSpec& k : {kKinds[0], kKinds[1], kKinds[2], kKinds[3], kKinds[4], kKinds[5],
                            kKinds[6], kKinds[7], kQuoteAttributions}) {
    LinePatterns& list = lexicon.*k.target;
    MailLexiconBuilder::Finish(list, set);
    MailLexiconBuilder::CheckExamples(list, problems);
    if (list.size() == 0 && problems.empty() && k.kind != MailKind::kQuoteAttribution) {
      problems.push_back(
          fmt::format("{}: no [[{}]] patterns in any file", folder.string(), k.table));
    }
  }
  lexicon.patterns = std::move(set);
  if (!problems.empty()) {
    std::string joined;
    for (const auto& p : problems) joined += fmt::format("{}{}", joined.empty() ? "" : "\n", p);
    return Err(ErrorCode::kBadLexicon, folder.string(),
               fmt::format("{} problem(s) in the mail lexicon:\n{}", problems.size(), joined),
               "fix the lines above");
  }
  lexicon.hash = hash.Hex();
  return lexicon;
}

}  // namespace tonewatch
