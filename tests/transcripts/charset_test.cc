// Charset decisions from the first bytes, and streaming conversion to UTF-8.
#include "analyzers/readers/transcript/charset.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/transcripts/transcript_test_util.h"

namespace tonewatch {
namespace {

using testing::ScratchFile;

// Everything a Utf8Stream gives for `bytes`.
std::string DecodeAll(std::string_view bytes, std::string_view name) {
  auto source = ByteSource::Open(ScratchFile(bytes, name).string());
  EXPECT_TRUE(source.has_value());
  auto stream = Utf8Stream::Open(*source);
  EXPECT_TRUE(stream.has_value());
  std::string out;
  for (;;) {
    auto n = stream->Read(&out);
    EXPECT_TRUE(n.has_value());
    if (!n || *n == 0) return out;
  }
}

std::string Utf16Le(std::u16string_view text) {
  std::string out;
  for (char16_t u : text) {
    out.push_back(static_cast<char>(u & 0xFF));
    out.push_back(static_cast<char>(u >> 8));
  }
  return out;
}

TEST(Charset, ByteOrderMarksDecide) {
  using namespace std::string_view_literals;
  struct Case {
    std::string_view head;
    const char* name;
    size_t bom;
  };
  const Case cases[] = {
      {"\xEF\xBB\xBFWEBVTT"sv, "UTF-8", 3},
      {"\xFF\xFE\x31\x00"sv, "UTF-16LE", 2},
      {"\xFE\xFF\x00\x31"sv, "UTF-16BE", 2},
      {"\xFF\xFE\x00\x00\x31\x00\x00\x00"sv, "UTF-32LE", 4},
      {"\x00\x00\xFE\xFF\x00\x00\x00\x31"sv, "UTF-32BE", 4},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const Charset charset = DetectCharset(c.head);
    EXPECT_EQ(charset.name, c.name);
    EXPECT_EQ(charset.bom_bytes, c.bom);
    EXPECT_FALSE(charset.detected);
  }
}

TEST(Charset, Utf16WithoutBomIsRecognizedByItsZeroBytes) {
  const Charset charset = DetectCharset(Utf16Le(u"1\n00:00:01,000 --> 00:00:02,000\nHello\n"));
  EXPECT_EQ(charset.name, "UTF-16LE");
  EXPECT_TRUE(charset.detected);
}

TEST(Charset, ValidOrMostlyValidUtf8StaysUtf8) {
  EXPECT_EQ(DetectCharset("plain ASCII").name, "UTF-8");
  EXPECT_EQ(DetectCharset("Caf\xC3\xA9 cr\xC3\xA8me").name, "UTF-8");
  // One Latin-1 byte among UTF-8 characters: mixed encodings, damage reported later per line.
  EXPECT_EQ(DetectCharset("Caf\xC3\xA9 cr\xC3\xA8me\nCaf\xE9\n").name, "UTF-8");
  // A character cut by the end of the head is not damage.
  EXPECT_EQ(DetectCharset("Caf\xC3\xA9 \xE6\x9D").name, "UTF-8");
}

TEST(Charset, LegacyEightBitIsDetectedWithIcu) {
  // Spanish in windows-1252, curly quotes included (0x93, 0x94).
  const std::string latin =
      "Se\xF1ora N\xFA\xF1"
      "ez: Buenos d\xED"
      "as, \xBF"
      "en qu\xE9 puedo ayudarle? El env\xEDo "
      "lleg\xF3 da\xF1"
      "ado otra vez. Es \x93inaceptable\x94.\n";
  const Charset charset = DetectCharset(latin);
  EXPECT_TRUE(charset.detected);
  EXPECT_NE(charset.name, "UTF-8");
  EXPECT_EQ(DecodeAll(latin, "latin.srt").substr(0, 13), "Se\xC3\xB1ora N\xC3\xBA\xC3\xB1");
}

TEST(Utf8Stream, SurrogatePairsSurviveChunkBoundaries) {
  // Enough UTF-16 that the converter's buffers fill many times; the emoji land on every offset.
  std::u16string text = u"\uFEFF";
  std::string expected;
  for (int i = 0; i < 30000; ++i) {
    text += (i % 3 == 0) ? u"a\U0001F642" : u"\u00E9\n";
    expected += (i % 3 == 0) ? "a\xF0\x9F\x99\x82" : "\xC3\xA9\n";
  }
  EXPECT_EQ(DecodeAll(Utf16Le(text), "emoji.srt"), expected);
}

TEST(Utf8Stream, UndecodableInputBecomesAnInvalidByte) {
  // A lone low surrogate in UTF-16: marked with 0xFF so that the line reader reports it.
  const std::string bytes =
      "\xFF\xFE" + Utf16Le(u"ok ") + std::string("\x00\xDC", 2) + Utf16Le(u" ok");
  EXPECT_EQ(DecodeAll(bytes, "lone.srt"), "ok \xFF ok");
}

TEST(Utf8Stream, PrefixIsReadFirst) {
  auto source = ByteSource::Open(ScratchFile("rest of it", "prefix.txt").string());
  ASSERT_TRUE(source.has_value());
  auto stream = Utf8Stream::Open(*source,
                                 "\xEF\xBB\xBF"
                                 "start, ");
  ASSERT_TRUE(stream.has_value());
  std::string out;
  while (*stream->Read(&out) > 0) {
  }
  EXPECT_EQ(out, "start, rest of it");
}

}  // namespace
}  // namespace tonewatch
