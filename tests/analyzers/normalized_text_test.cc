#include "analyzers/text/normalized_text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyzers/text/utf8.h"

namespace tonewatch {
namespace {

std::string Normalize(std::string_view original) { return NormalizedText::Build(original).text(); }

// The original bytes behind the first occurrence of `needle` in the normalized text.
std::string OriginalOf(const NormalizedText& norm, std::string_view original,
                       std::string_view needle) {
  const size_t at = norm.text().find(needle);
  EXPECT_NE(at, std::string::npos) << "'" << needle << "' not in '" << norm.text() << "'";
  if (at == std::string::npos) return "<missing>";
  const Span o = norm.ToOriginal({at, at + needle.size()});
  EXPECT_LE(o.end, original.size());
  return std::string(original.substr(o.begin, o.size()));
}

struct Case {
  std::string name;
  std::string original;
  std::string normalized;
};

TEST(NormalizedText, FoldsTheFormsWritersUseInterchangeably) {
  const std::vector<Case> cases = {
      {"ascii upper case", "HeLLo WORLD", "hello world"},
      {"curly single quotes", "\xE2\x80\x98it\xE2\x80\x99s\xE2\x80\x99", "'it's'"},
      {"curly double quotes", "\xE2\x80\x9Cok\xE2\x80\x9D", "\"ok\""},
      {"modifier apostrophe", "don\xCA\xBCt", "don't"},
      {"en and em dash",
       "a\xE2\x80\x93"
       "b\xE2\x80\x94"
       "c",
       "a-b-c"},
      {"minus sign",
       "5\xE2\x88\x92"
       "3",
       "5-3"},
      {"tabs newlines and spaces", "a \t\n\r\n b", "a b"},
      {"NBSP run",
       "a\xC2\xA0\xC2\xA0"
       "b",
       "a b"},
      {"ideographic space",
       "a\xE3\x80\x80"
       "b",
       "a b"},
      {"mixed white space", "a\xC2\xA0\t\xE3\x80\x80\n b", "a b"},
      {"runs collapse, not trimmed", "  lead  trail  ", " lead trail "},
      {"full-width letters", "\xEF\xBC\xB9\xEF\xBD\x8F\xEF\xBD\x95", "you"},
      {"fi ligature", "\xEF\xAC\x81le", "file"},
      {"sharp s folds to ss",
       "Stra\xC3\x9F"
       "e",
       "strasse"},
      {"capital STRASSE", "STRASSE", "strasse"},
      {"non-ascii upper case", "\xC3\x89T\xC3\x89", "\xC3\xA9t\xC3\xA9"},
      {"soft hyphen vanishes",
       "soft\xC2\xAD"
       "ware",
       "software"},
      {"emoji kept", "ok \xF0\x9F\x98\x80", "ok \xF0\x9F\x98\x80"},
      {"empty", "", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Normalize(c.original), c.normalized);
  }
}

TEST(NormalizedText, SameWordsWrittenDifferentlyNormalizeAlike) {
  EXPECT_EQ(Normalize("STRASSE"), Normalize("Stra\xC3\x9F"
                                            "e"));
  EXPECT_EQ(Normalize("\xEF\xAC\x81le"), Normalize("FILE"));
  EXPECT_EQ(Normalize("you\xE2\x80\x99re"), Normalize("You're"));
}

// NFKC composes a base letter with a following combining mark. A base letter written in ASCII
// ("e" + U+0301) must compose like any other: "café" typed decomposed is still "café".
TEST(NormalizedText, ComposesAsciiBaseWithCombiningMark) {
  EXPECT_EQ(Normalize("cafe\xCC\x81"), "caf\xC3\xA9");
  EXPECT_EQ(Normalize("CAFE\xCC\x81"), "caf\xC3\xA9");
  EXPECT_EQ(Normalize("cafe\xCC\x81"), Normalize("caf\xC3\xA9"));
}

TEST(NormalizedText, ToOriginalGivesTheExactOriginalBytes) {
  const std::string original =
      "\xEF\xBC\xB9\xEF\xBD\x8F\xEF\xBD\x95 never\xC2\xA0sent \xE2\x80\x9Cthe "
      "\xEF\xAC\x81le\xE2\x80\x9D \xE2\x80\x94 soft\xC2\xAD"
      "ware!";
  const NormalizedText norm = NormalizedText::Build(original);
  ASSERT_EQ(norm.text(), "you never sent \"the file\" - software!");

  EXPECT_EQ(OriginalOf(norm, original, "you"), "\xEF\xBC\xB9\xEF\xBD\x8F\xEF\xBD\x95");
  EXPECT_EQ(OriginalOf(norm, original, "never sent"), "never\xC2\xA0sent");
  EXPECT_EQ(OriginalOf(norm, original, "\"the"), "\xE2\x80\x9Cthe");
  EXPECT_EQ(OriginalOf(norm, original, "file\""), "\xEF\xAC\x81le\xE2\x80\x9D");
  EXPECT_EQ(OriginalOf(norm, original, "-"), "\xE2\x80\x94");
  EXPECT_EQ(OriginalOf(norm, original, "software"),
            "soft\xC2\xAD"
            "ware");
  EXPECT_EQ(OriginalOf(norm, original, "soft"), "soft");
  // Part of what one original character produced maps to the whole character.
  EXPECT_EQ(OriginalOf(norm, original, "fi"), "\xEF\xAC\x81");
  EXPECT_EQ(OriginalOf(norm, original, "il"), "\xEF\xAC\x81l");
  EXPECT_EQ(OriginalOf(norm, original, "yo"), "\xEF\xBC\xB9\xEF\xBD\x8F");
}

TEST(NormalizedText, SpaceRunMapsToTheWholeRun) {
  const std::string original = "a \t\n b";
  const NormalizedText norm = NormalizedText::Build(original);
  ASSERT_EQ(norm.text(), "a b");
  EXPECT_EQ(norm.ToOriginal({1, 2}), (Span{1, 5}));
  EXPECT_EQ(norm.ToOriginal({0, 3}), (Span{0, 6}));
}

TEST(NormalizedText, SharpSMapsBackWhicheverHalfIsAsked) {
  const std::string original = "Gro\xC3\x9F";
  const NormalizedText norm = NormalizedText::Build(original);
  ASSERT_EQ(norm.text(), "gross");
  EXPECT_EQ(norm.ToOriginal({3, 4}), (Span{3, 5}));
  EXPECT_EQ(norm.ToOriginal({4, 5}), (Span{3, 5}));
  EXPECT_EQ(norm.ToOriginal({0, 5}), (Span{0, 5}));
}

TEST(NormalizedText, EveryNormalizedSpanMapsToWholeOriginalCharacters) {
  const std::string original =
      "\xC3\x89T\xC3\x89 \xEF\xAC\x81n\xC2\xA0\xF0\x9F\x98\x80 Stra\xC3\x9F"
      "e\xE2\x80\x99s";
  const NormalizedText norm = NormalizedText::Build(original);
  const size_t n = norm.text().size();
  for (size_t b = 0; b < n; ++b) {
    for (size_t e = b + 1; e <= n; ++e) {
      const Span o = norm.ToOriginal({b, e});
      SCOPED_TRACE(::testing::Message() << "[" << b << "," << e << ")");
      ASSERT_LE(o.begin, o.end);
      ASSERT_LE(o.end, original.size());
      EXPECT_EQ(SanitizeUtf8(std::string_view(original).substr(o.begin, o.size())).damage_count,
                0u);
      if (o.begin < original.size()) {
        EXPECT_NE(static_cast<unsigned char>(original[o.begin]) & 0xC0, 0x80);
      }
      if (o.end < original.size()) {
        EXPECT_NE(static_cast<unsigned char>(original[o.end]) & 0xC0, 0x80);
      }
    }
  }
}

TEST(NormalizedText, EmptySpanMapsToAnEmptySpanAtTheMatchingPlace) {
  const std::string original =
      "\xEF\xBC\xB9"
      "es no";  // "Ｙes no"
  const NormalizedText norm = NormalizedText::Build(original);
  ASSERT_EQ(norm.text(), "yes no");
  EXPECT_EQ(norm.ToOriginal({0, 0}), (Span{0, 0}));
  EXPECT_EQ(norm.ToOriginal({1, 1}), (Span{3, 3}));
  EXPECT_EQ(norm.ToOriginal({4, 4}), (Span{6, 6}));
  EXPECT_EQ(norm.ToOriginal({6, 6}), (Span{original.size(), original.size()}));
}

TEST(NormalizedText, FromOriginalFindsTheFirstByteProducedAtOrAfter) {
  const std::string original =
      "\xEF\xBC\xB9"
      "es  no";  // "Ｙes  no": full-width, then 2 spaces
  const NormalizedText norm = NormalizedText::Build(original);
  ASSERT_EQ(norm.text(), "yes no");
  EXPECT_EQ(norm.FromOriginal(0), 0u);
  EXPECT_EQ(norm.FromOriginal(3), 1u);  // 'e'
  EXPECT_EQ(norm.FromOriginal(5), 3u);  // the first space
  EXPECT_EQ(norm.FromOriginal(6), 4u);  // the second space produced nothing: 'n' comes next
  EXPECT_EQ(norm.FromOriginal(7), 4u);  // 'n'
  EXPECT_EQ(norm.FromOriginal(original.size()), norm.text().size());
}

TEST(NormalizedText, FromOriginalIsMonotonicAndRoundTrips) {
  const std::string original =
      "Hi \xE2\x80\x9CJ\xC3\xBCrgen\xE2\x80\x9D,\n\n\xEF\xAC\x81ne \xF0\x9F\x98\x80 soft\xC2\xAD"
      "ware.";
  const NormalizedText norm = NormalizedText::Build(original);
  size_t last = 0;
  for (size_t k = 0; k <= original.size(); ++k) {
    const bool boundary =
        k == original.size() || (static_cast<unsigned char>(original[k]) & 0xC0) != 0x80;
    if (!boundary) continue;
    SCOPED_TRACE(k);
    const size_t n = norm.FromOriginal(k);
    EXPECT_GE(n, last);
    EXPECT_LE(n, norm.text().size());
    last = n;
    // The byte produced there comes from an original character at or after k.
    if (n < norm.text().size()) {
      EXPECT_GE(norm.ToOriginal({n, n + 1}).begin, k);
    }
  }
  EXPECT_EQ(last, norm.text().size());
}

}  // namespace
}  // namespace tonewatch
