#include "daemon/watch/inotify_event.h"

#include <sys/inotify.h>

#include <cstring>

namespace tonewatch::daemon {

std::vector<InotifyEvent> ParseInotifyEvents(std::span<const char> bytes) {
  std::vector<InotifyEvent> events;
  size_t offset = 0;
  while (bytes.size() - offset >= sizeof(inotify_event)) {
    // Copied out rather than cast in place: the buffer's alignment is not the header's business.
    inotify_event header;
    std::memcpy(&header, bytes.data() + offset, sizeof header);
    const size_t name_offset = offset + sizeof header;
    if (bytes.size() - name_offset < header.len) break;
    InotifyEvent event;
    event.wd = header.wd;
    event.mask = header.mask;
    // The name is NUL-padded to an aligned length.
    const char* name = bytes.data() + name_offset;
    event.name.assign(name, strnlen(name, header.len));
    events.push_back(std::move(event));
    offset = name_offset + header.len;
  }
  return events;
}

}  // namespace tonewatch::daemon
