#include "tests/daemon/server/server_fixture.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <stdexcept>

namespace tonewatch::daemon::server_test {
namespace {

// How long Eventually waits: a safety net against hanging, never asserted.
constexpr std::chrono::seconds kSafetyTimeout{20};

}  // namespace

LineHandlerFactory EchoHandlers() {
  return [] {
    return [](std::string_view line) -> std::string {
      if (line == "throw") throw std::runtime_error("the fake handler exploded");
      return "echo " + std::string(line);
    };
  };
}

LineHandlerFactory Gate::Handlers() {
  return [this] {
    return [this](std::string_view line) {
      std::unique_lock lock(mutex_);
      entered_ = true;
      changed_.notify_all();
      changed_.wait(lock, [this] { return open_; });
      return "done " + std::string(line);
    };
  };
}

void Gate::WaitUntilEntered() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return entered_; });
}

void Gate::Open() {
  std::lock_guard lock(mutex_);
  open_ = true;
  changed_.notify_all();
}

ServerTest::ServerTest()
    : socket_path_(dir_.File("tonewatchd.sock")), work_(boost::asio::make_work_guard(io_)) {
  io_thread_ = std::thread([this] {
    try {
      io_.run();
    } catch (const std::exception& e) {
      ADD_FAILURE() << "an exception left io_context::run: " << e.what();
    }
  });
}

ServerTest::~ServerTest() {
  server_.reset();
  work_.reset();
  io_thread_.join();  // returns once every connection is closed: Stop drained them
}

ServerOptions ServerTest::Options() {
  ServerOptions options;
  options.socket_path = socket_path_;
  options.log = [this](std::string_view line) {
    std::lock_guard lock(log_mutex_);
    log_.emplace_back(line);
  };
  return options;
}

void ServerTest::StartServer(ServerOptions options, LineHandlerFactory factory) {
  Result<std::unique_ptr<Server>> started = TryStart(std::move(options), std::move(factory));
  ASSERT_TRUE(started) << started.error().ToString();
  server_ = std::move(*started);
}

Result<std::unique_ptr<Server>> ServerTest::TryStart(ServerOptions options,
                                                     LineHandlerFactory factory) {
  return Server::Start(io_, std::move(options), std::move(factory));
}

std::string ServerTest::Ask(TestClient& client, std::string_view line) {
  if (!client.Send(std::string(line) + "\n")) return "<not sent>";
  return client.ReadLine().value_or("<no answer>");
}

bool ServerTest::Logged(std::string_view text) {
  std::lock_guard lock(log_mutex_);
  for (const std::string& line : log_) {
    if (line.find(text) != std::string::npos) return true;
  }
  return false;
}

bool ServerTest::Eventually(const std::function<bool()>& condition) {
  const auto give_up = std::chrono::steady_clock::now() + kSafetyTimeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > give_up) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

void LeaveStaleSocket(const std::string& path) {
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, path.c_str(), sizeof address.sun_path - 1);
  const int bound = ::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address);
  ::close(fd);  // the file stays; nobody listens on it any more
  ASSERT_EQ(bound, 0) << path;
}

mode_t ModeOf(const std::filesystem::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return 0;
  return st.st_mode & 07777;
}

}  // namespace tonewatch::daemon::server_test
