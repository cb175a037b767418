#include "analyzers/base/file.h"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

namespace tonewatch {

std::optional<std::string> ReadSmallFile(const std::filesystem::path& path, uintmax_t max_bytes,
                                         std::string* error) {
  std::error_code ec;
  const uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) {
    *error = ec.message();
    return std::nullopt;
  }
  if (size > max_bytes) {
    *error = fmt::format("file is {} bytes; at most {} are read", size, max_bytes);
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot open file";
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string NormalFolderPath(const std::filesystem::path& path) {
  std::string normal = path.lexically_normal().string();
  // "dir/" normalizes to "dir/" (an empty last element).
  while (normal.size() > 1 && normal.back() == '/') normal.pop_back();
  return normal;
}

}  // namespace tonewatch
