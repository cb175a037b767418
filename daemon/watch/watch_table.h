#pragma once

// Which inotify watch descriptor watches which folder, both ways. Internal to the watcher; knows
// nothing of inotify itself, so it can be tested alone.

#include <cstddef>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace tonewatch::daemon {

class WatchTable {
 public:
  // Records that `wd` watches `path`. inotify returns the same wd when a folder already watched is
  // added again under a new name (it was renamed): the old name is dropped. A new wd for a path
  // already held (the folder was replaced) takes the path over; the old wd keeps no path.
  void Add(int wd, const std::string& path);

  // The folder `wd` watches, or nullptr for an unknown wd (removed, or never added). The pointer
  // is valid until the next Add or Erase.
  const std::string* PathOf(int wd) const;

  // The wds watching `dir` and the folders below it.
  std::vector<int> Under(const std::string& dir) const;

  // Forgets `wd` (inotify said IN_IGNORED, or the watcher removed it). Unknown wds are ignored.
  void Erase(int wd);

  void Clear();
  size_t size() const { return wds_.size(); }

 private:
  std::unordered_map<int, std::string> paths_;
  // Ordered, so that the folders below a path form one range.
  std::map<std::string, int> wds_;
};

}  // namespace tonewatch::daemon
