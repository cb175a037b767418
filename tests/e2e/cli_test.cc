// End-to-end tests of the `tonewatch` binary: each runs the real program on temp files with the
// fixture lexicon and checks what a user or a script sees: stdout, stderr and the exit code.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "analyzers/lexicon/lexicon.h"
#include "tests/e2e/run_process.h"
#include "tests/support/damaged_mail.h"
#include "tests/support/test_support.h"

namespace tonewatch {
namespace {

using json = nlohmann::json;
using testing::Contains;
using testing::Describe;
using testing::FixtureLexiconRoot;
using testing::LineOf;
using testing::ReadFile;
using testing::RunOptions;
using testing::RunResult;
using testing::TempDir;
using testing::WriteFile;

using namespace testing::exit_codes;

RunResult Tonewatch(std::vector<std::string> args, RunOptions options = {}) {
  options.args = {TONEWATCH_BINARY};
  options.args.insert(options.args.end(), args.begin(), args.end());
  return testing::RunProcess(options);
}

// `tonewatch analyze --lexicons <fixture> args...`
RunResult Analyze(std::vector<std::string> args, RunOptions options = {}) {
  std::vector<std::string> full = {"analyze", "--lexicons", FixtureLexiconRoot().string()};
  full.insert(full.end(), args.begin(), args.end());
  return Tonewatch(full, std::move(options));
}

// Every line of `out` parsed as JSON; a line that is not JSON fails the test.
std::vector<json> JsonLines(const std::string& out) {
  std::vector<json> objects;
  size_t start = 0;
  while (start < out.size()) {
    size_t end = out.find('\n', start);
    if (end == std::string::npos) end = out.size();
    const std::string line = out.substr(start, end - start);
    json j = json::parse(line, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << "not JSON: " << line.substr(0, 500);
    if (!j.is_discarded()) objects.push_back(std::move(j));
    start = end + 1;
  }
  if (!out.empty()) {
    EXPECT_EQ(out.back(), '\n') << "output should end with a newline";
  }
  return objects;
}

// Each finding's begin/end index `text`, and its "text" is those bytes.
void ExpectFindingsIndex(const std::string& text, const json& findings) {
  ASSERT_TRUE(findings.is_array());
  for (const json& f : findings) {
    const size_t begin = f.at("begin").get<size_t>();
    const size_t end = f.at("end").get<size_t>();
    ASSERT_LE(begin, end);
    ASSERT_LE(end, text.size());
    EXPECT_EQ(text.substr(begin, end - begin), f.at("text").get<std::string>()) << f.dump();
  }
}

const std::vector<std::string> kLines = {
    "Thanks for the update, see you Monday.",
    "You never sent the file. This is absolutely unacceptable!!",
    "",
    "\xE2\x80\x9C"
    "Fine,\xE2\x80\x9D he said \xF0\x9F\x98\x80 \xE2\x80\x94 but I will escalate this.",
    "I\xE2\x80\x99m sorry for the delay.",
};

std::string Joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

TEST(CliEachLine, PrintsOneObjectPerLineInOrder) {
  TempDir dir;
  WriteFile(dir.File("lines.txt"), Joined(kLines));
  const RunResult r = Analyze({"--each-line", "--format=json", dir.File("lines.txt")});
  ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
  EXPECT_EQ(r.err, "");
  const std::vector<json> objects = JsonLines(r.out);
  ASSERT_EQ(objects.size(), kLines.size()) << r.out;
  const std::vector<int> heats = {0, 12 + 20 + 10 + 4, 0, 15, 0};
  for (size_t i = 0; i < objects.size(); ++i) {
    SCOPED_TRACE(kLines[i]);
    const json& o = objects[i];
    // Exactly the documented fields: one input, no errors.
    EXPECT_EQ(o.size(), 4u) << o.dump();
    EXPECT_EQ(o.at("line"), i + 1);
    EXPECT_EQ(o.at("heat"), heats[i]);
    int sum = 0;
    for (const json& f : o.at("findings")) sum += f.at("points").get<int>();
    EXPECT_EQ(o.at("tone"), sum);
    ExpectFindingsIndex(kLines[i], o.at("findings"));
  }
  EXPECT_EQ(objects[1]["findings"][0]["rule"], "accusation.you-never");
  EXPECT_EQ(objects[3]["findings"][0]["text"], "escalate this");
  EXPECT_LT(objects[4]["tone"], 0) << "an apology with nothing heated is courteous";
  EXPECT_EQ(objects[4]["heat"], 0);
}

TEST(CliEachLine, LastLineWithoutLineBreakIsOneMoreLine) {
  TempDir dir;
  WriteFile(dir.File("lines.txt"), "calm\nThis is unacceptable.");
  RunOptions options;
  options.max_output = 1 << 20;  // two short lines: anything near this is a runaway
  const RunResult r =
      Analyze({"--each-line", "--format=json", dir.File("lines.txt")}, std::move(options));
  EXPECT_FALSE(r.output_overflow) << "tonewatch kept printing lines after the last one";
  ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
  const std::vector<json> objects = JsonLines(r.out.substr(0, 4096));
  ASSERT_EQ(objects.size(), 2u) << r.out.substr(0, 500);
  EXPECT_EQ(objects[1]["line"], 2);
  EXPECT_EQ(objects[1]["heat"], 20);
}

TEST(CliEachLine, SeveralInputsNameTheirSource) {
  TempDir dir;
  WriteFile(dir.File("a.txt"), "This is unacceptable.\n");
  WriteFile(dir.File("b.txt"), "calm\nI will escalate this.\n");
  const RunResult r =
      Analyze({"--each-line", "--format=json", dir.File("a.txt"), dir.File("b.txt")});
  ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
  const std::vector<json> objects = JsonLines(r.out);
  ASSERT_EQ(objects.size(), 3u);
  EXPECT_EQ(objects[0]["source"], dir.File("a.txt"));
  EXPECT_EQ(objects[0]["line"], 1);
  EXPECT_EQ(objects[1]["source"], dir.File("b.txt"));
  EXPECT_EQ(objects[1]["line"], 1);
  EXPECT_EQ(objects[2]["line"], 2);
  EXPECT_EQ(objects[2]["heat"], 15);
}

TEST(CliEachLine, MinHeatStillPrintsEveryJsonLine) {
  TempDir dir;
  WriteFile(dir.File("lines.txt"), Joined(kLines));
  const RunResult r =
      Analyze({"--each-line", "--format=json", "--min-heat", "50", dir.File("lines.txt")});
  ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
  EXPECT_EQ(JsonLines(r.out).size(), kLines.size());
}

TEST(CliEachLine, TextListsOnlyLinesWithFindings) {
  TempDir dir;
  WriteFile(dir.File("lines.txt"), Joined(kLines));
  const RunResult r = Analyze({"--each-line", dir.File("lines.txt")});
  ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
  EXPECT_FALSE(Contains(r.out, dir.File("lines.txt") + ":1 "));
  EXPECT_TRUE(Contains(r.out, dir.File("lines.txt") + ":2 ")) << r.out;
  EXPECT_TRUE(Contains(r.out, dir.File("lines.txt") + ":4 ")) << r.out;
  EXPECT_FALSE(Contains(r.out, dir.File("lines.txt") + ":3 "));
}

// A 1 GiB line, streamed from this process into the child's stdin 1 MiB at a time (never held in
// memory here or there), followed by a normal line: the giant line is reported as too long with
// its true length, the next line is still analyzed.
TEST(CliEachLine, GiantLineIsReportedNotAnalyzed) {
  constexpr uint64_t kLineBytes = uint64_t{1} << 30;
  const std::string block(1 << 20, 'x');
  const std::string tail = "\nThis is unacceptable.\n";
  uint64_t sent = 0;
  bool tail_sent = false;
  RunOptions options;
  options.stdin_feed = [&]() -> std::string_view {
    if (sent < kLineBytes) {
      sent += block.size();
      return block;
    }
    if (!tail_sent) {
      tail_sent = true;
      return tail;
    }
    return {};
  };
  options.max_output = 1 << 20;
  const RunResult r = Analyze({"--each-line", "--format=json"}, std::move(options));
  ASSERT_FALSE(r.timed_out) << Describe(r);
  ASSERT_EQ(r.signal, 0) << Describe(r);
  EXPECT_EQ(r.stdin_written, kLineBytes + tail.size());
  const std::vector<json> objects = JsonLines(r.out);
  ASSERT_EQ(objects.size(), 2u) << r.out.substr(0, 1000);
  const json& giant = objects[0];
  EXPECT_EQ(giant["line"], 1);
  EXPECT_EQ(giant["heat"], 0);
  EXPECT_TRUE(giant["findings"].empty());
  ASSERT_TRUE(giant.contains("errors")) << giant.dump();
  ASSERT_EQ(giant["errors"].size(), 1u);
  const std::string error = giant["errors"][0].dump();
  EXPECT_TRUE(Contains(error, "line is 1073741824 bytes")) << error;
  EXPECT_TRUE(Contains(error, "not analyzed")) << error;
  EXPECT_TRUE(Contains(r.err, "line is 1073741824 bytes")) << r.err;
  EXPECT_EQ(objects[1]["line"], 2);
  EXPECT_EQ(objects[1]["heat"], 20);
  // Part of the input was not analyzed: exit 3 ("an input could not be read or analyzed").
  EXPECT_EQ(r.exit_code, kExitInput) << Describe(r);
}

TEST(CliAnalyze, JsonIsOneThreadPerFile) {
  TempDir dir;
  const std::string first = "You never sent the file.\nAs I said, this is unacceptable.\n";
  const std::string second = "Thank you for your patience.\n";
  WriteFile(dir.File("first.txt"), first);
  WriteFile(dir.File("second.txt"), second);
  const RunResult r = Analyze({"--format=json", dir.File("first.txt"), dir.File("second.txt")});
  ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
  const std::vector<json> threads = JsonLines(r.out);
  ASSERT_EQ(threads.size(), 2u);
  const std::vector<std::string> texts = {first, second};
  const std::vector<std::string> paths = {dir.File("first.txt"), dir.File("second.txt")};
  for (size_t i = 0; i < threads.size(); ++i) {
    SCOPED_TRACE(paths[i]);
    const json& t = threads[i];
    EXPECT_EQ(t.at("schema"), 1);
    EXPECT_EQ(t.at("source"), paths[i]);
    EXPECT_TRUE(t.at("thread").is_string());
    EXPECT_TRUE(t.at("trend").is_string());
    EXPECT_TRUE(t.at("move_off_email").is_null());
    EXPECT_TRUE(t.at("errors").empty());
    ASSERT_EQ(t.at("messages").size(), 1u);
    const json& m = t["messages"][0];
    for (const char* key : {"id", "author", "me", "time", "heat", "findings", "stripping"}) {
      EXPECT_TRUE(m.contains(key)) << key;
    }
    EXPECT_EQ(m.at("heat"), t.at("heat"));
    ExpectFindingsIndex(texts[i], m.at("findings"));
  }
  EXPECT_EQ(threads[0]["heat"], 12 + 10 + 20);
  EXPECT_EQ(threads[1]["heat"], 0);
  EXPECT_EQ(threads[1]["messages"][0]["findings"].size(), 1u);  // the repair cue, listed
}

TEST(CliAnalyze, ReadsStandardInput) {
  TempDir dir;
  WriteFile(dir.File("in.txt"), "I will escalate this.\n");
  RunOptions options;
  options.stdin_path = dir.File("in.txt");
  const RunResult r = Analyze({"--format=json"}, std::move(options));
  ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
  const std::vector<json> threads = JsonLines(r.out);
  ASSERT_EQ(threads.size(), 1u);
  EXPECT_EQ(threads[0]["source"], "<stdin>");
  EXPECT_EQ(threads[0]["heat"], 15);
}

// "--me ADDRESS FILE", as the README writes it: --me takes one value, so FILE is an input and not a
// second address (which left nothing to read but stdin). Repeating --me still gives several.
TEST(CliAnalyze, MeTakesOneValueSoAFileAfterItIsRead) {
  TempDir dir;
  WriteFile(dir.File("in.txt"), "I will escalate this.\n");
  for (const std::vector<std::string>& me :
       {std::vector<std::string>{"--me", "sam@us.example"},
        std::vector<std::string>{"--me", "sam@us.example", "--me", "Sam Patel"}}) {
    std::vector<std::string> args = {"--format=json"};
    args.insert(args.end(), me.begin(), me.end());
    args.push_back(dir.File("in.txt"));
    const RunResult r = Analyze(args);
    ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
    const std::vector<json> threads = JsonLines(r.out);
    ASSERT_EQ(threads.size(), 1u) << r.out;
    EXPECT_EQ(threads[0]["source"], dir.File("in.txt"));
    EXPECT_EQ(threads[0]["heat"], 15);
  }
}

TEST(CliAnalyze, TextHasNoColourWhenNotATerminal) {
  TempDir dir;
  WriteFile(dir.File("mail.txt"), "We waited all week and this is unacceptable.\n");
  const RunResult r = Analyze({dir.File("mail.txt")});
  ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
  EXPECT_FALSE(Contains(r.out, "\x1b[")) << r.out;
  EXPECT_TRUE(Contains(r.out, dir.File("mail.txt"))) << r.out;
  EXPECT_TRUE(Contains(r.out, "hostility.unacceptable")) << r.out;
  EXPECT_TRUE(Contains(r.out, "**unacceptable**")) << r.out;  // the flagged words, marked
  EXPECT_TRUE(Contains(r.out, "Calling something unacceptable")) << r.out;    // why
  EXPECT_TRUE(Contains(r.out, "This doesn't meet what we agreed")) << r.out;  // suggestion
  EXPECT_TRUE(Contains(r.out, "heat 20")) << r.out;

  const RunResult never = Analyze({"--color=never", dir.File("mail.txt")});
  EXPECT_FALSE(Contains(never.out, "\x1b["));
}

TEST(CliAnalyze, ColorAlwaysColours) {
  TempDir dir;
  WriteFile(dir.File("mail.txt"), "We waited all week and this is unacceptable.\n");
  const RunResult r = Analyze({"--color=always", dir.File("mail.txt")});
  ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
  EXPECT_TRUE(Contains(r.out, "\x1b[")) << r.out;
  EXPECT_TRUE(Contains(r.out, "unacceptable\x1b[0m")) << r.out;
}

TEST(CliAnalyze, MinHeatFiltersTexts) {
  TempDir dir;
  WriteFile(dir.File("calm.txt"), "Thanks, see you Monday.\n");
  WriteFile(dir.File("warm.txt"), "I will escalate this.\n");            // 15
  WriteFile(dir.File("hot.txt"), "This is absolutely unacceptable.\n");  // 30
  const std::vector<std::string> files = {dir.File("calm.txt"), dir.File("warm.txt"),
                                          dir.File("hot.txt")};
  struct Case {
    std::string min_heat;
    std::vector<std::string> printed;
  };
  const std::vector<Case> cases = {
      {"0", files}, {"15", {files[1], files[2]}}, {"16", {files[2]}}, {"30", {files[2]}},
      {"31", {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("--min-heat " + c.min_heat);
    std::vector<std::string> args = {"--format=json", "--min-heat", c.min_heat};
    args.insert(args.end(), files.begin(), files.end());
    const RunResult r = Analyze(args);
    ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
    std::vector<std::string> printed;
    for (const json& t : JsonLines(r.out)) printed.push_back(t["source"].get<std::string>());
    EXPECT_EQ(printed, c.printed);
  }
}

TEST(CliAnalyze, MissingFileIsExit3AndTheOthersAreStillAnalyzed) {
  TempDir dir;
  WriteFile(dir.File("good.txt"), "This is unacceptable.\n");
  const std::string missing = dir.File("missing.txt");
  const RunResult r = Analyze({"--format=json", missing, dir.File("good.txt")});
  EXPECT_EQ(r.exit_code, kExitInput) << Describe(r);
  EXPECT_TRUE(Contains(r.err, missing)) << r.err;
  EXPECT_TRUE(Contains(r.err, "No such file")) << r.err;
  const std::vector<json> threads = JsonLines(r.out);
  ASSERT_EQ(threads.size(), 1u);
  EXPECT_EQ(threads[0]["source"], dir.File("good.txt"));
  EXPECT_EQ(threads[0]["heat"], 20);
}

TEST(CliAnalyze, BinaryFileIsExit3NamingIt) {
  TempDir dir;
  WriteFile(dir.File("image.png"), std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  WriteFile(dir.File("good.txt"), "calm\n");
  const RunResult r = Analyze({"--format=json", dir.File("image.png"), dir.File("good.txt")});
  EXPECT_EQ(r.exit_code, kExitInput) << Describe(r);
  EXPECT_TRUE(Contains(r.err, dir.File("image.png"))) << r.err;
  EXPECT_TRUE(Contains(r.err, "binary") || Contains(r.err, "NUL")) << r.err;
  const std::vector<json> threads = JsonLines(r.out);
  ASSERT_EQ(threads.size(), 1u);
  EXPECT_EQ(threads[0]["source"], dir.File("good.txt"));
}

// One binary attachment, a NUL in a header or a body, a message cut short: none of them costs the
// mbox. Every message is printed, each damage is said on stderr with its place, and the run is
// a success.
TEST(CliAnalyze, MboxWithBinaryInsideIsAnalyzedWholeAndExit0) {
  TempDir dir;
  // Mail needs the mail lexicon (quote and signature lists) beside the fixture rules.
  const std::filesystem::path lexicons = dir.path() / "lexicons";
  testing::CopyFixtureLexicon(lexicons);
  std::filesystem::copy(std::filesystem::path(TONEWATCH_SOURCE_LEXICONS) / "mail",
                        lexicons / "mail", std::filesystem::copy_options::recursive);
  const testing::DamagedMbox mbox = testing::MakeDamagedMbox(testing::DamagedMessages());
  WriteFile(dir.File("export.mbox"), mbox.bytes);
  const RunResult r = Tonewatch(
      {"analyze", "--lexicons", lexicons.string(), "--format=json", dir.File("export.mbox")});
  ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
  size_t messages = 0;
  for (const json& t : JsonLines(r.out)) messages += t["messages"].size();
  EXPECT_EQ(messages, 8u);
  const std::string at = dir.File("export.mbox") + ":byte ";
  EXPECT_TRUE(Contains(
      r.err, at + std::to_string(mbox.separators[1]) + ": raw binary attachment 'ledger.bin'"))
      << r.err;
  EXPECT_TRUE(Contains(
      r.err, at + std::to_string(mbox.separators[3]) + ": 1 NUL byte removed from the text"))
      << r.err;
  EXPECT_TRUE(Contains(r.err,
                       "tonewatch: read 1 file(s), 8 message(s); 0 input(s) failed and 6 "
                       "problem(s) were found inside files (see above)\n"))
      << r.err;
}

TEST(CliAnalyze, InvalidUtf8IsReportedWithItsOffsetAndExit0) {
  TempDir dir;
  const std::string path = dir.File("latin1.txt");
  WriteFile(path, "Caf\xE9 was closed. This is unacceptable.\n");
  const RunResult r = Analyze({"--format=json", path});
  EXPECT_EQ(r.exit_code, kExitOk) << Describe(r);
  EXPECT_TRUE(Contains(r.err, path + ":byte 3")) << r.err;
  const std::vector<json> threads = JsonLines(r.out);
  ASSERT_EQ(threads.size(), 1u);
  EXPECT_EQ(threads[0]["heat"], 20);
  ASSERT_EQ(threads[0]["errors"].size(), 1u);
  EXPECT_TRUE(Contains(threads[0]["errors"][0].dump(), "byte 3")) << threads[0]["errors"];
  ExpectFindingsIndex("Caf\xEF\xBF\xBD was closed. This is unacceptable.\n",
                      threads[0]["messages"][0]["findings"]);
}

TEST(CliAnalyze, InvalidUtf8InEachLineMode) {
  TempDir dir;
  const std::string path = dir.File("lines.txt");
  WriteFile(path, "fine\nbad \xFF line, unacceptable\n");
  const RunResult r = Analyze({"--each-line", "--format=json", path});
  EXPECT_EQ(r.exit_code, kExitOk) << Describe(r);
  EXPECT_TRUE(Contains(r.err, path + ":byte 9")) << r.err;
  const std::vector<json> objects = JsonLines(r.out);
  ASSERT_EQ(objects.size(), 2u);
  EXPECT_EQ(objects[1]["heat"], 20);
  ASSERT_TRUE(objects[1].contains("errors"));
  ExpectFindingsIndex("bad \xEF\xBF\xBD line, unacceptable", objects[1]["findings"]);
}

TEST(CliAnalyze, EmptyInputIsCalmJson) {
  TempDir dir;
  WriteFile(dir.File("empty.txt"), "");
  const RunResult r = Analyze({"--format=json", dir.File("empty.txt")});
  ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
  const std::vector<json> threads = JsonLines(r.out);
  ASSERT_EQ(threads.size(), 1u);
  EXPECT_EQ(threads[0]["schema"], 1);
  EXPECT_EQ(threads[0]["heat"], 0);
  ASSERT_EQ(threads[0]["messages"].size(), 1u);
  EXPECT_TRUE(threads[0]["messages"][0]["findings"].empty());

  // Empty stdin too, and --each-line on it prints nothing at all.
  const RunResult from_stdin = Analyze({"--format=json"});
  ASSERT_EQ(from_stdin.exit_code, kExitOk) << Describe(from_stdin);
  ASSERT_EQ(JsonLines(from_stdin.out).size(), 1u);
  const RunResult lines = Analyze({"--each-line", "--format=json"});
  ASSERT_EQ(lines.exit_code, kExitOk) << Describe(lines);
  EXPECT_EQ(lines.out, "");
}

// A copy of the fixture lexicon with one more rule file, broken at a known line.
struct BrokenLexicon {
  TempDir dir;
  std::string file;
  int line = 0;
  explicit BrokenLexicon(const std::string& rules, std::string_view marker) {
    testing::CopyFixtureLexicon(dir.path());
    file = (dir.path() / "en" / "zz_broken.toml").string();
    WriteFile(file, rules);
    line = LineOf(rules, marker);
  }
};

TEST(CliLexicon, BrokenLexiconIsExit4WithFileLine) {
  const BrokenLexicon broken(
      "[[rule]]\n"
      "id = \"hostility.broken\"\n"
      "category = \"hostile\"   # the mistake\n"
      "points = 5\n"
      "pattern = 'x'\n"
      "why = \"w\"\n"
      "suggestion = \"s\"\n"
      "match = [\"x\", \"xx\"]\n"
      "no_match = [\"y\", \"yy\"]\n",
      "# the mistake");
  TempDir inputs;
  WriteFile(inputs.File("mail.txt"), "This is unacceptable.\n");
  const RunResult r = Tonewatch({"analyze", "--lexicons", broken.dir.path().string(),
                                 "--format=json", inputs.File("mail.txt")});
  EXPECT_EQ(r.exit_code, kExitLexicon) << Describe(r);
  EXPECT_TRUE(
      Contains(r.err, fmt::format("{}:{}: rule hostility.broken: unknown category 'hostile'",
                                  broken.file, broken.line)))
      << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(CliLexicon, PatternThatDoesNotCompileIsExit4WithFileLine) {
  const BrokenLexicon broken(
      "\n"
      "[[rule]]   # the rule\n"
      "id = \"hostility.unclosed\"\n"
      "category = \"hostility\"\n"
      "points = 5\n"
      "pattern = '''(unclosed'''\n"
      "why = \"w\"\n"
      "suggestion = \"s\"\n"
      "match = [\"x\", \"xx\"]\n"
      "no_match = [\"y\", \"yy\"]\n",
      "# the rule");
  const RunResult r = Tonewatch({"analyze", "--lexicons", broken.dir.path().string()});
  EXPECT_EQ(r.exit_code, kExitLexicon) << Describe(r);
  EXPECT_TRUE(
      Contains(r.err, fmt::format("{}:{}: rule hostility.unclosed: pattern does not compile",
                                  broken.file, broken.line)))
      << r.err;
}

TEST(CliLexicon, MissingLexiconFolderIsExit4) {
  TempDir dir;
  const RunResult r = Tonewatch({"analyze", "--lexicons", dir.File("nothing-here")});
  EXPECT_EQ(r.exit_code, kExitLexicon) << Describe(r);
  EXPECT_TRUE(Contains(r.err, dir.File("nothing-here"))) << r.err;
}

TEST(CliUsage, BadCommandLinesAreExit2) {
  const std::vector<std::vector<std::string>> cases = {
      {"analyze", "--bogus"},
      {"analyze", "--format=xml"},
      {"analyze", "--color=sometimes"},
      {"analyze", "--min-heat", "101"},
      {"analyze", "--min-heat", "lots"},
      {"analyze", "--max-line-bytes", "0"},
      {"no-such-command"},
      {"--bogus"},
      {},
  };
  for (const auto& args : cases) {
    std::string shown;
    for (const auto& a : args) shown += a + " ";
    SCOPED_TRACE(shown);
    const RunResult r = Tonewatch(args);
    EXPECT_EQ(r.exit_code, kExitUsage) << Describe(r);
    EXPECT_FALSE(r.err.empty());
  }
}

TEST(CliUsage, HelpIsExit0AndListsExitCodes) {
  const RunResult r = Tonewatch({"--help"});
  EXPECT_EQ(r.exit_code, kExitOk) << Describe(r);
  EXPECT_TRUE(Contains(r.out, "Exit codes")) << r.out;
}

TEST(CliVersion, PrintsVersionLexiconFolderAndHash) {
  RunOptions options;
  options.env = {{"TONEWATCH_LEXICONS", FixtureLexiconRoot().string()}};
  const RunResult r = Tonewatch({"--version"}, std::move(options));
  ASSERT_EQ(r.exit_code, kExitOk) << Describe(r);
  EXPECT_TRUE(Contains(r.out, std::string("tonewatch ") + TONEWATCH_VERSION)) << r.out;
  EXPECT_TRUE(Contains(r.out, (FixtureLexiconRoot() / "en").string())) << r.out;
  EXPECT_TRUE(Contains(r.out, "TONEWATCH_LEXICONS")) << r.out;
  std::smatch hash;
  ASSERT_TRUE(std::regex_search(r.out, hash, std::regex("hash ([0-9a-f]{16})\\b"))) << r.out;
  auto lexicon = LoadLexicon(FixtureLexiconRoot());
  ASSERT_TRUE(lexicon);
  EXPECT_EQ(hash[1].str(), lexicon->hash);
}

TEST(CliCheckLexicon, FixturePasses) {
  const RunResult r = Tonewatch({"check-lexicon", FixtureLexiconRoot().string()});
  EXPECT_EQ(r.exit_code, kExitOk) << Describe(r);
  EXPECT_TRUE(Contains(r.out, "all pass")) << r.out;
}

TEST(CliCheckLexicon, FailingExampleIsExit4WithFileLineAndRule) {
  TempDir dir;
  testing::CopyFixtureLexicon(dir.path());
  const std::string cues = (dir.path() / "en" / "cues.toml").string();
  std::string text = ReadFile(cues);
  const std::string good =
      "match = [\"This is unacceptable.\", \"Frankly, that was unacceptable\"]";
  const size_t at = text.find(good);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, good.size(),
               "match = [\"This is unacceptable.\", \"Frankly, that was acceptable\"]");
  WriteFile(cues, text);
  const int rule_line = LineOf(text, "id = \"hostility.unacceptable\"") - 1;  // its [[rule]]

  const RunResult r = Tonewatch({"check-lexicon", dir.path().string()});
  EXPECT_EQ(r.exit_code, kExitLexicon) << Describe(r);
  const std::string expected = fmt::format(
      "{}:{}: rule hostility.unacceptable: match example \"Frankly, that was acceptable\" did not "
      "fire",
      cues, rule_line);
  EXPECT_TRUE(Contains(r.out + r.err, expected)) << "expected: " << expected << "\n" << Describe(r);
  EXPECT_TRUE(Contains(r.err, "1 of 44 examples failed")) << r.err;
}

// A suggestion is checked as its author wrote it, "{N}" read as "...": one that the engine flags
// again, or that is as hot as the rule it replaces, fails the check with the rule's file:line.
TEST(CliCheckLexicon, SuggestionThatIsNotCoolerIsExit4WithFileLineAndRule) {
  TempDir dir;
  testing::CopyFixtureLexicon(dir.path());
  const std::string cues = (dir.path() / "en" / "cues.toml").string();
  std::string text = ReadFile(cues);
  const std::string refires = "suggestion = \"To recap where we are: ...\"";
  const std::string too_hot =
      "suggestion = \"Name the specific times: \\\"On Monday and on Thursday ...\\\"\"";
  ASSERT_TRUE(Contains(text, refires));
  ASSERT_TRUE(Contains(text, too_hot));
  text.replace(text.find(refires), refires.size(),
               "suggestion = \"As I said, to recap where we are: ...\"");
  text.replace(text.find(too_hot), too_hot.size(),
               "suggestion = \"Name the times; {0} is a problem.\"");
  WriteFile(cues, text);
  const int recap_line = LineOf(text, "id = \"passive-aggressive.as-i-said\"") - 1;
  const int always_line = LineOf(text, "id = \"absolutes.always\"") - 1;

  const RunResult r = Tonewatch({"check-lexicon", dir.path().string()});
  EXPECT_EQ(r.exit_code, kExitLexicon) << Describe(r);
  const std::string again = fmt::format(
      "{}:{}: rule passive-aggressive.as-i-said: suggestion \"As I said, to recap where we are: "
      "...\" fires the rule again",
      cues, recap_line);
  const std::string hot = fmt::format(
      "{}:{}: rule absolutes.always: suggestion \"Name the times; ... is a problem.\" has heat 6, "
      "not below the rule's 5 points",
      cues, always_line);
  EXPECT_TRUE(Contains(r.out, again)) << "expected: " << again << "\n" << Describe(r);
  EXPECT_TRUE(Contains(r.out, hot)) << "expected: " << hot << "\n" << Describe(r);
  EXPECT_TRUE(Contains(r.err, "2 of 6 suggestions do not cool the text")) << r.err;
}

}  // namespace
}  // namespace tonewatch
