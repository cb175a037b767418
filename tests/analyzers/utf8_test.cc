#include "analyzers/text/utf8.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tonewatch {
namespace {

constexpr std::string_view kFffd = "\xEF\xBF\xBD";

std::string Repeat(std::string_view s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

TEST(SanitizeUtf8, ValidTextPassesThroughUntouched) {
  const std::vector<std::string> cases = {
      "",
      "plain ascii, with punctuation!",
      "caf\xC3\xA9 na\xC3\xAFve",                                // 2-byte
      "\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC",             // 3-byte
      "done \xF0\x9F\x98\x80 \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD",  // 4-byte emoji, with modifier
      "\xEF\xBF\xBD already a replacement char",
      "\xF4\x8F\xBF\xBF last code point",
  };
  for (const std::string& text : cases) {
    SCOPED_TRACE(text);
    const SanitizedText out = SanitizeUtf8(text);
    EXPECT_EQ(out.text, text);
    EXPECT_TRUE(out.damage.empty());
    EXPECT_EQ(out.damage_count, 0u);
  }
}

struct Damaged {
  std::string name;
  std::string input;
  std::string expected;
  std::vector<Utf8Damage> damage;  // offsets in the input
};

TEST(SanitizeUtf8, EachIllFormedSequenceBecomesReplacementsAtItsInputOffset) {
  const std::string f(kFffd);
  const std::vector<Damaged> cases = {
      {"lone continuation",
       "ab\x80"
       "cd",
       "ab" + f + "cd",
       {{2, 1, false}}},
      {"two lone continuations", "a\x80\xBF", "a" + f + f, {{1, 1, false}, {2, 1, false}}},
      {"truncated 3-byte at end", "euro \xE2\x82", "euro " + f, {{5, 2, false}}},
      {"truncated 4-byte at end", "smile \xF0\x9F\x98", "smile " + f, {{6, 3, false}}},
      {"truncated 2-byte then ascii", "x\xC3y", "x" + f + "y", {{1, 1, false}}},
      // An overlong form is not a prefix of any valid character: each byte is its own subpart.
      {"overlong 2-byte slash", "\xC0\xAF", f + f, {{0, 1, false}, {1, 1, false}}},
      {"overlong 3-byte", "\xE0\x80\xAF", f + f + f, {{0, 1, false}, {1, 1, false}, {2, 1, false}}},
      {"surrogate half",
       "a\xED\xA0\x80z",
       "a" + f + f + f + "z",
       {{1, 1, false}, {2, 1, false}, {3, 1, false}}},
      {"0xFF", "\xFF", f, {{0, 1, false}}},
      {"0xFE after multibyte", "\xC3\xA9\xFE", "\xC3\xA9" + f, {{2, 1, false}}},
      {"beyond U+10FFFF",
       "\xF4\x90\x80\x80",
       f + f + f + f,
       {{0, 1, false}, {1, 1, false}, {2, 1, false}, {3, 1, false}}},
      {"NUL byte", std::string("a\0b", 3), "a" + f + "b", {{1, 1, true}}},
      {"NUL at start and end", std::string("\0x\0", 3), f + "x" + f, {{0, 1, true}, {2, 1, true}}},
  };
  for (const Damaged& c : cases) {
    SCOPED_TRACE(c.name);
    const SanitizedText out = SanitizeUtf8(c.input);
    EXPECT_EQ(out.text, c.expected);
    EXPECT_EQ(out.text.find('\0'), std::string::npos);
    ASSERT_EQ(out.damage.size(), c.damage.size());
    EXPECT_EQ(out.damage_count, c.damage.size());
    for (size_t i = 0; i < c.damage.size(); ++i) {
      SCOPED_TRACE(i);
      EXPECT_EQ(out.damage[i].offset, c.damage[i].offset);
      EXPECT_EQ(out.damage[i].length, c.damage[i].length);
      EXPECT_EQ(out.damage[i].nul, c.damage[i].nul);
    }
  }
}

TEST(SanitizeUtf8, OutputIsAlwaysValidAndItsOwnFixedPoint) {
  // Every byte value, in a few interleavings: whatever goes in, the output sanitizes to itself.
  std::string all;
  for (int b = 0; b < 256; ++b) all.push_back(static_cast<char>(b));
  for (const std::string& input : {all, all + all.substr(128), all.substr(200) + "ok" + all}) {
    const SanitizedText once = SanitizeUtf8(input);
    const SanitizedText twice = SanitizeUtf8(once.text);
    EXPECT_EQ(twice.text, once.text);
    EXPECT_EQ(twice.damage_count, 0u);
    EXPECT_GT(once.damage_count, 0u);
  }
}

TEST(SanitizeUtf8, CountsDamageBeyondWhatItRecords) {
  const size_t places = SanitizedText::kMaxRecordedDamage + 36;
  const std::string input = Repeat("ok\xFF", places);
  const SanitizedText out = SanitizeUtf8(input);
  EXPECT_EQ(out.damage_count, places);
  ASSERT_EQ(out.damage.size(), SanitizedText::kMaxRecordedDamage);
  // The recorded ones are the first ones, in order.
  for (size_t i = 0; i < out.damage.size(); ++i) EXPECT_EQ(out.damage[i].offset, 3 * i + 2);
  EXPECT_EQ(out.text, Repeat(std::string("ok") + std::string(kFffd), places));
}

// A text with characters of every width, for the cut-point properties.
const std::string kMixed =
    "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"
    "b\xF0\x9F\x91\x8D\xC3\xBC\xE2\x80\x94z";

TEST(Utf8CutPoint, NeverSplitsACharacterAndKeepsAsMuchAsFits) {
  for (size_t max = 0; max <= kMixed.size() + 2; ++max) {
    SCOPED_TRACE(max);
    const size_t n = Utf8CutPoint(kMixed, max);
    EXPECT_LE(n, max);
    EXPECT_LE(n, kMixed.size());
    if (n < kMixed.size()) {
      EXPECT_FALSE(IsContinuation(kMixed[n]));
    }
    // The largest such n: no character boundary lies in (n, max].
    for (size_t k = n + 1; k <= std::min(max, kMixed.size()); ++k) {
      EXPECT_TRUE(k < kMixed.size() && IsContinuation(kMixed[k])) << "boundary at " << k;
    }
  }
}

TEST(Utf8CutPoint, WholeTextWhenItFits) {
  EXPECT_EQ(Utf8CutPoint("abc", 3), 3u);
  EXPECT_EQ(Utf8CutPoint("abc", 100), 3u);
  EXPECT_EQ(Utf8CutPoint("", 0), 0u);
  // Cutting inside the emoji backs up to its start.
  const std::string emoji = "hi \xF0\x9F\x98\x80";
  EXPECT_EQ(Utf8CutPoint(emoji, 4), 3u);
  EXPECT_EQ(Utf8CutPoint(emoji, 5), 3u);
  EXPECT_EQ(Utf8CutPoint(emoji, 6), 3u);
  EXPECT_EQ(Utf8CutPoint(emoji, 7), 7u);
}

TEST(Utf8Floor, NeverEndsInsideACharacter) {
  for (size_t max = 0; max <= kMixed.size() + 2; ++max) {
    SCOPED_TRACE(max);
    const size_t n = Utf8Floor(kMixed, max);
    EXPECT_LE(n, std::min(max, kMixed.size()));
    EXPECT_GE(n + 3, std::min(max, kMixed.size()));  // moves back at most 3 bytes
    if (n < kMixed.size()) {
      EXPECT_FALSE(IsContinuation(kMixed[n]));
    }
    // The prefix is itself valid UTF-8.
    EXPECT_EQ(SanitizeUtf8(std::string_view(kMixed).substr(0, n)).damage_count, 0u);
  }
}

TEST(Utf8Floor, MovesBackAtMostThreeBytesOverGarbage) {
  // A run of continuation bytes has no character start; Floor gives up after 3 steps rather than
  // scanning the whole run.
  const std::string garbage = "ab" + std::string(10, '\x80');
  EXPECT_EQ(Utf8Floor(garbage, 10), 7u);
}

}  // namespace
}  // namespace tonewatch
