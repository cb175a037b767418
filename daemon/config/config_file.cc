#include "daemon/config/config_file.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <system_error>
#include <vector>

#include "analyzers/base/file.h"
#include "analyzers/lexicon/toml_fields.h"

namespace tonewatch::daemon {
namespace {

namespace fs = std::filesystem;

struct Problem {
  int line = 0;
  std::string reason;
};

// Reads the keys of one table of the file into typed values, noting every problem with the line
// it is on instead of stopping at the first, so one run shows every mistake. Strings and the
// unknown-key check are TomlFields'; numbers and paths are the config's own.
class TableReader {
 public:
  TableReader(const toml::table& table, std::string prefix, const fs::path& dir,
              const RuntimeEnv& env, std::vector<Problem>& problems)
      : table_(table),
        prefix_(std::move(prefix)),
        dir_(dir),
        env_(env),
        problems_(problems),
        fields_(table, [this](std::string_view key, std::string reason) {
          Fail(key, std::move(reason));
        }) {}

  std::optional<std::string> String(std::string_view key) { return fields_.String(key, false); }

  std::optional<std::vector<std::string>> Strings(std::string_view key) {
    const toml::node* node = table_.get(key);
    if (node == nullptr) return std::nullopt;
    // Checked here because TomlFields words this for lexicon examples ("at least N strings").
    if (!node->is_array()) {
      Fail(key, fmt::format("'{}' must be an array of strings, like [\"...\"]", Name(key)));
      return std::nullopt;
    }
    return fields_.Strings(key, 0);
  }

  std::optional<std::string> Path(std::string_view key) {
    auto raw = String(key);
    return raw ? Resolve(key, *raw) : std::nullopt;
  }

  std::optional<std::vector<std::string>> Paths(std::string_view key) {
    auto raw = Strings(key);
    if (!raw) return std::nullopt;
    std::vector<std::string> out;
    for (const std::string& path : *raw) {
      if (auto resolved = Resolve(key, path)) out.push_back(*resolved);
    }
    return out;
  }

  std::optional<int64_t> Int(std::string_view key, int64_t min, int64_t max) {
    const toml::node* node = table_.get(key);
    if (node == nullptr) return std::nullopt;
    const toml::value<int64_t>* value = node->as_integer();
    if (value == nullptr) {
      Fail(key, fmt::format("'{}' must be a whole number", Name(key)));
      return std::nullopt;
    }
    if (value->get() < min || value->get() > max) {
      Fail(key,
           fmt::format("'{}' must be from {} to {}, not {}", Name(key), min, max, value->get()));
      return std::nullopt;
    }
    return value->get();
  }

  // An integer or a float, so "unanswered_hours = 4" and "= 0.5" both work.
  std::optional<double> Number(std::string_view key, double min, double max) {
    const toml::node* node = table_.get(key);
    if (node == nullptr) return std::nullopt;
    std::optional<double> value;
    if (const auto* i = node->as_integer()) value = static_cast<double>(i->get());
    if (const auto* f = node->as_floating_point()) value = f->get();
    if (!value) {
      Fail(key, fmt::format("'{}' must be a number", Name(key)));
    } else if (!(*value >= min && *value <= max)) {  // written so NaN is refused too
      Fail(key, fmt::format("'{}' must be from {} to {}, not {}", Name(key), min, max, *value));
      value.reset();
    }
    return value;
  }

  // Reports every key not in `known`, and remembers them for the error's hint.
  void CheckKnown(std::initializer_list<std::string_view> known) {
    const size_t before = problems_.size();
    fields_.CheckKnown(known);
    if (problems_.size() == before) return;
    std::vector<std::string_view> names(known);
    unknown_hint_ = fmt::format("{}keys are: {}", prefix_.empty() ? "top-level " : "[thread] ",
                                fmt::join(names, ", "));
  }

  void Fail(std::string_view key, std::string reason) {
    // A key that is absent (a cross-check on a default) is reported on its table's line.
    const int table_line = std::max(1, static_cast<int>(table_.source().begin.line));
    problems_.push_back({fields_.LineOf(key, table_line), std::move(reason)});
  }

  std::string Name(std::string_view key) const { return prefix_ + std::string(key); }
  const std::string& unknown_hint() const { return unknown_hint_; }

 private:
  std::optional<std::string> Resolve(std::string_view key, const std::string& raw) {
    auto resolved = ResolvePath(raw, dir_, env_);
    if (!resolved) {
      Fail(key, raw.empty()
                    ? fmt::format("'{}' holds an empty path", Name(key))
                    : fmt::format("'{}': '{}' needs $HOME, which is not set", Name(key), raw));
    }
    return resolved;
  }

  const toml::table& table_;
  std::string prefix_;
  const fs::path& dir_;
  const RuntimeEnv& env_;
  std::vector<Problem>& problems_;
  TomlFields fields_;
  std::string unknown_hint_;
};

void ReadThread(TableReader& r, ThreadModelOptions& t) {
  struct IntKey {
    std::string_view key;
    int ThreadModelOptions::*field;
    int min;
    int max;
  };
  // Bounds that keep the model meaningful: a trend needs two points, heat is 0..100.
  static constexpr IntKey kInts[] = {
      {"hot_heat", &ThreadModelOptions::hot_heat, 1, 100},
      {"min_messages_for_trend", &ThreadModelOptions::min_messages_for_trend, 2, 1000},
      {"trend_window", &ThreadModelOptions::trend_window, 2, 1000},
      {"trend_delta", &ThreadModelOptions::trend_delta, 1, 100},
      {"sustained_count", &ThreadModelOptions::sustained_count, 1, 100},
      {"sustained_window", &ThreadModelOptions::sustained_window, 1, 100},
      {"fast_messages", &ThreadModelOptions::fast_messages, 2, 100'000},
  };
  for (const IntKey& k : kInts) {
    if (auto v = r.Int(k.key, k.min, k.max)) t.*k.field = static_cast<int>(*v);
  }
  if (auto v = r.Number("half_life_messages", 0.1, 1000)) t.half_life_messages = *v;
  const double max_hours = DaemonConfig::kMaxHours;
  if (auto v = r.Number("unanswered_hours", 0, max_hours)) t.unanswered_after_ms = HoursToMs(*v);
  if (auto v = r.Number("fast_window_hours", 0.1, max_hours)) t.fast_window_ms = HoursToMs(*v);
  if (t.sustained_count > t.sustained_window) {
    r.Fail("sustained_count", fmt::format("'thread.sustained_count' ({}) is more than "
                                          "'thread.sustained_window' ({})",
                                          t.sustained_count, t.sustained_window));
  }
  r.CheckKnown({"hot_heat", "unanswered_hours", "half_life_messages", "min_messages_for_trend",
                "trend_window", "trend_delta", "sustained_count", "sustained_window",
                "fast_messages", "fast_window_hours"});
}

void ReadTop(TableReader& r, DaemonConfig& c) {
  if (auto v = r.Paths("watch")) c.watch = std::move(*v);
  if (auto v = r.Strings("me")) c.me = std::move(*v);
  if (auto v = r.Path("socket")) c.socket = std::move(*v);
  if (auto v = r.Path("database")) c.database = std::move(*v);
  if (auto v = r.Path("lexicons")) c.lexicons = std::move(*v);
  if (auto v = r.Int("min_heat", 0, 100)) c.min_heat = static_cast<int>(*v);
  if (auto v = r.Int("workers", 1, DaemonConfig::kMaxWorkers)) c.workers = static_cast<int>(*v);
  if (auto v = r.Int("rescan_minutes", 0, DaemonConfig::kMaxRescanMinutes)) {
    c.rescan_interval = std::chrono::minutes(*v);
  }
  if (auto v = r.Int("batch_messages", 1, DaemonConfig::kMaxBatchMessages)) {
    c.batch_messages = static_cast<int>(*v);
  }
  if (auto v = r.String("log_level")) {
    if (auto level = ParseLogLevel(*v)) {
      c.log_level = *level;
    } else {
      r.Fail("log_level", fmt::format("'log_level' must be error, warning, info or debug, not "
                                      "'{}'",
                                      *v));
    }
  }
  r.CheckKnown({"watch", "me", "socket", "database", "lexicons", "min_heat", "workers",
                "rescan_minutes", "batch_messages", "log_level", "thread"});
}

Error ProblemsError(const std::string& file, std::vector<Problem> problems, std::string hint) {
  std::stable_sort(problems.begin(), problems.end(),
                   [](const Problem& a, const Problem& b) { return a.line < b.line; });
  std::string message = problems.front().reason;
  for (size_t i = 1; i < problems.size(); ++i) {
    message += fmt::format("\n{}:{}: {}", file, problems[i].line, problems[i].reason);
  }
  return Err(ErrorCode::kBadInput, fmt::format("{}:{}", file, problems.front().line), message,
             std::move(hint));
}

Result<toml::table> ParseToml(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    return Err(ErrorCode::kNotFound, path.string(), "no such config file");
  }
  std::string reason;
  auto bytes = ReadSmallFile(path, kMaxConfigFileBytes, &reason);
  if (!bytes) return Err(ErrorCode::kUnreadable, path.string(), reason);
  try {
    return toml::parse(*bytes, path.string());
  } catch (const toml::parse_error& e) {
    return Err(ErrorCode::kBadInput, fmt::format("{}:{}", path.string(), e.source().begin.line),
               std::string(e.description()));
  }
}

}  // namespace

Result<DaemonConfig> ApplyConfigFile(const fs::path& path, const RuntimeEnv& env,
                                     DaemonConfig base) {
  std::error_code ec;
  const fs::path file = fs::absolute(path, ec).lexically_normal();
  auto root = ParseToml(file);
  if (!root) return root.error();

  std::vector<Problem> problems;
  const fs::path dir = file.parent_path();
  TableReader top(*root, "", dir, env, problems);
  ReadTop(top, base);
  std::string hint = top.unknown_hint();
  if (const toml::node* thread = root->get("thread")) {
    if (const toml::table* table = thread->as_table()) {
      TableReader reader(*table, "thread.", dir, env, problems);
      ReadThread(reader, base.thread);
      if (!reader.unknown_hint().empty()) {
        hint += (hint.empty() ? "" : "; ") + reader.unknown_hint();
      }
    } else {
      top.Fail("thread", "'thread' must be a table ([thread])");
    }
  }
  if (!problems.empty()) return ProblemsError(file.string(), std::move(problems), hint);
  base.config_file = file.string();
  return base;
}

}  // namespace tonewatch::daemon
