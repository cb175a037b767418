#pragma once

// inotify's wire format, decoded. Internal to the watcher.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace tonewatch::daemon {

struct InotifyEvent {
  int wd = -1;  // -1 for IN_Q_OVERFLOW, which belongs to no watch
  uint32_t mask = 0;
  std::string name;  // the entry inside the watched folder; empty for events on the folder
};

// The events in what one read() of an inotify descriptor returned. The kernel writes whole events
// only, but a truncated tail (which would be a kernel bug) is dropped rather than read past.
std::vector<InotifyEvent> ParseInotifyEvents(std::span<const char> bytes);

}  // namespace tonewatch::daemon
