#include "analyzers/analysis/dictionary.h"

#include <hunspell.h>

#include <filesystem>

#include "analyzers/analysis/words.h"

namespace tonewatch {

std::unique_ptr<Dictionary> Dictionary::Open(const std::string& base) {
  std::error_code ec;
  const std::string aff = base + ".aff";
  const std::string dic = base + ".dic";
  if (base.empty() || !std::filesystem::is_regular_file(aff, ec) ||
      !std::filesystem::is_regular_file(dic, ec)) {
    return nullptr;
  }
  Hunhandle* handle = Hunspell_create(aff.c_str(), dic.c_str());
  if (handle == nullptr) return nullptr;
  return std::unique_ptr<Dictionary>(new Dictionary(handle));
}

Dictionary::~Dictionary() { Hunspell_destroy(handle_); }

bool Dictionary::IsWord(std::string_view word) const {
  // Lower case first: hunspell accepts "FPGA" when the dictionary lists it in capitals, and an
  // acronym listed so is exactly what must not count as shouting.
  const std::string lower = AsciiLower(word);
  std::lock_guard<std::mutex> lock(mutex_);
  return Hunspell_spell(handle_, lower.c_str()) != 0;
}

}  // namespace tonewatch
