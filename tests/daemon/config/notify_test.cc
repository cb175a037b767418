#include "daemon/config/notify.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>

#include "tests/support/test_support.h"

namespace tonewatch::daemon {
namespace {

using tonewatch::testing::TempDir;

// Sets (or, with nullopt, unsets) an environment variable for the life of the object.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, std::optional<std::string> value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) {
      ::setenv(name, value->c_str(), 1);
    } else {
      ::unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

// A datagram socket bound in a temp folder and named by $NOTIFY_SOCKET, standing in for systemd.
class FakeSystemd {
 public:
  explicit FakeSystemd(const TempDir& dir) : path_(dir.File("notify.sock")) {
    fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strncpy(addr.sun_path, path_.c_str(), sizeof(addr.sun_path) - 1);
    EXPECT_EQ(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0) << path_;
    // Only a guard so a lost message fails the test instead of hanging it; nothing is timed.
    timeval guard{};
    guard.tv_sec = 30;
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &guard, sizeof(guard));
    env_.emplace("NOTIFY_SOCKET", path_);
  }
  ~FakeSystemd() { ::close(fd_); }

  // The next datagram, or "(nothing)".
  std::string Receive() {
    char buffer[4096];
    const ssize_t n = ::recv(fd_, buffer, sizeof(buffer), 0);
    return n < 0 ? std::string("(nothing)") : std::string(buffer, static_cast<size_t>(n));
  }

 private:
  std::string path_;
  int fd_ = -1;
  std::optional<ScopedEnv> env_;
};

TEST(Notify, MessagesArriveOnTheNotifySocket) {
  TempDir dir;
  FakeSystemd systemd(dir);
  EXPECT_TRUE(notify::Ready());
  EXPECT_EQ(systemd.Receive(), "READY=1");
  EXPECT_TRUE(notify::Status("watching 2 folders, 14 files queued"));
  EXPECT_EQ(systemd.Receive(), "STATUS=watching 2 folders, 14 files queued");
  EXPECT_TRUE(notify::WatchdogPing());
  EXPECT_EQ(systemd.Receive(), "WATCHDOG=1");
  EXPECT_TRUE(notify::Stopping());
  EXPECT_EQ(systemd.Receive(), "STOPPING=1");
}

TEST(Notify, ReloadingCarriesTheMonotonicClock) {
  TempDir dir;
  FakeSystemd systemd(dir);
  EXPECT_TRUE(notify::Reloading());
  const std::string message = systemd.Receive();
  EXPECT_EQ(message.rfind("RELOADING=1\nMONOTONIC_USEC=", 0), 0u) << message;
  const std::string usec = message.substr(message.find('=', 12) + 1);
  ASSERT_FALSE(usec.empty());
  EXPECT_EQ(usec.find_first_not_of("0123456789"), std::string::npos) << usec;
}

TEST(Notify, StatusLineBreaksBecomeSpaces) {
  TempDir dir;
  FakeSystemd systemd(dir);
  // A newline would start a new assignment: "READY=1" smuggled in a status must not be one.
  EXPECT_TRUE(notify::Status("reload failed:\nREADY=1"));
  EXPECT_EQ(systemd.Receive(), "STATUS=reload failed: READY=1");
}

TEST(Notify, WithoutNotifySocketEveryCallIsANoOp) {
  ScopedEnv no_socket("NOTIFY_SOCKET", std::nullopt);
  EXPECT_FALSE(notify::Ready());
  EXPECT_FALSE(notify::Status("x"));
  EXPECT_FALSE(notify::Reloading());
  EXPECT_FALSE(notify::Stopping());
  EXPECT_FALSE(notify::WatchdogPing());
}

TEST(Notify, WatchdogIntervalComesFromTheEnvironment) {
  ScopedEnv usec("WATCHDOG_USEC", "60000000");
  {
    ScopedEnv pid("WATCHDOG_PID", std::to_string(::getpid()));
    EXPECT_EQ(notify::WatchdogInterval(), std::chrono::seconds(60));
  }
  {
    ScopedEnv pid("WATCHDOG_PID", std::nullopt);
    EXPECT_EQ(notify::WatchdogInterval(), std::chrono::seconds(60));
  }
  {
    // Meant for another process (a parent that did not unset it): not ours to ping.
    ScopedEnv pid("WATCHDOG_PID", std::to_string(::getpid() + 1));
    EXPECT_EQ(notify::WatchdogInterval(), std::nullopt);
  }
}

TEST(Notify, NoWatchdogWhenNotEnabled) {
  ScopedEnv usec("WATCHDOG_USEC", std::nullopt);
  ScopedEnv pid("WATCHDOG_PID", std::nullopt);
  EXPECT_EQ(notify::WatchdogInterval(), std::nullopt);
}

}  // namespace
}  // namespace tonewatch::daemon
