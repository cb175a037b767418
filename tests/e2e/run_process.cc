#include "tests/e2e/run_process.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

extern char** environ;

namespace tonewatch::testing {
namespace {

constexpr int kPollMillis = 200;
constexpr size_t kReadBuffer = 64 << 10;
// A bigger pipe means fewer wake-ups when streaming a large stdin.
constexpr int kPipeBytes = 1 << 20;

std::vector<std::string> ChildEnvironment(
    const std::vector<std::pair<std::string, std::string>>& changes) {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string_view entry(*e);
    const std::string_view name = entry.substr(0, entry.find('='));
    if (name == "TONEWATCH_LEXICONS" || name == "NO_COLOR") continue;
    bool overridden = false;
    for (const auto& [key, value] : changes) overridden = overridden || key == name;
    if (!overridden) env.emplace_back(entry);
  }
  for (const auto& [key, value] : changes) env.push_back(key + "=" + value);
  return env;
}

std::vector<char*> Pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

double Now() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

}  // namespace

RunResult RunProcess(const RunOptions& options) {
  RunResult result;
  // A child that exits while we still feed it must not kill the test with SIGPIPE.
  ::signal(SIGPIPE, SIG_IGN);

  int out[2], err[2], in[2] = {-1, -1};
  if (::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) {
    ADD_FAILURE() << "pipe2: " << std::strerror(errno);
    return result;
  }
  int stdin_fd = -1;
  if (options.stdin_feed) {
    if (::pipe2(in, O_CLOEXEC) != 0) {
      ADD_FAILURE() << "pipe2: " << std::strerror(errno);
      return result;
    }
    ::fcntl(in[1], F_SETPIPE_SZ, kPipeBytes);
    stdin_fd = in[0];
  } else {
    const std::string path = options.stdin_path.empty() ? "/dev/null" : options.stdin_path;
    stdin_fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (stdin_fd < 0) {
      ADD_FAILURE() << "open " << path << ": " << std::strerror(errno);
      return result;
    }
  }

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, stdin_fd, STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);

  std::vector<std::string> args = options.args;
  std::vector<std::string> env = ChildEnvironment(options.env);
  std::vector<char*> argv = Pointers(args);
  std::vector<char*> envp = Pointers(env);
  pid_t pid = -1;
  const int spawned = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(stdin_fd);
  ::close(out[1]);
  ::close(err[1]);
  if (spawned != 0) {
    ADD_FAILURE() << "posix_spawn " << argv[0] << ": " << std::strerror(spawned);
    ::close(out[0]);
    ::close(err[0]);
    if (in[1] >= 0) ::close(in[1]);
    return result;
  }

  int feed_fd = in[1];
  if (feed_fd >= 0) ::fcntl(feed_fd, F_SETFL, ::fcntl(feed_fd, F_GETFL) | O_NONBLOCK);
  std::string_view pending;
  bool out_open = true;
  bool err_open = true;
  bool killed = false;
  const double deadline = Now() + options.timeout_seconds;
  std::vector<char> buffer(kReadBuffer);

  auto kill_child = [&] {
    if (!killed) ::kill(pid, SIGKILL);
    killed = true;
  };

  while (out_open || err_open) {
    pollfd fds[3];
    int count = 0;
    const int out_slot = out_open ? count : -1;
    if (out_open) fds[count++] = {out[0], POLLIN, 0};
    const int err_slot = err_open ? count : -1;
    if (err_open) fds[count++] = {err[0], POLLIN, 0};
    const int feed_slot = feed_fd >= 0 ? count : -1;
    if (feed_fd >= 0) fds[count++] = {feed_fd, POLLOUT, 0};
    const int ready = ::poll(fds, count, kPollMillis);
    if (ready < 0 && errno != EINTR) break;
    if (Now() > deadline) {
      result.timed_out = true;
      kill_child();
    }

    auto drain = [&](int slot, int fd, std::string& into, bool& open) {
      if (slot < 0 || (fds[slot].revents & (POLLIN | POLLHUP | POLLERR)) == 0) return;
      const ssize_t n = ::read(fd, buffer.data(), buffer.size());
      if (n > 0) {
        into.append(buffer.data(), static_cast<size_t>(n));
        if (into.size() > options.max_output) {
          result.output_overflow = true;
          kill_child();
        }
      } else if (n == 0 || errno != EINTR) {
        open = false;
      }
    };
    drain(out_slot, out[0], result.out, out_open);
    drain(err_slot, err[0], result.err, err_open);

    if (feed_slot >= 0 && (fds[feed_slot].revents & (POLLOUT | POLLERR | POLLHUP)) != 0) {
      bool done = false;
      while (!done) {
        if (pending.empty()) pending = options.stdin_feed();
        if (pending.empty()) {
          done = true;
          break;
        }
        const ssize_t n = ::write(feed_fd, pending.data(), pending.size());
        if (n > 0) {
          pending.remove_prefix(static_cast<size_t>(n));
          result.stdin_written += static_cast<uint64_t>(n);
        } else if (n < 0 && errno == EAGAIN) {
          break;  // the pipe is full: wait for the child
        } else if (n < 0 && errno == EINTR) {
          continue;
        } else {
          done = true;  // EPIPE: the child closed its stdin
        }
      }
      if (done) {
        ::close(feed_fd);
        feed_fd = -1;
      }
    }
  }
  if (feed_fd >= 0) ::close(feed_fd);
  ::close(out[0]);
  ::close(err[0]);

  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  return result;
}

std::string Describe(const RunResult& r) {
  return fmt::format("exit {} signal {}{}{}\n--- stderr ---\n{}\n--- stdout (start) ---\n{}",
                     r.exit_code, r.signal, r.output_overflow ? " (killed: output overflow)" : "",
                     r.timed_out ? " (killed: timed out)" : "", r.err.substr(0, 2000),
                     r.out.substr(0, 3000));
}

}  // namespace tonewatch::testing
