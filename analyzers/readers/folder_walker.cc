#include "analyzers/readers/folder_walker.h"

#include <algorithm>

namespace tonewatch {
namespace {

namespace fs = std::filesystem;

Error PathError(const fs::path& path, const std::error_code& ec, std::string_view what) {
  return MakeError(ErrorCode::kUnreadable, path.string(), ec ? ec.message() : std::string(what));
}

void Walk(const fs::path& dir, std::vector<fs::path>& files, std::vector<Error>* errors) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    errors->push_back(PathError(dir, ec, ""));
    return;
  }
  std::vector<fs::path> entries;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) {
      errors->push_back(PathError(dir, ec, ""));
      break;
    }
    entries.push_back(it->path());
  }
  std::sort(entries.begin(), entries.end());
  for (const fs::path& path : entries) {
    const fs::file_status link = fs::symlink_status(path, ec);
    if (ec) {
      errors->push_back(PathError(path, ec, ""));
      continue;
    }
    const std::string name = path.filename().string();
    if (fs::is_symlink(link)) {
      const fs::file_status target = fs::status(path, ec);
      if (ec) {  // dangling, or a loop of links (ELOOP)
        errors->push_back(PathError(path, ec, ""));
      } else if (fs::is_directory(target)) {
        errors->push_back(MakeError(ErrorCode::kUnreadable, path.string(),
                                    "symbolic link to a folder; not followed (pass its target "
                                    "to read it)"));
      } else if (fs::is_regular_file(target) && name[0] != '.') {
        files.push_back(path);
      }
      continue;
    }
    if (fs::is_directory(link)) {
      if (!IsMaildirTmp(path)) Walk(path, files, errors);
    } else if (fs::is_regular_file(link) && name[0] != '.') {
      files.push_back(path);
    }
  }
}

}  // namespace

bool IsMaildirTmp(const fs::path& dir) {
  if (dir.filename() != "tmp") return false;
  std::error_code ec;
  const fs::path parent = dir.parent_path();
  return fs::is_directory(parent / "cur", ec) || fs::is_directory(parent / "new", ec);
}

std::vector<fs::path> ListInputFiles(const fs::path& root, std::vector<Error>* errors) {
  std::vector<fs::path> files;
  std::error_code ec;
  const fs::file_status status = fs::status(root, ec);
  if (ec) {
    errors->push_back(MakeError(
        ec == std::errc::no_such_file_or_directory ? ErrorCode::kNotFound : ErrorCode::kUnreadable,
        root.string(), ec.message()));
    return files;
  }
  if (fs::is_directory(status)) {
    Walk(root, files, errors);
  } else {
    files.push_back(root);
  }
  return files;
}

}  // namespace tonewatch
