#include "daemon/watch/scanner.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <string_view>
#include <system_error>
#include <unordered_set>

#include "analyzers/readers/folder_walker.h"
#include "daemon/watch/watch_rules.h"

namespace tonewatch::daemon {
namespace {

constexpr int64_t kNanosPerSecond = 1'000'000'000;

// True when `path` is `dir` or lies below it.
bool IsUnder(std::string_view path, std::string_view dir) {
  if (!path.starts_with(dir)) return false;
  return path.size() == dir.size() || dir.ends_with('/') || path[dir.size()] == '/';
}

bool IsUnderAny(std::string_view path, const std::vector<std::string>& dirs) {
  return std::any_of(dirs.begin(), dirs.end(),
                     [&](const std::string& dir) { return IsUnder(path, dir); });
}

// What a scan accumulates besides the result: the paths found, and the paths it could not look
// at (whose known files must not be forgotten).
struct ScanState {
  const std::unordered_map<std::string, FileIdentity>& known;
  ScanResult result;
  std::unordered_set<std::string> seen;
  std::vector<std::string> blocked;
};

void CompareFile(const std::string& path, ScanState& state) {
  if (IsIgnoredFileName(std::filesystem::path(path).filename().string())) return;
  if (state.seen.contains(path)) return;  // nested or repeated roots
  Result<FileIdentity> identity = StatIdentity(path);
  if (!identity) {
    // Gone since it was listed: not seen, so a known one is forgotten, as it should be.
    if (identity.error().code == ErrorCode::kNotFound) return;
    state.result.problems.push_back({path, identity.error().message});
    state.blocked.push_back(path);
    return;
  }
  state.seen.insert(path);
  ++state.result.files_seen;
  const auto known = state.known.find(path);
  if (known == state.known.end() || !SameVersion(known->second, *identity)) {
    state.result.changed.push_back(path);
  }
}

void ScanRoot(const std::string& root, ScanState& state) {
  std::vector<Error> errors;
  const std::vector<std::filesystem::path> files = ListInputFiles(root, &errors);
  for (const Error& error : errors) {
    state.result.problems.push_back({error.where, error.message});
    state.blocked.push_back(error.where);
  }
  for (const std::filesystem::path& file : files) CompareFile(file.string(), state);
}

}  // namespace

ScanResult Scan(const std::vector<std::string>& roots,
                const std::unordered_map<std::string, FileIdentity>& known) {
  ScanState state{known, {}, {}, {}};
  std::vector<std::string> normal_roots;
  for (const std::string& root : roots) {
    normal_roots.push_back(NormalizeRoot(root));
    ScanRoot(normal_roots.back(), state);
  }
  for (const auto& [path, identity] : known) {
    if (state.seen.contains(path) || !IsUnderAny(path, normal_roots)) continue;
    if (IsUnderAny(path, state.blocked)) continue;
    state.result.removed.push_back(path);
  }
  std::sort(state.result.changed.begin(), state.result.changed.end());
  std::sort(state.result.removed.begin(), state.result.removed.end());
  return std::move(state.result);
}

Result<FileIdentity> StatIdentity(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    const int error = errno;
    return Err(error == ENOENT || error == ENOTDIR ? ErrorCode::kNotFound : ErrorCode::kUnreadable,
               path, std::error_code(error, std::generic_category()).message());
  }
  FileIdentity identity;
  identity.device = static_cast<uint64_t>(info.st_dev);
  identity.inode = static_cast<uint64_t>(info.st_ino);
  identity.size = static_cast<int64_t>(info.st_size);
  identity.mtime_ns = static_cast<int64_t>(info.st_mtim.tv_sec) * kNanosPerSecond +
                      static_cast<int64_t>(info.st_mtim.tv_nsec);
  return identity;
}

}  // namespace tonewatch::daemon
