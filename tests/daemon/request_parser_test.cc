// Framing request lines from bytes that arrive in pieces: whole lines, split lines, several lines
// in one read, blank lines, and the streams that must be cut off.

#include "daemon/protocol/request_parser.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tonewatch::daemon {
namespace {

using Status = RequestParser::Status;

// Feeds `stream` to a parser in pieces of `piece` bytes and collects what it frames: each line, or
// "BAD: <error>" where it gave up.
std::vector<std::string> Frame(std::string_view stream, size_t piece,
                               size_t max = kMaxRequestBytes) {
  RequestParser parser(max);
  std::vector<std::string> out;
  for (size_t at = 0; at < stream.size();) {
    std::string_view chunk = stream.substr(at, piece);
    while (!chunk.empty()) {
      const RequestParser::Step step = parser.Parse(chunk);
      if (step.status == Status::kBad) {
        out.push_back("BAD: " + parser.error());
        return out;
      }
      if (step.status == Status::kGood) out.push_back(parser.line());
      chunk.remove_prefix(step.consumed);
    }
    at += piece;
  }
  return out;
}

TEST(RequestParser, OneLineAtOnce) {
  EXPECT_EQ((std::vector<std::string>{R"({"v":1})"}), Frame("{\"v\":1}\n", 100));
}

TEST(RequestParser, LinesSplitAnywhereComeOutWhole) {
  const std::string stream = "{\"v\":1,\"method\":\"status\"}\r\n{\"v\":1,\"method\":\"reload\"}\n";
  const std::vector<std::string> expected = {R"({"v":1,"method":"status"})",
                                             R"({"v":1,"method":"reload"})"};
  for (size_t piece = 1; piece <= stream.size(); ++piece) {
    SCOPED_TRACE(piece);
    EXPECT_EQ(expected, Frame(stream, piece));
  }
}

TEST(RequestParser, UnfinishedLineNeedsMore) {
  RequestParser parser;
  const RequestParser::Step step = parser.Parse("{\"v\":1");
  EXPECT_EQ(Status::kNeedMore, step.status);
  EXPECT_EQ(6u, step.consumed);
  EXPECT_EQ(Status::kGood, parser.Parse("}\n").status);
  EXPECT_EQ("{\"v\":1}", parser.line());
}

TEST(RequestParser, BlankLinesAreSkipped) {
  EXPECT_EQ((std::vector<std::string>{"{}"}), Frame("\n\r\n  \t \n{}\n\n", 3));
  RequestParser parser;
  EXPECT_EQ(Status::kNeedMore, parser.Parse("\n").status);
}

TEST(RequestParser, LineAtTheBoundIsAccepted) {
  const std::string line(64, 'x');
  EXPECT_EQ((std::vector<std::string>{line}), Frame(line + "\r\n", 7, 64));
}

TEST(RequestParser, OversizedLineIsBadBeforeItEnds) {
  RequestParser parser(64);
  const RequestParser::Step step = parser.Parse(std::string(100, 'x'));
  EXPECT_EQ(Status::kBad, step.status) << "no need to wait for a newline that may never come";
  EXPECT_EQ(65u, step.consumed);
  EXPECT_EQ("request line longer than 64 bytes", parser.error());
}

TEST(RequestParser, DefaultBoundIs64KiB) {
  const std::string big(kMaxRequestBytes + 1, 'x');
  EXPECT_EQ((std::vector<std::string>{"BAD: request line longer than 65536 bytes"}),
            Frame(big + "\n", 4096));
}

TEST(RequestParser, BinaryGarbageIsBad) {
  const std::string garbage("\x16\x03\x01\x02\x00", 5);  // a TLS hello, say
  EXPECT_EQ((std::vector<std::string>{"BAD: control byte 0x16 at byte 1 of the request line"}),
            Frame(garbage, 2));
  EXPECT_EQ(
      (std::vector<std::string>{"{}", "BAD: control byte 0x00 at byte 3 of the request line"}),
      Frame(std::string("{}\nab\0cd\n", 9), 100));
}

TEST(RequestParser, StaysBadUntilReset) {
  RequestParser parser(8);
  EXPECT_EQ(Status::kBad, parser.Parse("0123456789").status);
  const RequestParser::Step after = parser.Parse("{}\n");
  EXPECT_EQ(Status::kBad, after.status);
  EXPECT_EQ(0u, after.consumed);
  parser.Reset();
  EXPECT_EQ(Status::kGood, parser.Parse("{}\n").status);
  EXPECT_EQ("{}", parser.line());
}

TEST(RequestParser, TextThatIsNotJsonIsStillALine) {
  // Framing does not judge content: ParseRequest answers it with bad-request.
  EXPECT_EQ((std::vector<std::string>{"GET / HTTP/1.1"}), Frame("GET / HTTP/1.1\r\n", 5));
}

}  // namespace
}  // namespace tonewatch::daemon
