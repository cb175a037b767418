// What the watcher does when its view breaks: roots and folders going away, lost events, being
// stopped or destroyed with work pending.

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>

#include "tests/daemon/watch/watch_harness.h"

namespace tonewatch::daemon::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::tonewatch::testing::WriteFile;

constexpr char kMail[] = "From: client@example.com\nSubject: Invoice\n\nWhere is it?\n";

// The kernel's per-instance event queue length; 0 when it cannot be read.
long QueueLimit() {
  std::ifstream in("/proc/sys/fs/inotify/max_queued_events");
  long limit = 0;
  in >> limit;
  return limit;
}

// A child's exit code: user namespaces are not available, so the limit could not be lowered.
constexpr int kNoUserNamespace = 77;

bool WriteProcFile(const std::string& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
  out.flush();
  return out.good();
}

// Enters a new user namespace (mapping the caller to its root) whose inotify watch limit is
// `limit`: the limit can be lowered there without touching the machine's.
bool EnterUserNamespaceWithWatchLimit(int limit) {
  const uid_t uid = ::getuid();
  const gid_t gid = ::getgid();
  return ::unshare(CLONE_NEWUSER) == 0 && WriteProcFile("/proc/self/setgroups", "deny") &&
         WriteProcFile("/proc/self/uid_map", fmt::format("0 {} 1", uid)) &&
         WriteProcFile("/proc/self/gid_map", fmt::format("0 {} 1", gid)) &&
         WriteProcFile("/proc/sys/user/max_inotify_watches", std::to_string(limit));
}

// Runs `body` in a child process under a watch limit of `limit` and returns what it returned, or
// nullopt when user namespaces are not available here.
std::optional<std::string> RunUnderWatchLimit(int limit, const std::function<std::string()>& body) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) return std::nullopt;
  const pid_t child = ::fork();
  if (child < 0) {
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    return "fork failed";
  }
  if (child == 0) {
    ::close(pipe_fds[0]);
    if (!EnterUserNamespaceWithWatchLimit(limit)) ::_exit(kNoUserNamespace);
    const std::string out = body();
    const bool written =
        ::write(pipe_fds[1], out.data(), out.size()) == static_cast<ssize_t>(out.size());
    ::_exit(written ? 0 : 1);  // no atexit handlers: they belong to the parent
  }
  ::close(pipe_fds[1]);
  std::string out;
  char chunk[4096];
  for (ssize_t n; (n = ::read(pipe_fds[0], chunk, sizeof chunk)) > 0;) out.append(chunk, n);
  ::close(pipe_fds[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  if (WIFEXITED(status) && WEXITSTATUS(status) == kNoUserNamespace) return std::nullopt;
  return out;
}

TEST_F(WatcherTest, AWatchLimitHitAsksForARescanNamingTheSysctl) {
  for (const char* folder : {"a", "b", "c", "d"}) fs::create_directories(Path(folder));
  // The root, flush/ and one more folder get watches; the next one does not.
  const std::optional<std::string> why = RunUnderWatchLimit(3, [&] {
    boost::asio::io_context io;
    std::string rescan;
    auto started = Watcher::Start(
        io, WatcherOptions{{root()}, kSettle}, [](const std::string&, ChangeKind) {},
        [&](std::string text) { rescan = std::move(text); });
    if (!started) return "Start failed: " + started.error().ToString();
    io.run_one_for(std::chrono::seconds(10));
    return rescan;
  });
  if (!why) GTEST_SKIP() << "user namespaces are not available to lower the watch limit";
  EXPECT_THAT(*why, HasSubstr("fs.inotify.max_user_watches"));
  EXPECT_THAT(*why, HasSubstr("not watched"));
  EXPECT_THAT(*why, HasSubstr(root() + "/"));
}

TEST_F(WatcherTest, ADeletedRootAsksForARescanNamingIt) {
  StartWatching();
  fs::remove_all(root());
  ASSERT_TRUE(WaitForRescan());
  EXPECT_THAT(rescans_.front(), HasSubstr(root()));
  EXPECT_THAT(rescans_.front(), HasSubstr("no longer watched"));
  EXPECT_EQ(watcher_->watched_folders(), 0u);
}

TEST_F(WatcherTest, ARenamedFolderAsksForARescanAndIsWatchedUnderItsNewName) {
  WriteFile(Path("clients/acme/1.eml"), kMail);
  StartWatching();
  const size_t watched = watcher_->watched_folders();
  Rename(Path("clients/acme"), Path("clients/acme-corp"));
  ASSERT_TRUE(WaitForChange(Path("clients/acme-corp/1.eml")));
  ASSERT_TRUE(WaitForRescan());
  EXPECT_THAT(rescans_.front(), HasSubstr(Path("clients/acme") + " was renamed"));

  WriteFile(Path("clients/acme-corp/2.eml"), kMail);
  EXPECT_TRUE(WaitForChange(Path("clients/acme-corp/2.eml")));
  EXPECT_EQ(watcher_->watched_folders(), watched);
}

TEST_F(WatcherTest, AnOverflowedQueueAsksForARescanAndWatchingGoesOn) {
  const long limit = QueueLimit();
  if (limit <= 0 || limit > 1'000'000) GTEST_SKIP() << "queue limit " << limit;
  WriteFile(Path("a.mbox"), "");
  WriteFile(Path("b.mbox"), "");
  StartWatching();
  OpenFile a = OpenForAppend(Path("a.mbox"));
  OpenFile b = OpenForAppend(Path("b.mbox"));
  // Alternating files: the kernel merges an event only with an identical one just before it.
  for (long i = 0; i <= limit / 2 + 1; ++i) {
    Append(a.get(), "x");
    Append(b.get(), "y");
  }
  ASSERT_TRUE(WaitForRescan());
  EXPECT_THAT(rescans_.front(), HasSubstr("overflowed"));

  WriteFile(Path("later/after.eml"), kMail);
  EXPECT_TRUE(WaitForChange(Path("later/after.eml")));
}

TEST_F(WatcherTest, StopDropsAPendingSettleAndLeavesNoWork) {
  WriteFile(Path("archive.mbox"), "");
  StartWatching(std::chrono::minutes(10));
  OpenFile mbox = OpenForAppend(Path("archive.mbox"));
  Append(mbox.get(), "From x\n");
  ASSERT_TRUE(RunUntil([&] { return watcher_->settling_files() == 1; }));
  watcher_->Stop();
  Append(mbox.get(), "From y\n");
  EXPECT_TRUE(RunUntilIdle()) << "Stop left a timer or a read pending";
  EXPECT_THAT(Story(), IsEmpty());
  EXPECT_EQ(watcher_->watched_folders(), 0u);
}

TEST_F(WatcherTest, ACallbackMayDestroyTheWatcher) {
  StartWatching();
  after_report_ = [this](const Report&) { watcher_.reset(); };
  WriteFile(Path("a.eml"), kMail);
  WriteFile(Path("b.eml"), kMail);
  ASSERT_TRUE(WaitForChange(Path("a.eml")));
  EXPECT_TRUE(RunUntilIdle());
  EXPECT_EQ(reports_.size(), 1u) << "a report came after the watcher was destroyed";
}

TEST_F(WatcherTest, ADeletedFolderStopsBeingWatched) {
  WriteFile(Path("old/1.eml"), kMail);
  StartWatching();
  const size_t watched = watcher_->watched_folders();
  fs::remove_all(Path("old"));
  ASSERT_TRUE(WaitForRemoval(Path("old/1.eml")));
  Flush();
  EXPECT_EQ(watcher_->watched_folders(), watched - 1);
  EXPECT_THAT(rescans_, IsEmpty());
}

}  // namespace
}  // namespace tonewatch::daemon::testing
