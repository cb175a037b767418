#include "tests/daemon/watch/watch_harness.h"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>

#include "daemon/watch/watch_rules.h"

namespace tonewatch::daemon::testing {
namespace {

namespace fs = std::filesystem;

// Generous: under sanitizers on a loaded machine inotify still answers in milliseconds.
constexpr auto kDeadline = std::chrono::seconds(10);
constexpr auto kSlice = std::chrono::milliseconds(20);
constexpr char kFlushFolder[] = "flush";

}  // namespace

WatcherTest::WatcherTest() : root_(NormalizeRoot((temp_.path() / "root").string())) {
  fs::create_directories(fs::path(root_) / kFlushFolder);
}

Result<std::unique_ptr<Watcher>> WatcherTest::TryStart(std::vector<std::string> roots,
                                                       std::chrono::milliseconds settle) {
  WatcherOptions options;
  options.roots = std::move(roots);
  options.settle = settle;
  return Watcher::Start(
      io_, options,
      [this](const std::string& path, ChangeKind kind) {
        reports_.push_back({path, kind});
        if (after_report_) after_report_(reports_.back());
      },
      [this](std::string why) { rescans_.push_back(std::move(why)); });
}

void WatcherTest::StartWatching(std::chrono::milliseconds settle) {
  auto started = TryStart({root_}, settle);
  ASSERT_TRUE(started) << started.error().ToString();
  watcher_ = std::move(*started);
}

bool WatcherTest::RunUntil(const std::function<bool()>& done) {
  const auto deadline = std::chrono::steady_clock::now() + kDeadline;
  while (!done() && std::chrono::steady_clock::now() < deadline) {
    if (io_.stopped()) io_.restart();  // out of work: nothing more can arrive
    if (io_.run_one_for(kSlice) == 0 && io_.stopped()) return done();
  }
  return done();
}

bool WatcherTest::WaitForChange(const std::string& path) {
  return RunUntil([&] { return Count(path, ChangeKind::kChanged) > 0; });
}

bool WatcherTest::WaitForRemoval(const std::string& path) {
  return RunUntil([&] { return Count(path, ChangeKind::kRemoved) > 0; });
}

bool WatcherTest::WaitForRescan() {
  return RunUntil([&] { return !rescans_.empty(); });
}

bool WatcherTest::RunUntilIdle() {
  if (io_.stopped()) io_.restart();
  io_.run_for(kDeadline);
  return io_.stopped();
}

void WatcherTest::Flush() {
  const std::string marker = Path(fmt::format("{}/{}", kFlushFolder, ++flushes_));
  ::tonewatch::testing::WriteFile(marker, "marker");
  ASSERT_TRUE(WaitForChange(marker)) << "the watcher did not report " << marker;
}

std::string WatcherTest::Path(const std::string& below) const { return JoinPath(root_, below); }

std::vector<Report> WatcherTest::Reports() const {
  const std::string markers = Path(kFlushFolder) + "/";
  std::vector<Report> kept;
  for (const Report& report : reports_) {
    if (!report.path.starts_with(markers)) kept.push_back(report);
  }
  return kept;
}

std::vector<std::string> WatcherTest::Story() const {
  std::vector<std::string> lines;
  for (const Report& report : Reports()) {
    const std::string below = report.path.substr(root_.size() + 1);
    lines.push_back((report.kind == ChangeKind::kChanged ? "changed " : "removed ") + below);
  }
  return lines;
}

int WatcherTest::Count(const std::string& path, ChangeKind kind) const {
  int count = 0;
  for (const Report& report : reports_) count += report.path == path && report.kind == kind;
  return count;
}

void Rename(const std::string& from, const std::string& to) {
  std::error_code ec;
  fs::rename(from, to, ec);
  ASSERT_FALSE(ec) << "rename " << from << " -> " << to << ": " << ec.message();
}

OpenFile OpenForAppend(const std::string& path) {
  OpenFile file(std::fopen(path.c_str(), "ab"), &std::fclose);
  EXPECT_TRUE(file) << "cannot open " << path;
  return file;
}

void Append(std::FILE* out, const std::string& bytes) {
  ASSERT_NE(out, nullptr);
  ASSERT_EQ(std::fwrite(bytes.data(), 1, bytes.size(), out), bytes.size());
  ASSERT_EQ(std::fflush(out), 0);
}

}  // namespace tonewatch::daemon::testing
