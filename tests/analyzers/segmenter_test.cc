#include "analyzers/text/segmenter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tonewatch {
namespace {

std::vector<std::string> Texts(std::string_view text, const std::vector<Span>& spans) {
  std::vector<std::string> out;
  for (const Span& s : spans) out.emplace_back(text.substr(s.begin, s.size()));
  return out;
}

// Sentences tile the text: the first starts at 0, each starts where the last ended, the last ends
// at the end, and none is empty.
void ExpectTiles(std::string_view text, const std::vector<Span>& spans) {
  ASSERT_FALSE(spans.empty());
  EXPECT_EQ(spans.front().begin, 0u);
  EXPECT_EQ(spans.back().end, text.size());
  for (size_t i = 0; i < spans.size(); ++i) {
    EXPECT_LT(spans[i].begin, spans[i].end) << "sentence " << i << " is empty";
    if (i > 0) {
      EXPECT_EQ(spans[i].begin, spans[i - 1].end) << "gap or overlap before " << i;
    }
  }
}

TEST(SentenceSpans, CoverTheTextWithoutGaps) {
  const std::vector<std::string> cases = {
      "One.",
      "Hello there. How are you? Fine!",
      "No final punctuation here",
      "Trailing spaces.   ",
      "Mr. Smith said hi. Then he left.",
      "Line one\nLine two\n\nLine four\n",
      "\xC2\xBF Qu\xC3\xA9 tal? Gr\xC3\xB6\xC3\x9F"
      "e ist wichtig. \xF0\x9F\x98\x80 Done.",
      "   leading white space. Next.",
  };
  for (const std::string& text : cases) {
    SCOPED_TRACE(text);
    ExpectTiles(text, SentenceSpans(text));
  }
}

TEST(SentenceSpans, TrailingWhiteSpaceBelongsToTheSentenceBefore) {
  const std::string text = "Hello there.  How are you?";
  EXPECT_EQ(Texts(text, SentenceSpans(text)),
            (std::vector<std::string>{"Hello there.  ", "How are you?"}));
}

TEST(SentenceSpans, ALineBreakEndsASentence) {
  const std::string text = "thanks for the update\nthis is unacceptable";
  EXPECT_EQ(Texts(text, SentenceSpans(text)),
            (std::vector<std::string>{"thanks for the update\n", "this is unacceptable"}));
  const std::string crlf = "first line\r\nsecond line";
  EXPECT_EQ(Texts(crlf, SentenceSpans(crlf)),
            (std::vector<std::string>{"first line\r\n", "second line"}));
}

TEST(SentenceSpans, ByteOffsetsAreRightAfterMultibyteText) {
  // 2-, 3- and 4-byte characters before the second sentence: offsets are bytes, not code units.
  const std::string first = "J\xC3\xBCrgen \xE2\x80\x9Csaid\xE2\x80\x9D \xF0\x9F\x98\x80 hi. ";
  const std::string second =
      "Stra\xC3\x9F"
      "e is closed.";
  const std::string text = first + second;
  const std::vector<Span> spans = SentenceSpans(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0], (Span{0, first.size()}));
  EXPECT_EQ(spans[1], (Span{first.size(), text.size()}));
}

TEST(SentenceSpans, EmptyTextHasNoSentences) { EXPECT_TRUE(SentenceSpans("").empty()); }

TEST(WordSpans, SkipPunctuationAndSpaces) {
  const std::string text = "Hello, world! It's 42 -- \xE2\x80\x9Cok\xE2\x80\x9D...";
  EXPECT_EQ(Texts(text, WordSpans(text)),
            (std::vector<std::string>{"Hello", "world", "It's", "42", "ok"}));
}

TEST(WordSpans, ByteOffsetsOverMultibyteWords) {
  const std::string text =
      "\xC3\x9C"
      "ber gr\xC3\xB6\xC3\x9F"
      "er, \xE6\x97\xA5\xE6\x9C\xAC!";
  const std::vector<Span> spans = WordSpans(text);
  const std::vector<std::string> words = Texts(text, spans);
  ASSERT_GE(words.size(), 3u);
  EXPECT_EQ(words[0],
            "\xC3\x9C"
            "ber");
  EXPECT_EQ(words[1],
            "gr\xC3\xB6\xC3\x9F"
            "er");
  // Ideographs count as words (ICU may split them into one or more).
  std::string ideographs;
  for (size_t i = 2; i < words.size(); ++i) ideographs += words[i];
  EXPECT_EQ(ideographs, "\xE6\x97\xA5\xE6\x9C\xAC");
  for (size_t i = 1; i < spans.size(); ++i) EXPECT_LE(spans[i - 1].end, spans[i].begin);
}

TEST(WordSpans, NothingButPunctuationHasNoWords) {
  EXPECT_TRUE(WordSpans("").empty());
  EXPECT_TRUE(WordSpans("!!! ... -- ?").empty());
}

}  // namespace
}  // namespace tonewatch
