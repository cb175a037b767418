#pragma once

// A blocking client of the server under test, in plain POSIX rather than Asio so that its reads
// can time out: a broken server then fails a test instead of hanging it. The timeout is a safety
// net, never asserted.

#include <optional>
#include <string>
#include <string_view>

namespace tonewatch::daemon::server_test {

class TestClient {
 public:
  // Connects to `socket_path`; connected() says whether it did.
  explicit TestClient(const std::string& socket_path);
  ~TestClient();
  TestClient(TestClient&& other) noexcept;
  TestClient& operator=(TestClient&&) = delete;
  TestClient(const TestClient&) = delete;
  TestClient& operator=(const TestClient&) = delete;

  bool connected() const { return fd_ >= 0; }

  // Writes all of `bytes`. False when the server has closed the connection (or it never opened).
  bool Send(std::string_view bytes);

  // The next line, without its newline. nullopt when the stream ends (or the safety timeout
  // passes) before a whole line.
  std::optional<std::string> ReadLine();

  // True when the next read finds the end of the stream (closed or reset by the server) rather
  // than bytes, and nothing unread is left over.
  bool ClosedByServer();

 private:
  int fd_ = -1;
  std::string unread_;
};

}  // namespace tonewatch::daemon::server_test
