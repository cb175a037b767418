#include "daemon/config/log.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "tests/support/test_support.h"

namespace tonewatch::daemon {
namespace {

using tonewatch::testing::ReadFile;
using tonewatch::testing::TempDir;

// Sends stderr to a file for the life of the object, restoring it and the log level after.
class CapturedStderr {
 public:
  explicit CapturedStderr(const std::string& path) : level_(GetLogLevel()) {
    std::fflush(stderr);
    saved_ = ::dup(STDERR_FILENO);
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(fd, STDERR_FILENO);
    ::close(fd);
  }
  ~CapturedStderr() {
    ::dup2(saved_, STDERR_FILENO);
    ::close(saved_);
    SetLogLevel(level_);
  }

 private:
  int saved_ = -1;
  LogLevel level_;
};

TEST(Log, LinesCarryTheSdDaemonPriorityPrefix) {
  EXPECT_EQ(FormatLogLine(LogLevel::kError, "store failed"), "<3>store failed\n");
  EXPECT_EQ(FormatLogLine(LogLevel::kWarning, "w"), "<4>w\n");
  EXPECT_EQ(FormatLogLine(LogLevel::kInfo, "i"), "<6>i\n");
  EXPECT_EQ(FormatLogLine(LogLevel::kDebug, "d"), "<7>d\n");
}

TEST(Log, LineBreaksKeepOneEventOnOneLine) {
  EXPECT_EQ(FormatLogLine(LogLevel::kError, "a.toml:1: x\na.toml:3: y\n"),
            "<3>a.toml:1: x; a.toml:3: y\n");
  EXPECT_EQ(FormatLogLine(LogLevel::kInfo, "one\r\ntwo"), "<6>one; two\n");
  EXPECT_EQ(FormatLogLine(LogLevel::kInfo, ""), "<6>\n");
}

TEST(Log, LessSevereLinesAreDropped) {
  TempDir dir;
  {
    CapturedStderr capture(dir.File("err"));
    SetLogLevel(LogLevel::kWarning);
    LogDebug("debug {}", 1);
    LogInfo("info {}", 2);
    LogWarning("warning {}", 3);
    LogError("error {}", 4);
    SetLogLevel(LogLevel::kDebug);
    LogDebug("debug {}", 5);
  }
  EXPECT_EQ(ReadFile(dir.File("err")), "<4>warning 3\n<3>error 4\n<7>debug 5\n");
}

TEST(Log, LevelNames) {
  for (LogLevel level : {LogLevel::kError, LogLevel::kWarning, LogLevel::kInfo, LogLevel::kDebug}) {
    SCOPED_TRACE(LogLevelName(level));
    EXPECT_EQ(ParseLogLevel(LogLevelName(level)), level);
  }
  EXPECT_FALSE(ParseLogLevel("Info"));
  EXPECT_FALSE(ParseLogLevel("notice"));
}

}  // namespace
}  // namespace tonewatch::daemon
