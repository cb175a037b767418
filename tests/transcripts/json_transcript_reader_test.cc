// JSON transcripts: the documented format, wrong types, truncation and syntax errors.
#include "analyzers/readers/transcript/json_transcript_reader.h"

#include <gtest/gtest.h>

#include "tests/transcripts/transcript_test_util.h"

namespace tonewatch {
namespace {

using testing::Fixture;
using testing::HasNotice;
using testing::ReadCues;
using testing::ReadCuesFrom;
using testing::ReadTurns;

TEST(JsonReader, SecondsOrTimestampsAndOptionalFields) {
  const auto read = ReadCues(Fixture("json/basic.json"));
  ASSERT_TRUE(read.ok()) << read.NoticeList();
  ASSERT_EQ(read.cues.size(), 4u);
  EXPECT_EQ(read.cues[0].speaker, "Dana");
  EXPECT_EQ(read.cues[0].start_ms, 500);
  EXPECT_EQ(read.cues[0].end_ms, 2250);
  EXPECT_EQ(read.cues[1].start_ms, 2400);  // "00:00:02.400"
  EXPECT_EQ(read.cues[1].end_ms, 4000);
  EXPECT_EQ(read.cues[1].line, 3u);
  EXPECT_EQ(read.cues[2].speaker, "2");  // a numeric speaker id
  EXPECT_FALSE(read.cues[2].start_ms.has_value());
  EXPECT_EQ(read.cues[3].speaker, "");  // nested "words" ignored
  EXPECT_EQ(read.cues[3].end_ms, 12000);
  EXPECT_TRUE(read.errors.empty()) << read.NoticeList();
}

TEST(JsonReader, BadElementsAreReportedAndSkipped) {
  const auto read = ReadCues(Fixture("json/problems.json"));
  ASSERT_TRUE(read.ok()) << read.NoticeList();
  ASSERT_EQ(read.cues.size(), 3u);
  EXPECT_EQ(read.cues[0].text, "Fine.");
  EXPECT_EQ(read.cues[1].text, "Bad speaker type.");
  EXPECT_EQ(read.cues[1].speaker, "");
  EXPECT_FALSE(read.cues[1].start_ms.has_value());
  EXPECT_EQ(read.cues[2].text, "Also fine.");
  EXPECT_TRUE(HasNotice(read.errors, 3, "element 2: a string, not an object; skipped"));
  EXPECT_TRUE(HasNotice(read.errors, 4, "element 3: no \"text\"; skipped"));
  EXPECT_TRUE(HasNotice(read.errors, 5, "element 4: turn without text; skipped"));
  EXPECT_TRUE(HasNotice(read.errors, 6, "element 5: \"speaker\" is a boolean; ignored"));
  EXPECT_TRUE(HasNotice(read.errors, 6, "\"start\" is not seconds nor a timestamp (soon)"));
  EXPECT_TRUE(HasNotice(read.errors, 7, "element 6: \"text\" is an object, not a string"));
  EXPECT_TRUE(HasNotice(read.errors, 8, "element 7: an array, not an object; skipped"));
  EXPECT_TRUE(HasNotice(read.errors, 9, "\"start\" is not seconds nor a timestamp (-3)"));
}

TEST(JsonReader, TruncatedFileKeepsTheTurnsBeforeTheCut) {
  const auto read = ReadTurns(Fixture("json/truncated.json"));
  ASSERT_TRUE(read.ok()) << read.NoticeList();
  ASSERT_EQ(read.turns.size(), 2u);
  EXPECT_EQ(read.turns[1].text, "Two.");
  EXPECT_TRUE(HasNotice(read.errors, 4,
                        "the JSON ends before the array is closed (truncated?); "
                        "2 turns read"))
      << read.NoticeList();
}

TEST(JsonReader, SyntaxErrorStopsWithItsLine) {
  const auto read = ReadCues(Fixture("json/syntax-error.json"));
  ASSERT_TRUE(read.ok()) << read.NoticeList();
  ASSERT_EQ(read.cues.size(), 1u);
  EXPECT_TRUE(HasNotice(read.errors, 3, "JSON syntax error (")) << read.NoticeList();
  EXPECT_TRUE(HasNotice(read.errors, 3, "stopped reading here"));
}

TEST(JsonReader, TopLevelObjectIsAClearError) {
  const auto read = ReadTurns(Fixture("json/object.json"));
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.result.error().where, Fixture("json/object.json").string() + ":1");
  EXPECT_EQ(read.result.error().message, "expected a JSON array of turns, found an object");
}

TEST(JsonReader, EmptyArrayHasNoTurns) {
  const auto read = ReadCuesFrom("[ ]\n", "empty.json");
  ASSERT_TRUE(read.ok()) << read.NoticeList();
  EXPECT_TRUE(read.cues.empty());
}

TEST(JsonReader, EscapesAndNulsInText) {
  const auto read = ReadCuesFrom(
      R"([{"speaker": "A\u00e9", "text": "line\nbreak \u0000 \ud83d\ude42"}])", "escapes.json");
  ASSERT_TRUE(read.ok()) << read.NoticeList();
  ASSERT_EQ(read.cues.size(), 1u);
  EXPECT_EQ(read.cues[0].speaker, "Aé");
  EXPECT_EQ(read.cues[0].text, "line\nbreak \xEF\xBF\xBD \xF0\x9F\x99\x82");
  EXPECT_TRUE(HasNotice(read.errors, 1, "NUL characters in \"text\" replaced"));
}

TEST(JsonReader, TextAfterTheArrayIsReportedNotFatal) {
  const auto read = ReadCuesFrom("[{\"text\": \"Hi.\"}]\ntrailing\n", "trailing.json");
  ASSERT_TRUE(read.ok()) << read.NoticeList();
  EXPECT_EQ(read.cues.size(), 1u);
  EXPECT_TRUE(HasNotice(read.errors, 2, "text after the closing ']' ignored")) << read.NoticeList();
}

}  // namespace
}  // namespace tonewatch
