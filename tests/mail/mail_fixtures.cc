#include "tests/mail/mail_fixtures.h"

#include <unistd.h>

#include <atomic>
#include <fstream>

namespace tonewatch::testing {

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  path_ = std::filesystem::temp_directory_path() /
          ("tonewatch-mail-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string TempDir::Write(const std::string& name, const std::string& bytes) const {
  const std::filesystem::path full = path_ / name;
  std::filesystem::create_directories(full.parent_path());
  std::ofstream(full, std::ios::binary) << bytes;
  return full.string();
}

std::string Message(const std::string& id, const std::string& from, const std::string& subject,
                    const std::string& body, const std::string& extra_headers) {
  return "From: " + from + "\nTo: Dana Okafor <dana@brightline.example>\nSubject: " + subject +
         "\nDate: Tue, 17 Nov 2026 09:00:00 +0000\nMessage-ID: <" + id + ">\n" + extra_headers +
         "MIME-Version: 1.0\n" +
         (extra_headers.find("Content-Type") == std::string::npos
              ? "Content-Type: text/plain; charset=utf-8\n"
              : "") +
         "\n" + body;
}

}  // namespace tonewatch::testing
