#include "analyzers/clean/atom_scanner.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tonewatch {
namespace {

std::vector<int> ScanAll(const AtomScanner& scanner, std::string_view text) {
  std::vector<int> ids;
  scanner.Scan(text, text.size(), ids);
  return ids;
}

std::string Folded(std::string_view text, size_t max_bytes = SIZE_MAX) {
  std::string out;
  AppendCaseFolded(text, out, max_bytes);
  return out;
}

TEST(AtomScanner, FindsOverlappingAndNestedAtomsOnce) {
  const AtomScanner scanner({"he", "she", "his", "hers", "s"});
  EXPECT_EQ(ScanAll(scanner, "ushers"), (std::vector<int>{0, 1, 3, 4}));
  EXPECT_EQ(ScanAll(scanner, "this is his"), (std::vector<int>{2, 4}));
  EXPECT_EQ(ScanAll(scanner, "nothing here"), (std::vector<int>{0}));
  EXPECT_TRUE(ScanAll(scanner, "").empty());
}

TEST(AtomScanner, CountsAnAtomByWhereItStarts) {
  // Lines "on monday" and "bob wrote:" joined: "on monday" and the joining space are the first
  // line's, and an atom that starts in them counts for it, even one that runs on into the next.
  const AtomScanner scanner({"monday bob", "wrote", "on"});
  std::vector<int> ids;
  scanner.Scan("on monday bob wrote:", 10, ids);
  EXPECT_EQ(ids, (std::vector<int>{0, 2}));
  ids.clear();
  scanner.Scan("on monday bob wrote:", 0, ids);
  EXPECT_TRUE(ids.empty());
}

TEST(AtomScanner, AppendsSortedAfterWhatIsThere) {
  const AtomScanner scanner({"b", "a"});
  std::vector<int> ids = {7};
  scanner.Scan("ab", 2, ids);
  EXPECT_EQ(ids, (std::vector<int>{7, 0, 1}));
}

TEST(AtomScanner, AnEmptyAtomIsInEveryText) {
  const AtomScanner scanner({"x", ""});
  EXPECT_EQ(ScanAll(scanner, "abc"), (std::vector<int>{1}));
  EXPECT_EQ(scanner.longest(), 1u);
}

TEST(AtomScanner, MatchesNonAsciiAtomsByteForByte) {
  const AtomScanner scanner({Folded("schrieb"), Folded("écrit"), Folded("写道")});
  EXPECT_EQ(ScanAll(scanner, Folded("Bob a ÉCRIT :")), (std::vector<int>{1}));
  EXPECT_EQ(ScanAll(scanner, Folded("Bob SCHRIEB:")), (std::vector<int>{0}));
  EXPECT_EQ(ScanAll(scanner, Folded("2024年3月4日 Bob 写道：")), (std::vector<int>{2}));
}

TEST(CaseFolding, FoldsAsRe2CaseInsensitiveMatchingDoes) {
  EXPECT_EQ(Folded("On MONDAY, Bob WROTE:"), "on monday, bob wrote:");
  EXPECT_EQ(Folded("ÉCRIT"), "écrit");
  EXPECT_EQ(Folded("ПИШЕТ"), "пишет");
  EXPECT_EQ(Folded("\xC5\xBF"), "s");             // long s: RE2's (?i)s matches it
  EXPECT_EQ(Folded("\xE2\x84\xAA"), "k");         // Kelvin sign: (?i)k matches it
  EXPECT_EQ(Folded("\xE1\xBA\x9E"), "\xC3\x9F");  // capital sharp s folds to ß
}

TEST(CaseFolding, CopiesIllFormedBytesAndStopsAtTheLimit) {
  EXPECT_EQ(Folded("A\xFF"
                   "B"),
            "a\xFF"
            "b");
  EXPECT_EQ(Folded("ABCDEF", 3), "abc");
  std::string out = "x";
  AppendCaseFolded("ÉÉ", out, 1);  // a character is never cut
  EXPECT_EQ(out, "x\xC3\xA9");
}

}  // namespace
}  // namespace tonewatch
