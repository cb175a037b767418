#include "tests/mail/mail_fixtures.h"

namespace tonewatch::testing {

std::string WriteIn(const TempDir& dir, const std::string& name, const std::string& bytes) {
  const std::filesystem::path full = dir.path() / name;
  WriteFile(full, bytes);
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
