#include "analyzers/lexicon/toml_fields.h"

#include <fmt/format.h>

#include <algorithm>

namespace tonewatch {

std::optional<std::string> TomlFields::String(std::string_view key, bool required) {
  const toml::node* n = table_.get(key);
  if (n == nullptr) {
    if (required) fail_(key, fmt::format("missing '{}'", key));
    return std::nullopt;
  }
  auto value = n->value<std::string>();
  if (!value) fail_(key, fmt::format("'{}' must be a string", key));
  return value;
}

std::vector<std::string> TomlFields::Strings(std::string_view key, size_t min_count) {
  std::vector<std::string> out;
  const toml::node* n = table_.get(key);
  const toml::array* array = n != nullptr ? n->as_array() : nullptr;
  if (array == nullptr) {
    fail_(key, min_count == 1
                   ? fmt::format("'{}' must be an array of at least one string", key)
                   : fmt::format("'{}' must be an array of at least {} strings", key, min_count));
    return out;
  }
  for (const toml::node& item : *array) {
    if (auto s = item.value<std::string>()) {
      out.push_back(*s);
    } else {
      fail_(key, fmt::format("'{}' holds a value that is not a string", key));
    }
  }
  if (out.size() < min_count) {
    fail_(key, min_count == 1 ? fmt::format("'{}' needs at least one example", key)
                              : fmt::format("'{}' needs at least {} examples, has {}", key,
                                            min_count, out.size()));
  }
  return out;
}

std::optional<bool> TomlFields::Bool(std::string_view key) {
  const toml::node* n = table_.get(key);
  if (n == nullptr) return std::nullopt;
  auto value = n->value<bool>();
  if (!value) fail_(key, fmt::format("{} must be true or false", key));
  return value;
}

void TomlFields::CheckKnown(std::initializer_list<std::string_view> known) {
  for (const auto& [key, value] : table_) {
    if (std::find(known.begin(), known.end(), key.str()) == known.end()) {
      fail_(key.str(), fmt::format("unknown field '{}'", key.str()));
    }
  }
}

int TomlFields::LineOf(std::string_view key, int fallback) const {
  const toml::node* n = table_.get(key);
  return n != nullptr ? static_cast<int>(n->source().begin.line) : fallback;
}

}  // namespace tonewatch
