#include "daemon/config/notify.h"

#include <fmt/format.h>
#include <systemd/sd-daemon.h>
#include <time.h>

#include <cstdint>
#include <string>

namespace tonewatch::daemon::notify {
namespace {

// sd_notify returns > 0 when sent, 0 when there is no $NOTIFY_SOCKET, < 0 on failure. The
// environment is kept (unset_environment = 0) because the daemon notifies many times.
bool Send(const std::string& state) { return sd_notify(0, state.c_str()) > 0; }

int64_t MonotonicMicros() {
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  return static_cast<int64_t>(now.tv_sec) * 1'000'000 + now.tv_nsec / 1'000;
}

}  // namespace

bool Ready() { return Send("READY=1"); }

bool Status(std::string_view text) {
  std::string line(text);
  for (char& c : line) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return Send("STATUS=" + line);
}

bool Stopping() { return Send("STOPPING=1"); }

bool Reloading() { return Send(fmt::format("RELOADING=1\nMONOTONIC_USEC={}", MonotonicMicros())); }

std::optional<std::chrono::microseconds> WatchdogInterval() {
  uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) <= 0 || usec == 0) return std::nullopt;
  return std::chrono::microseconds(static_cast<int64_t>(usec));
}

bool WatchdogPing() { return Send("WATCHDOG=1"); }

}  // namespace tonewatch::daemon::notify
