#pragma once

// Helpers for the mail-cleaning suites: the real mail lexicon (loaded once), fixture files, and a
// temp folder for broken-lexicon tests.

#include <filesystem>
#include <string>
#include <string_view>

#include "analyzers/clean/cleaner.h"

namespace tonewatch::clean_testing {

// lexicons/mail of the source tree, loaded once per process. Fails the calling test (and returns an
// empty lexicon, which removes nothing) when it does not load.
const MailLexicon& RealMailLexicon();

// tests/clean/fixtures/`name`, read whole; fails the calling test when it cannot be read.
std::string ReadFixture(std::string_view name);
std::filesystem::path FixturePath(std::string_view name);

// A fresh folder under the system temp folder, removed with its contents on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

void WriteFile(const std::filesystem::path& path, std::string_view bytes);

// Cleans `text` with the real lexicon.
CleanedBody Plain(std::string_view text);
CleanedBody Html(std::string_view html);

}  // namespace tonewatch::clean_testing
