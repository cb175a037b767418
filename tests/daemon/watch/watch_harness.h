#pragma once

// A Watcher on a temp folder, driven by the test's own thread: the test changes files, then runs
// the io_context until what it expects has arrived (or a generous deadline passed), and asserts
// on every report recorded.

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "daemon/watch/watcher.h"
#include "tests/support/test_support.h"

namespace tonewatch::daemon::testing {

struct Report {
  std::string path;
  ChangeKind kind;
};

class WatcherTest : public ::testing::Test {
 protected:
  static constexpr std::chrono::milliseconds kSettle{200};

  WatcherTest();

  // Watches root(); fails the test if Start fails.
  void StartWatching(std::chrono::milliseconds settle = kSettle);
  // Starts a Watcher on `roots` recording into this test, for tests of Start's errors.
  Result<std::unique_ptr<Watcher>> TryStart(std::vector<std::string> roots,
                                            std::chrono::milliseconds settle = kSettle);

  // Runs the io_context until `done` holds or the deadline passes; returns done().
  bool RunUntil(const std::function<bool()>& done);
  bool WaitForChange(const std::string& path);
  bool WaitForRemoval(const std::string& path);
  bool WaitForRescan();
  // Runs the io_context until it has no work left, as after Stop; false if work remained at
  // the deadline.
  bool RunUntilIdle();
  // Writes a marker file and waits for its report: events queued before it have been handled.
  void Flush();

  // The folder watched, and paths under it ("new/1" -> "<root>/new/1").
  const std::string& root() const { return root_; }
  std::string Path(const std::string& below) const;

  // Reports recorded, markers of Flush left out.
  std::vector<Report> Reports() const;
  // "changed <path>" / "removed <path>" lines, in order, with `root()/` cut off.
  std::vector<std::string> Story() const;
  int Count(const std::string& path, ChangeKind kind) const;

  ::tonewatch::testing::TempDir temp_;
  boost::asio::io_context io_;
  std::unique_ptr<Watcher> watcher_;
  std::vector<Report> reports_;
  std::vector<std::string> rescans_;
  // Called after a report is recorded; tests set it to act from inside a callback.
  std::function<void(const Report&)> after_report_;

 private:
  std::string root_;
  int flushes_ = 0;
};

// Atomic rename, failing the test on error.
void Rename(const std::string& from, const std::string& to);
// A file kept open by its writer, as a mail client keeps its mbox.
using OpenFile = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;
// Opens `path` for appending; fails the test (and returns null) if it cannot.
OpenFile OpenForAppend(const std::string& path);
// Appends `bytes` to `out`, flushing them to the kernel.
void Append(std::FILE* out, const std::string& bytes);

}  // namespace tonewatch::daemon::testing
