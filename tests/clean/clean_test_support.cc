#include "tests/clean/clean_test_support.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace tonewatch::clean_testing {

namespace fs = std::filesystem;

const MailLexicon& RealMailLexicon() {
  static const Result<MailLexicon>* loaded =
      new Result<MailLexicon>(LoadMailLexicon(TONEWATCH_SOURCE_LEXICONS));
  static const MailLexicon* empty = new MailLexicon();
  if (!*loaded) {
    ADD_FAILURE() << "the mail lexicon does not load: " << loaded->error().ToString();
    return *empty;
  }
  return **loaded;
}

fs::path FixturePath(std::string_view name) {
  return fs::path(TONEWATCH_CLEAN_FIXTURES) / std::string(name);
}

std::string ReadFixture(std::string_view name) {
  std::ifstream in(FixturePath(name), std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read fixture " << FixturePath(name);
    return {};
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

CleanedBody Plain(std::string_view text) { return CleanPlainBody(text, RealMailLexicon()); }
CleanedBody Html(std::string_view html) { return CleanHtmlBody(html, RealMailLexicon()); }

}  // namespace tonewatch::clean_testing
