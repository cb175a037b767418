// The configured systemd units pass `systemd-analyze verify` (skipped where it is not installed)
// and keep the settings the daemon relies on.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>

#include "tests/support/test_support.h"

namespace tonewatch {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::TempDir;
using testing::WriteFile;

// The path of `name` on $PATH, or "".
std::string FindOnPath(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path != nullptr ? path : "/usr/bin:/bin");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    const std::string candidate = dir + "/" + name;
    if (!dir.empty() && ::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

// `unit` with ExecStart's program replaced by `program`. verify checks that the program exists,
// and the configured one is the installed tonewatchd, which a build tree does not have.
std::string WithExecStart(const std::string& unit, const std::string& program) {
  std::istringstream lines(unit);
  std::string out;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("ExecStart=", 0) == 0) {
      const size_t end = line.find(' ');
      line = "ExecStart=" + program + (end == std::string::npos ? "" : line.substr(end));
    }
    out += line + "\n";
  }
  return out;
}

struct Outcome {
  int status = -1;
  std::string output;  // stdout and stderr
};

Outcome RunShell(const std::string& command) {
  Outcome outcome;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return outcome;
  char buffer[4096];
  for (size_t n; (n = std::fread(buffer, 1, sizeof(buffer), pipe)) > 0;) {
    outcome.output.append(buffer, n);
  }
  const int status = ::pclose(pipe);
  outcome.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return outcome;
}

// Runs `systemd-analyze [--user] verify` on a copy of `unit_file` named `file_name` whose
// ExecStart is this test program, as the unit `verify_name`. A clean unit prints nothing:
// unknown keys and bad values are only warnings, so the output is checked, not just the status.
Outcome Verify(const std::string& analyze, const std::string& unit_file,
               const std::string& file_name, const std::string& verify_name, bool user) {
  TempDir dir;
  const std::string self = fs::read_symlink("/proc/self/exe").string();
  WriteFile(dir.path() / "units" / file_name, WithExecStart(ReadFile(unit_file), self));
  // A user manager needs a private runtime folder, which a build machine may not have.
  const std::string runtime = dir.File("runtime");
  ::mkdir(runtime.c_str(), 0700);
  const std::string command = (user ? "XDG_RUNTIME_DIR='" + runtime + "' " : std::string()) + "'" +
                              analyze + "'" + (user ? " --user" : "") + " verify '" +
                              (dir.path() / "units" / verify_name).string() + "'";
  return RunShell(command);
}

class SystemdUnits : public ::testing::Test {
 protected:
  void SetUp() override {
    analyze_ = FindOnPath("systemd-analyze");
    if (analyze_.empty()) GTEST_SKIP() << "systemd-analyze is not installed";
  }
  std::string analyze_;
};

TEST_F(SystemdUnits, UserUnitVerifies) {
  const Outcome outcome =
      Verify(analyze_, TONEWATCH_USER_UNIT, "tonewatchd.service", "tonewatchd.service", true);
  if (outcome.output.find("Failed to initialize manager") != std::string::npos) {
    GTEST_SKIP() << "no user manager can be set up here: " << outcome.output;
  }
  EXPECT_EQ(outcome.status, 0) << outcome.output;
  EXPECT_EQ(outcome.output, "");
}

TEST_F(SystemdUnits, SystemUnitVerifiesAsAnInstance) {
  const Outcome outcome = Verify(analyze_, TONEWATCH_SYSTEM_UNIT, "tonewatchd@.service",
                                 "tonewatchd@ana.service", false);
  EXPECT_EQ(outcome.status, 0) << outcome.output;
  EXPECT_EQ(outcome.output, "");
}

TEST_F(SystemdUnits, VerifyCatchesAMistake) {
  // The check above must be able to fail: a misspelt key is reported.
  TempDir dir;
  const std::string broken = dir.File("broken.service");
  WriteFile(broken, ReadFile(TONEWATCH_SYSTEM_UNIT) + "[Service]\nProtectSytem=strict\n");
  const Outcome outcome =
      Verify(analyze_, broken, "tonewatchd@.service", "tonewatchd@ana.service", false);
  EXPECT_NE(outcome.output.find("ProtectSytem"), std::string::npos) << outcome.output;
}

TEST(SystemdUnitFiles, KeepWhatTheDaemonReliesOn) {
  for (const char* path : {TONEWATCH_USER_UNIT, TONEWATCH_SYSTEM_UNIT}) {
    SCOPED_TRACE(path);
    const std::string unit = ReadFile(path);
    ASSERT_FALSE(unit.empty());
    EXPECT_EQ(unit.find("@TONEWATCH"), std::string::npos) << "left unconfigured";
    for (const char* line :
         {"\nType=notify\n", "\nWatchdogSec=", "\nExecReload=/bin/kill -HUP $MAINPID\n",
          "\nRestart=on-failure\n", "\nRestartPreventExitStatus=2 4\n",
          "\nRuntimeDirectory=", "\nProtectSystem=strict\n", "\nProtectHome=read-only\n",
          "\nPrivateTmp=yes\n", "\nNoNewPrivileges=yes\n", "\nRestrictAddressFamilies=AF_UNIX\n",
          "\nMemoryDenyWriteExecute=yes\n", "\nSystemCallFilter=@system-service\n"}) {
      EXPECT_NE(unit.find(line), std::string::npos) << line;
    }
    const size_t exec = unit.find("\nExecStart=/");
    ASSERT_NE(exec, std::string::npos);
    EXPECT_EQ(unit.substr(unit.find('\n', exec + 1) - 11, 11), "/tonewatchd");
  }
}

}  // namespace
}  // namespace tonewatch
