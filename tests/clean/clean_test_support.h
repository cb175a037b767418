#pragma once

// Helpers for the mail-cleaning suites: the real mail lexicon (loaded once), fixture files, and a
// temp folder for broken-lexicon tests.

#include <filesystem>
#include <string>
#include <string_view>

#include "analyzers/clean/cleaner.h"
#include "tests/support/test_support.h"

namespace tonewatch::clean_testing {

// lexicons/mail of the source tree, loaded once per process. Fails the calling test (and returns an
// empty lexicon, which removes nothing) when it does not load.
const MailLexicon& RealMailLexicon();

// tests/clean/fixtures/`name`, read whole; fails the calling test when it cannot be read.
std::string ReadFixture(std::string_view name);
std::filesystem::path FixturePath(std::string_view name);

// The shared temp folder and file writer (tests/support).
using tonewatch::testing::TempDir;
using tonewatch::testing::WriteFile;

// Cleans `text` with the real lexicon.
CleanedBody Plain(std::string_view text);
CleanedBody Html(std::string_view html);

}  // namespace tonewatch::clean_testing
