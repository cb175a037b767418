// Recognizing a transcript from its first bytes, and the --input-format names.
#include "analyzers/readers/transcript/transcript_format.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyzers/readers/transcript/transcript_reader.h"
#include "tests/transcripts/transcript_test_util.h"

namespace tonewatch {
namespace {

std::optional<TranscriptFormat> Detect(std::string_view head) {
  return DetectTranscriptFormat(head);
}

TEST(TranscriptFormat, RecognizesEachFormatFromItsContent) {
  struct Case {
    const char* name;
    std::string head;
    TranscriptFormat format;
  };
  const Case cases[] = {
      {"vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n", TranscriptFormat::kVtt},
      {"vtt with title and BOM", "\xEF\xBB\xBFWEBVTT - title\n", TranscriptFormat::kVtt},
      {"vtt alone", "WEBVTT", TranscriptFormat::kVtt},
      {"srt", "1\n00:00:01,000 --> 00:00:02,000\nHi\n", TranscriptFormat::kSrt},
      {"srt without index", "\n\n00:00:01.000 --> 00:00:02.000\nHi\n", TranscriptFormat::kSrt},
      {"srt after a junk line", "Downloaded somewhere\n\n1\n00:00:01,000 --> 00:00:02,000\n",
       TranscriptFormat::kSrt},
      {"json array", "  [\n  {\"speaker\": \"A\", \"text\": \"Hi\"}]", TranscriptFormat::kJson},
      {"empty json array", "[]", TranscriptFormat::kJson},
      {"json object", "{\"turns\": []}", TranscriptFormat::kJson},
      {"labelled", "Customer: Hello\nAgent: Hi\n", TranscriptFormat::kSpeakerText},
      {"stamped", "[00:00:05] Dana: Hi\n[00:00:07] Lee: Hello\n", TranscriptFormat::kSpeakerText},
      {"heading", "Dana Smith  0:03\nThanks for joining.\n", TranscriptFormat::kSpeakerText},
      {"title then labels", "Weekly call\nDana: Hi\nLee: Hello\nDana: Agenda?\n",
       TranscriptFormat::kSpeakerText},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const auto format = Detect(c.head);
    ASSERT_TRUE(format.has_value());
    EXPECT_EQ(*format, c.format);
  }
}

TEST(TranscriptFormat, Utf16CaptionsAreRecognized) {
  const std::string ascii = "1\n00:00:01,000 --> 00:00:02,000\nHi\n";
  std::string utf16 = "\xFF\xFE";
  for (char c : ascii) {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  EXPECT_EQ(Detect(utf16), TranscriptFormat::kSrt);
}

TEST(TranscriptFormat, ProseMailAndBinaryAreNotTranscripts) {
  for (const std::string& head :
       {std::string("Hi team,\n\nthe release slipped again. Note: we need a date.\n"),
        std::string("From: dana@example.com\nTo: lee@example.com\nSubject: hi\n\nHello\n"),
        std::string("[link](http://example.com) is markdown"), std::string(" \n\t\n"),
        std::string("Hi:\nPlease find attached the revised schedule.\nCall me with questions.\n"),
        std::string("Dana:\nThe numbers are in.\nDana: one more thing, the deck is late.\n"),
        std::string("Kim,\nSee below.\nNote: the desk closes at 5.\nThanks\n"),
        std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), std::string()}) {
    SCOPED_TRACE(head);
    EXPECT_FALSE(Detect(head).has_value());
  }
}

TEST(TranscriptFormat, NamesRoundTrip) {
  for (TranscriptFormat format : {TranscriptFormat::kVtt, TranscriptFormat::kSrt,
                                  TranscriptFormat::kSpeakerText, TranscriptFormat::kJson}) {
    EXPECT_EQ(ParseTranscriptFormat(TranscriptFormatName(format)), format);
  }
  EXPECT_EQ(ParseTranscriptFormat("webvtt"), TranscriptFormat::kVtt);
  EXPECT_EQ(ParseTranscriptFormat("txt"), TranscriptFormat::kSpeakerText);
  EXPECT_FALSE(ParseTranscriptFormat("sbv").has_value());
  EXPECT_FALSE(ParseTranscriptFormat("VTT ").has_value());
}

TEST(SniffTranscript, TheHeadReadToDetectIsPassedOnAsThePrefix) {
  std::string bytes = "WEBVTT\n\n";
  for (int i = 0; i < 3000; ++i) {  // past the sniffed head, so both prefix and rest matter
    bytes += fmt::format("00:{:02}.000 --> 00:{:02}.500\n<v {}>Line {}.</v>\n\n", i % 60, i % 60,
                         i % 2 ? "Ana" : "Ben", i);
  }
  auto source = ByteSource::Open(testing::ScratchFile(bytes, "sniffed.vtt").string());
  ASSERT_TRUE(source.has_value());
  std::string head;
  auto format = SniffTranscript(*source, &head);
  ASSERT_TRUE(format.has_value());
  EXPECT_EQ(*format, TranscriptFormat::kVtt);
  EXPECT_EQ(head.size(), kCharsetSniffBytes);
  std::vector<DocMessage> turns;
  std::vector<Notice> errors;
  auto read = ReadTranscript(
      std::move(head), *source, *format, [&](DocMessage&& t) { turns.push_back(std::move(t)); },
      &errors);
  ASSERT_TRUE(read.has_value());
  ASSERT_EQ(turns.size(), 3000u);
  EXPECT_EQ(turns.back().text, "Line 2999.");
}

}  // namespace
}  // namespace tonewatch
