// Loads lexicon TOML files. toml++ throws; this file is its one seam: parse errors become lines in
// the collected problem list and never leave LoadLexicon.
#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <set>

#include "analyzers/base/file.h"
#include "analyzers/base/hash.h"
#include "analyzers/lexicon/lexicon.h"
#include "analyzers/lexicon/toml_fields.h"

namespace tonewatch {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kLanguageFile = "language.toml";
constexpr int kMinExamples = 2;
constexpr int kMaxPoints = 40;
constexpr int kMaxRepairPoints = 30;
constexpr int kMaxBoost = 100;
// A lexicon file is small; anything larger is a mistake (or not a lexicon).
constexpr uintmax_t kMaxFileBytes = 4 * 1024 * 1024;

class Problems {
 public:
  void Add(std::string line) { lines_.push_back(std::move(line)); }
  bool empty() const { return lines_.empty(); }
  std::string Joined() const {
    std::string out;
    for (const auto& l : lines_) {
      if (!out.empty()) out += '\n';
      out += l;
    }
    return out;
  }
  size_t size() const { return lines_.size(); }

 private:
  std::vector<std::string> lines_;
};

int LineOf(const toml::node* node, int fallback) {
  return node != nullptr ? static_cast<int>(node->source().begin.line) : fallback;
}

std::optional<toml::table> Parse(const std::string& bytes, const fs::path& path,
                                 Problems& problems) {
  try {
    return toml::parse(bytes, path.string());
  } catch (const toml::parse_error& e) {
    problems.Add(fmt::format("{}:{}: {}", path.string(), e.source().begin.line, e.description()));
  }
  return std::nullopt;
}

// Reads rule fields, noting every problem with the rule's location.
std::optional<RuleTarget> ParseRuleTarget(std::string_view name) {
  if (name == "any") return RuleTarget::kAny;
  if (name == "person") return RuleTarget::kPerson;
  if (name == "exchange") return RuleTarget::kExchange;
  if (name == "reader") return RuleTarget::kReader;
  return std::nullopt;
}

class RuleReader {
 public:
  RuleReader(const toml::table& table, std::string file, int line, Problems& problems)
      : table_(table),
        problems_(problems),
        fields_(table, [this](std::string_view key, std::string reason) { Fail(key, reason); }) {
    rule_.file = std::move(file);
    rule_.line = line;
  }

  std::optional<Rule> Read() {
    rule_.id = String("id", true).value_or("");
    const std::string category = String("category", true).value_or("");
    auto parsed = ParseCategory(category);
    if (!category.empty() && !parsed)
      Fail("category", fmt::format("unknown category '{}'", category));
    if (parsed) rule_.category = *parsed;
    CheckId(parsed);
    ReadPoints(parsed);
    rule_.pattern = String("pattern", true).value_or("");
    if (table_.contains("pattern") && rule_.pattern.empty()) Fail("pattern", "pattern is empty");
    rule_.why = String("why", true).value_or("");
    const bool suggestion_required =
        parsed && *parsed != Category::kIntensity && *parsed != Category::kRepair;
    rule_.suggestion = String("suggestion", suggestion_required);
    rule_.match = Strings("match");
    rule_.no_match = Strings("no_match");
    rule_.unless_before = String("unless_before", false).value_or("");
    rule_.unless_after = String("unless_after", false).value_or("");
    if (auto negatable = fields_.Bool("negatable")) rule_.negatable = *negatable;
    if (auto target = String("target", false)) {
      if (auto parsed_target = ParseRuleTarget(*target)) {
        rule_.target = *parsed_target;
      } else {
        Fail("target",
             fmt::format("unknown target '{}' (any, person, exchange or reader)", *target));
      }
    }
    if (auto alone = fields_.Bool("alone")) rule_.alone = *alone;
    if (auto company = fields_.Bool("company")) rule_.company = *company;
    fields_.CheckKnown({"id", "category", "points", "pattern", "why", "suggestion", "match",
                        "no_match", "negatable", "unless_before", "unless_after", "target", "alone",
                        "company"});
    return failed_ ? std::nullopt : std::optional<Rule>(std::move(rule_));
  }

 private:
  void Fail(std::string_view key, std::string reason) {
    failed_ = true;
    const int line = fields_.LineOf(key, rule_.line);
    problems_.Add(fmt::format("{}:{}: rule {}: {}", rule_.file, line,
                              rule_.id.empty() ? "<no id>" : rule_.id, reason));
  }

  std::optional<std::string> String(std::string_view key, bool required) {
    return fields_.String(key, required);
  }
  std::vector<std::string> Strings(std::string_view key) {
    return fields_.Strings(key, static_cast<size_t>(kMinExamples));
  }

  void CheckId(std::optional<Category> category) {
    if (rule_.id.empty()) return;
    const auto dot = rule_.id.find('.');
    const bool shape_ok = dot != std::string::npos && dot + 1 < rule_.id.size() &&
                          std::all_of(rule_.id.begin() + dot + 1, rule_.id.end(), [](char c) {
                            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
                          });
    if (!shape_ok) {
      Fail("id", "id must be 'category.slug' with [a-z0-9-] in the slug");
      return;
    }
    if (category && rule_.id.substr(0, dot) != CategoryName(*category)) {
      Fail("id", fmt::format("id prefix '{}' differs from category '{}'", rule_.id.substr(0, dot),
                             CategoryName(*category)));
    }
  }

  void ReadPoints(std::optional<Category> category) {
    const toml::node* n = table_.get("points");
    if (n == nullptr) {
      Fail("points", "missing 'points'");
      return;
    }
    auto value = n->value<int64_t>();
    if (!value) {
      Fail("points", "'points' must be an integer");
      return;
    }
    rule_.points = static_cast<int>(std::clamp<int64_t>(*value, -1000, 1000));
    if (!category) return;
    if (*category == Category::kRepair) {
      if (*value > -1 || *value < -kMaxRepairPoints) {
        Fail("points", fmt::format("repair points must be -1..-{}", kMaxRepairPoints));
      }
    } else if (*category == Category::kIntensity) {
      if (*value < 1 || *value > kMaxBoost) {
        Fail("points", fmt::format("intensity points are a percentage boost, 1..{}", kMaxBoost));
      }
    } else if (*value < 1 || *value > kMaxPoints) {
      Fail("points", fmt::format("points must be 1..{}", kMaxPoints));
    }
  }

  const toml::table& table_;
  Problems& problems_;
  TomlFields fields_;
  Rule rule_;
  bool failed_ = false;
};

void ReadRules(const toml::table& table, const fs::path& path, Problems& problems,
               std::vector<Rule>& rules) {
  const toml::node* node = table.get("rule");
  const toml::array* array = node != nullptr ? node->as_array() : nullptr;
  if (array == nullptr) {
    problems.Add(fmt::format("{}:1: no [[rule]] tables in a rule file", path.string()));
    return;
  }
  for (const toml::node& item : *array) {
    const toml::table* rule_table = item.as_table();
    const int line = LineOf(&item, 1);
    if (rule_table == nullptr) {
      problems.Add(fmt::format("{}:{}: 'rule' must be an array of tables", path.string(), line));
      continue;
    }
    if (auto rule = RuleReader(*rule_table, path.string(), line, problems).Read()) {
      rules.push_back(std::move(*rule));
    }
  }
}

std::vector<std::string> StringList(const toml::table& table, std::string_view section,
                                    std::string_view key, const fs::path& path,
                                    Problems& problems) {
  std::vector<std::string> out;
  const toml::node* n = table.at_path(fmt::format("{}.{}", section, key)).node();
  if (n == nullptr) return out;
  const toml::array* array = n->as_array();
  if (array == nullptr) {
    problems.Add(fmt::format("{}:{}: {}.{} must be an array of strings", path.string(),
                             LineOf(n, 1), section, key));
    return out;
  }
  for (const toml::node& item : *array) {
    if (auto s = item.value<std::string>()) out.push_back(*s);
  }
  return out;
}

template <typename T>
void Scalar(const toml::table& table, std::string_view dotted, T& into) {
  if (auto v = table.at_path(dotted).value<T>()) into = *v;
}

// [target] of language.toml: whom a sentence speaks to, and when a cue is held back.
void ReadTarget(const toml::table& t, const fs::path& path, Problems& problems,
                LanguageData& data) {
  auto list = [&](std::string_view section, std::string_view key) {
    return StringList(t, section, key, path, problems);
  };
  data.reader_words = list("target", "reader_words");
  data.writer_words = list("target", "writer_words");
  data.request_words = list("target", "request_words");
  data.exchange_words = list("target", "exchange_words");
  data.imperative_verbs = list("target", "imperative_verbs");
  data.demand_frames = list("target", "demand_frames");
  Scalar(t, "target.commitment", data.commitment_pattern);
  Scalar(t, "target.reported", data.reported_pattern);
  Scalar(t, "target.technical", data.technical_pattern);
  Scalar(t, "target.optional", data.optional_pattern);
  Scalar(t, "target.broadcast", data.broadcast_pattern);
  data.commitment_categories = list("target", "commitment_categories");
  data.question_categories = list("target", "question_categories");
  data.optional_categories = list("target", "optional_categories");
  data.broadcast_categories = list("target", "broadcast_categories");
  data.company_categories = list("target", "company_categories");
  Scalar(t, "target.company_points", data.company_points);
  if (const toml::table* notes = t.at_path("target.notes").as_table()) {
    for (const auto& [reason, value] : *notes) {
      if (auto text = value.value<std::string>()) data.target_notes.emplace(reason.str(), *text);
    }
  }
  if (const toml::table* defaults = t.at_path("target.defaults").as_table()) {
    for (const auto& [category, value] : *defaults) {
      const auto target = ParseRuleTarget(value.value<std::string>().value_or(""));
      if (!ParseCategory(category.str()) || !target) {
        problems.Add(
            fmt::format("{}:{}: target.defaults: '{}' needs a category and any, person, "
                        "exchange or reader",
                        path.string(), LineOf(&value, 1), category.str()));
      } else {
        data.category_targets.emplace(std::string(category.str()), *target);
      }
    }
  }
}

void ReadLanguage(const toml::table& t, const fs::path& path, Problems& problems,
                  LanguageData& data) {
  auto list = [&](std::string_view section, std::string_view key) {
    return StringList(t, section, key, path, problems);
  };
  data.negators = list("negation", "negators");
  data.clause_breaks = list("negation", "clause_breaks");
  Scalar(t, "negation.window", data.negation_window);
  data.contrast_words = list("contrast", "words");
  data.you_subjects = list("you_language", "subjects");
  data.you_fillers = list("you_language", "fillers");
  data.you_blame = list("you_language", "blame");
  data.you_benign_before = list("you_language", "benign_before");
  data.you_benign_after = list("you_language", "benign_after");
  Scalar(t, "you_language.rule_id", data.you_rule_id);
  Scalar(t, "you_language.points", data.you_points);
  Scalar(t, "you_language.why", data.you_why);
  Scalar(t, "you_language.suggestion", data.you_suggestion);
  Scalar(t, "caps.min_letters", data.caps_min_letters);
  Scalar(t, "caps.boost", data.caps_boost);
  Scalar(t, "caps.why", data.caps_why);
  data.acronyms = list("caps", "acronyms");
  Scalar(t, "caps.run_points", data.caps_run_points);
  data.caps_emphasis = list("caps", "emphasis");
  Scalar(t, "caps.dictionary", data.caps_dictionary);
  Scalar(t, "caps.short_words", data.caps_short_words);
  ReadTarget(t, path, problems, data);
  data.senior_markers = list("thread", "senior_markers");
  data.legal_markers = list("thread", "legal_markers");
  Scalar(t, "thread.call_opening", data.call_opening);
  Scalar(t, "thread.call_opening_no_name", data.call_opening_no_name);
  data.plan_steps = list("plan", "steps");
  if (const toml::table* advice = t.at_path("plan.advice").as_table()) {
    for (const auto& [category, value] : *advice) {
      if (!ParseCategory(category.str())) {
        problems.Add(fmt::format("{}:{}: plan.advice: unknown category '{}'", path.string(),
                                 LineOf(&value, 1), category.str()));
      } else if (auto text = value.value<std::string>()) {
        data.plan_advice.emplace(std::string(category.str()), *text);
      }
    }
  }
  if (data.negation_window < 1 || data.negation_window > 8) {
    problems.Add(fmt::format("{}:1: negation.window must be 1..8", path.string()));
  }
}

}  // namespace

std::string Rule::Where() const { return fmt::format("{}:{}: rule {}", file, line, id); }

Result<Lexicon> LoadLexicon(const fs::path& root, std::string_view language) {
  const fs::path folder = root / std::string(language);
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    return Err(ErrorCode::kBadLexicon, folder.string(), "no lexicon folder here",
               "pass --lexicons DIR or set TONEWATCH_LEXICONS");
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());

  Lexicon lexicon;
  lexicon.language = std::string(language);
  lexicon.folder = folder;
  Problems problems;
  Fnv1a hash;
  bool saw_language_file = false;
  for (const fs::path& path : files) {
    std::string read_error;
    auto bytes = ReadSmallFile(path, kMaxFileBytes, &read_error);
    if (!bytes) {
      problems.Add(fmt::format("{}:1: {}", path.string(), read_error));
      continue;
    }
    hash.Add(path.filename().string());
    hash.Add(std::string_view("\0", 1));
    hash.Add(*bytes);
    auto table = Parse(*bytes, path, problems);
    if (!table) continue;
    ++lexicon.file_count;
    if (path.filename() == kLanguageFile) {
      saw_language_file = true;
      ReadLanguage(*table, path, problems, lexicon.data);
    } else {
      ReadRules(*table, path, problems, lexicon.rules);
    }
  }
  if (!saw_language_file) {
    problems.Add(fmt::format("{}:1: missing {}", (folder / kLanguageFile).string(), kLanguageFile));
  }
  std::set<std::string, std::less<>> seen;
  for (const Rule& rule : lexicon.rules) {
    if (!seen.insert(rule.id).second) problems.Add(fmt::format("{}: duplicate id", rule.Where()));
  }
  if (lexicon.rules.empty() && problems.empty()) {
    problems.Add(fmt::format("{}: no rules", folder.string()));
  }
  if (!problems.empty()) {
    return Err(ErrorCode::kBadLexicon, folder.string(),
               fmt::format("{} problem(s) in the lexicon:\n{}", problems.size(), problems.Joined()),
               "fix the lines above; `tonewatch check-lexicon` re-checks");
  }
  lexicon.hash = hash.Hex();
  return lexicon;
}

}  // namespace tonewatch
