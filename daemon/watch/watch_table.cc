#include "daemon/watch/watch_table.h"

namespace tonewatch::daemon {

void WatchTable::Add(int wd, const std::string& path) {
  Erase(wd);
  const auto held = wds_.find(path);
  if (held != wds_.end()) paths_.erase(held->second);
  wds_[path] = wd;
  paths_[wd] = path;
}

const std::string* WatchTable::PathOf(int wd) const {
  const auto it = paths_.find(wd);
  return it == paths_.end() ? nullptr : &it->second;
}

std::vector<int> WatchTable::Under(const std::string& dir) const {
  std::vector<int> wds;
  const auto self = wds_.find(dir);
  if (self != wds_.end()) wds.push_back(self->second);
  const std::string prefix = dir.ends_with('/') ? dir : dir + '/';
  for (auto it = wds_.lower_bound(prefix); it != wds_.end() && it->first.starts_with(prefix);
       ++it) {
    if (it->first != dir) wds.push_back(it->second);
  }
  return wds;
}

void WatchTable::Erase(int wd) {
  const auto it = paths_.find(wd);
  if (it == paths_.end()) return;
  const auto held = wds_.find(it->second);
  if (held != wds_.end() && held->second == wd) wds_.erase(held);
  paths_.erase(it);
}

void WatchTable::Clear() {
  paths_.clear();
  wds_.clear();
}

}  // namespace tonewatch::daemon
