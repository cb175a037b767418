#pragma once

#include <filesystem>
#include <string>

namespace tonewatch::testing {

// A scratch folder removed at the end of the test.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }
  // Writes `bytes` to path()/name (creating folders) and returns the full path.
  std::string Write(const std::string& name, const std::string& bytes) const;

 private:
  std::filesystem::path path_;
};

// A small RFC 5322 message; `extra_headers` and `body` are inserted as given.
std::string Message(const std::string& id, const std::string& from, const std::string& subject,
                    const std::string& body, const std::string& extra_headers = "");

}  // namespace tonewatch::testing
