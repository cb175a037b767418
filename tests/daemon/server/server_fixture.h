#pragma once

// The server under test: a fixture that runs an io_context on a background thread, as the daemon
// runs it on its main one, plus fake request handlers and small verbs the tests tell stories with.

#include <gtest/gtest.h>
#include <sys/types.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "daemon/server/server.h"
#include "tests/daemon/server/test_client.h"
#include "tests/support/test_support.h"

namespace tonewatch::daemon::server_test {

// Handlers answering "echo <line>"; the line "throw" makes them throw
// std::runtime_error("the fake handler exploded").
LineHandlerFactory EchoHandlers();

// Holds every request in its handler until Open(), so a test can act while a request is in
// flight. Handlers answer "done <line>".
class Gate {
 public:
  LineHandlerFactory Handlers();
  // Blocks until a handler holds a request.
  void WaitUntilEntered();
  void Open();

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool entered_ = false;
  bool open_ = false;
};

class ServerTest : public ::testing::Test {
 protected:
  ServerTest();
  ~ServerTest() override;

  // Options for a server on a socket in the temp folder, logging into Logged().
  ServerOptions Options();
  // Starts server(); fails the test when it does not start.
  void StartServer(ServerOptions options, LineHandlerFactory factory = EchoHandlers());
  void StartServer() { StartServer(Options()); }
  Result<std::unique_ptr<Server>> TryStart(ServerOptions options,
                                           LineHandlerFactory factory = EchoHandlers());

  TestClient Connect() { return TestClient(socket_path_); }
  // Sends `line` and a newline, and returns the answer; "<no answer>" when none came.
  static std::string Ask(TestClient& client, std::string_view line);
  // Whether some log line contains `text`.
  bool Logged(std::string_view text);
  // Polls until `condition` holds; false when the safety timeout passes first.
  static bool Eventually(const std::function<bool()>& condition);

  Server& server() { return *server_; }
  const std::string& socket_path() const { return socket_path_; }
  const std::filesystem::path& dir() const { return dir_.path(); }

 private:
  tonewatch::testing::TempDir dir_;
  std::string socket_path_;
  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  std::thread io_thread_;
  std::unique_ptr<Server> server_;
  std::mutex log_mutex_;
  std::vector<std::string> log_;
};

// Leaves a socket file at `path` that nobody listens on, as a crashed daemon does.
void LeaveStaleSocket(const std::string& path);

// The permission bits of `path` (0600, 0700, ...); 0 when it cannot be read.
mode_t ModeOf(const std::filesystem::path& path);

}  // namespace tonewatch::daemon::server_test
