// The whole text `tonewatch` prints where a person reads every word: --help, and the lines that
// close a run with a failed input. Compared byte for byte, so a sentence cut short or a last line
// without its newline fails here.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/e2e/run_process.h"
#include "tests/support/test_support.h"

namespace tonewatch {
namespace {

using testing::Describe;
using testing::FixtureLexiconRoot;
using testing::RunOptions;
using testing::RunResult;
using testing::TempDir;
using testing::WriteFile;

using namespace testing::exit_codes;

RunResult Tonewatch(std::vector<std::string> args) {
  RunOptions options;
  options.args = {TONEWATCH_BINARY};
  options.args.insert(options.args.end(), args.begin(), args.end());
  return testing::RunProcess(options);
}

RunResult Analyze(std::vector<std::string> args) {
  std::vector<std::string> full = {"analyze", "--lexicons", FixtureLexiconRoot().string()};
  full.insert(full.end(), args.begin(), args.end());
  return Tonewatch(full);
}

constexpr const char* kExitCodes =
    "Exit codes:\n"
    "  0  success\n"
    "  2  bad usage (unknown option, bad value)\n"
    "  3  an input could not be read or analyzed (missing, unreadable, not text or mail);\n"
    "     the others were analyzed\n"
    "  4  the lexicon is missing or broken, or check-lexicon found failing examples\n"
    "  5  internal error (a bug), or the daemon failed or answered something unreadable\n"
    "  6  tonewatchd is not running, cannot be reached, or did not answer within --timeout\n";

TEST(CliText, AnalyzeHelpIsWholeAndEndsWithOneNewline) {
  const RunResult r = Tonewatch({"analyze", "--help"});
  ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
  EXPECT_EQ(r.err, "");
  const std::string expected =
      std::string(
          "Analyze texts, mail (a message, an mbox, a Maildir) and call transcripts from files,\n"
          "folders or stdin, and print the findings. With --each-line every line is its own "
          "text.\n"
          "Usage: tonewatch analyze [OPTIONS] [inputs...]\n"
          "\n"
          "Positionals:\n"
          "  inputs TEXT ...             Files or folders to read; none or '-' reads stdin\n"
          "\n"
          "Options:\n"
          "  -h,--help                   Print this help message and exit\n"
          "  --format TEXT:{text,json}   Output: text (default) or json\n"
          "  --color TEXT:{auto,always,never}\n"
          "                              Colour: auto (default), always, never\n"
          "  --each-line                 Treat every input line as an independent text; with "
          "--format=json print one {\"line\",\"heat\",\"findings\"} object per line, in order\n"
          "  --lexicons TEXT             Lexicon folder (else $TONEWATCH_LEXICONS, else the "
          "installed one, else the source tree's)\n"
          "  --min-heat INT:INT in [0 - 100]\n"
          "                              Only print texts with at least this heat (0-100); "
          "--each-line JSON still prints every line\n"
          "  --me TEXT ...               Your address, name or speaker name (repeatable: --me A "
          "--me B): your own messages and turns are told apart from the counterpart's\n"
          "  --input-format TEXT:{auto,plain,mail,mbox,vtt,srt,speaker,json}\n"
          "                              What every input is, instead of recognizing it by "
          "content: auto (default), plain, mail, mbox, vtt, srt, speaker (\"Name: text\" lines), "
          "json\n"
          "  --unanswered-hours FLOAT:FLOAT in [0 - 8760]\n"
          "                              Report a hot message from the counterpart with no reply "
          "from you after this many hours (default 4)\n"
          "  --plan                      Add a reply plan for the hottest message: its concerns "
          "in order, with advice, then the steps of a calm reply\n"
          "  --jobs UINT:UINT in [0 - 256]\n"
          "                              Threads that analyze mail side by side (default 0: one "
          "per core); the output is the same for any number\n"
          "  --max-line-bytes UINT:UINT in [1 - 16777216]\n"
          "                              With --each-line, lines longer than this are reported, "
          "not analyzed (default 1 MiB, at most 16 MiB)\n"
          "\n") +
      kExitCodes;
  EXPECT_EQ(r.out, expected);
}

TEST(CliText, TopLevelHelpEndsWithTheExitCodesAndOneNewline) {
  const RunResult r = Tonewatch({"--help"});
  ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
  const std::string tail = std::string("\n") + kExitCodes;
  ASSERT_GE(r.out.size(), tail.size());
  EXPECT_EQ(r.out.substr(r.out.size() - tail.size()), tail);
}

TEST(CliText, AFailedInputEndsTheRunWithWholeSentences) {
  TempDir dir;
  WriteFile(dir.File("good.txt"), "This is unacceptable.\n");
  const std::string missing = dir.File("missing.txt");
  const RunResult r = Analyze({"--format=json", dir.File("good.txt"), missing});
  EXPECT_EQ(r.exit_code, kExitInput) << Describe(r);
  EXPECT_EQ(r.err, "tonewatch: " + missing +
                       ": No such file or directory\n"
                       "tonewatch: read 1 file(s), 1 message(s); 1 input(s) failed and 0 "
                       "problem(s) were found inside files (see above)\n"
                       "tonewatch: 1 input(s) could not be analyzed (see above); the others were "
                       "analyzed\n");
}

TEST(CliText, AFailedInputInEachLineModeEndsWithAWholeSentence) {
  TempDir dir;
  WriteFile(dir.File("good.txt"), "This is unacceptable.\n");
  const std::string missing = dir.File("missing.txt");
  const RunResult r = Analyze({"--each-line", "--format=json", dir.File("good.txt"), missing});
  EXPECT_EQ(r.exit_code, kExitInput) << Describe(r);
  EXPECT_EQ(r.err, "tonewatch: " + missing +
                       ": No such file or directory\n"
                       "tonewatch: 1 of 2 inputs could not be analyzed (see above); the others "
                       "were analyzed\n");
}

TEST(CliText, NoInputAnalyzedSaysSo) {
  TempDir dir;
  const std::string missing = dir.File("missing.txt");
  const RunResult r = Analyze({"--each-line", missing});
  EXPECT_EQ(r.exit_code, kExitInput) << Describe(r);
  EXPECT_EQ(r.err, "tonewatch: " + missing +
                       ": No such file or directory\n"
                       "tonewatch: no input could be analyzed (see above)\n");
}

}  // namespace
}  // namespace tonewatch
