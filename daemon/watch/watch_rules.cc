#include "daemon/watch/watch_rules.h"

#include <sys/stat.h>

#include <filesystem>
#include <system_error>

#include "analyzers/base/file.h"

namespace tonewatch::daemon {

namespace fs = std::filesystem;

std::string NormalizeRoot(const std::string& root) {
  std::error_code ec;
  fs::path absolute = fs::absolute(root, ec);
  if (ec) absolute = root;  // only when the current folder is gone; keep the spelling given
  return NormalFolderPath(absolute);
}

std::string JoinPath(std::string_view dir, std::string_view name) {
  std::string path(dir);
  if (path.empty() || path.back() != '/') path += '/';
  path += name;
  return path;
}

bool IsIgnoredFileName(std::string_view name) {
  if (name.empty() || name.front() == '.') return true;
  if (name.back() == '~') return true;
  return name.ends_with(".swp") || name.ends_with(".swx");
}

bool IsInputFile(const std::string& path) {
  if (IsIgnoredFileName(fs::path(path).filename().string())) return false;
  std::error_code ec;
  return fs::is_regular_file(fs::status(path, ec));
}

bool IsCompleteOnCreate(const std::string& path) {
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0) return false;
  if (S_ISLNK(info.st_mode)) return IsInputFile(path);
  // A fresh file has one link; more means link(2) gave a finished file a second name.
  return S_ISREG(info.st_mode) && info.st_nlink > 1;
}

}  // namespace tonewatch::daemon
