#pragma once

// The real tonewatchd as a child process for end-to-end tests, and a minimal client for its
// socket. The daemon's stderr goes to a file the test can read; a daemon left running when the
// object dies is killed, so a failing test never leaves one behind.

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace tonewatch::testing {

class DaemonProcess {
 public:
  // Starts `binary` with `args` (without argv[0]); stderr is appended to `log_path`.
  DaemonProcess(std::string binary, std::vector<std::string> args, std::string log_path);
  ~DaemonProcess();
  DaemonProcess(const DaemonProcess&) = delete;
  DaemonProcess& operator=(const DaemonProcess&) = delete;

  pid_t pid() const { return pid_; }
  void Signal(int signal) const;
  // Waits (up to `seconds`) for the daemon to exit; its exit code, or -signal when killed, or
  // nullopt when it is still running.
  std::optional<int> Wait(int seconds);
  // SIGKILL and reap.
  void Kill();

 private:
  pid_t pid_ = -1;
};

// Sends `line` plus a newline to the socket at `path` and returns the one line answered, or an
// empty string when nothing could be exchanged within `seconds`.
std::string AskSocket(const std::string& path, const std::string& line, int seconds = 20);

// Polls `predicate` every 50 ms for up to `seconds`; true once it holds. A watchdog, not a timing.
template <typename Predicate>
bool Eventually(Predicate predicate, int seconds = 60);

}  // namespace tonewatch::testing

#include "tests/e2e/daemon_process_inl.h"
