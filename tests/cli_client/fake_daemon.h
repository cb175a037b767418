#pragma once

// A stand-in for tonewatchd in the client's tests: a Unix socket in a temp folder and a thread
// that accepts connections one after another, reads one request line from each, records it and
// answers with a canned line, or closes, or keeps silent. Plain POSIX, so the tests do not share
// the client's Asio code and cannot pass by sharing its bugs.

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace tonewatch::testing {

class FakeDaemon {
 public:
  enum class Mode {
    kAnswer,  // write the canned answer and a newline, then close
    kClose,   // close without answering
    kSilent,  // answer nothing and hold the connection until the client gives up
  };

  // Listens on `socket_path` (which must not exist) until destroyed. A failure to bind or listen
  // fails the calling test.
  FakeDaemon(std::string socket_path, std::string answer, Mode mode = Mode::kAnswer);
  ~FakeDaemon();
  FakeDaemon(const FakeDaemon&) = delete;
  FakeDaemon& operator=(const FakeDaemon&) = delete;

  const std::string& path() const { return path_; }

  // The request lines received so far, without their newlines. Thread-safe.
  std::vector<std::string> Requests();

 private:
  void Serve();
  void Answer(int fd);

  std::string path_;
  std::string answer_;
  Mode mode_;
  int listen_fd_ = -1;
  std::atomic<bool> stop_{false};
  std::mutex mutex_;
  std::vector<std::string> requests_;
  std::thread thread_;
};

// Leaves a socket file at `socket_path` that nobody listens on, as a daemon that was killed does:
// connecting to it is refused.
void LeaveStaleSocket(const std::string& socket_path);

}  // namespace tonewatch::testing
