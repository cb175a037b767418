// Replies in the common clients' quoting styles, in several languages, each with the expected
// cleaned text beside it: fixtures/<name>.{txt,html} and fixtures/<name>.expected. The list, with
// the expected stripping verdict, is fixtures/MANIFEST.tsv ("name<TAB>file<TAB>stripping").
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "tests/clean/clean_test_support.h"

namespace tonewatch {
namespace {

using clean_testing::Html;
using clean_testing::Plain;
using clean_testing::ReadFixture;

struct Case {
  std::string name;
  std::string file;
  std::string stripping;
};

std::vector<Case> Manifest() {
  std::vector<Case> cases;
  std::istringstream in(ReadFixture("MANIFEST.tsv"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    Case c;
    std::getline(fields, c.name, '\t');
    std::getline(fields, c.file, '\t');
    std::getline(fields, c.stripping, '\t');
    cases.push_back(c);
  }
  return cases;
}

std::string WithoutFinalNewline(std::string s) {
  while (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

TEST(CleanFixtures, ManifestIsNotEmpty) { EXPECT_GE(Manifest().size(), 20u); }

TEST(CleanFixtures, EachCleansToItsExpectedText) {
  for (const Case& c : Manifest()) {
    SCOPED_TRACE(c.file);
    const std::string body = ReadFixture(c.file);
    const bool html = c.file.ends_with(".html");
    const CleanedBody cleaned = html ? Html(body) : Plain(body);
    EXPECT_EQ(cleaned.text, WithoutFinalNewline(ReadFixture(c.name + ".expected")));
    EXPECT_EQ(StrippingName(cleaned.stripping), c.stripping);
    if (cleaned.stripping != Stripping::kNone && cleaned.stripping != Stripping::kUncertain) {
      EXPECT_TRUE(!cleaned.quoted.empty() || cleaned.signature_bytes > 0 ||
                  cleaned.disclaimer_bytes > 0);
    }
  }
}

}  // namespace
}  // namespace tonewatch
