#pragma once

#include <toml++/toml.h>

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tonewatch {

// Typed access to the fields of one TOML table of a data file (a lexicon rule, a mail pattern),
// reporting every problem through `fail(key, reason)` instead of stopping at the first. The data
// loaders' shared field reading; toml++'s parse exceptions stay in each loader's seam.
class TomlFields {
 public:
  using Fail = std::function<void(std::string_view key, std::string reason)>;

  TomlFields(const toml::table& table, Fail fail) : table_(table), fail_(std::move(fail)) {}

  // The string at `key`; nullopt when absent (a problem if `required`) or not a string.
  std::optional<std::string> String(std::string_view key, bool required);

  // The array of strings at `key`, which must hold at least `min_count` of them.
  std::vector<std::string> Strings(std::string_view key, size_t min_count);

  // The bool at `key`; nullopt when absent or not a bool (a problem).
  std::optional<bool> Bool(std::string_view key);

  // Reports every key not in `known`.
  void CheckKnown(std::initializer_list<std::string_view> known);

  // The line of `key`'s value, or `fallback` when the key is absent.
  int LineOf(std::string_view key, int fallback) const;

 private:
  const toml::table& table_;
  Fail fail_;
};

}  // namespace tonewatch
