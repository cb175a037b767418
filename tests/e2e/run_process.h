#pragma once

// Runs a program as a child process with its standard streams wired to the test: stdin from a
// file, from a generator (for inputs too large to hold), or empty; stdout and stderr captured.
// A child that runs away (writes without end, or never exits) is killed and the result says so,
// so a bug shows up as a failed test rather than a hung or disk-filling one.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tonewatch::testing {

struct RunOptions {
  std::vector<std::string> args;  // args[0] is the program
  // Exactly one of these feeds stdin; neither: stdin is empty (/dev/null).
  std::string stdin_path;
  // Called for the next block of stdin whenever the child can take more; an empty view ends the
  // input. The view must stay valid until the next call.
  std::function<std::string_view()> stdin_feed;
  // Variables to set for the child, which starts from this process's environment minus
  // TONEWATCH_LEXICONS and NO_COLOR (so the developer's shell does not change the outcome).
  std::vector<std::pair<std::string, std::string>> env;
  size_t max_output = 8 << 20;  // per stream; past it the child is killed
  int timeout_seconds = 90;     // a watchdog, not a speed check
};

struct RunResult {
  int exit_code = -1;  // -1 when killed by a signal
  int signal = 0;
  std::string out;
  std::string err;
  bool output_overflow = false;  // killed for writing more than max_output
  bool timed_out = false;        // killed by the watchdog
  uint64_t stdin_written = 0;
};

RunResult RunProcess(const RunOptions& options);

// The exit code, signal and the start of both streams, for a failed assertion's message.
std::string Describe(const RunResult& result);

}  // namespace tonewatch::testing
