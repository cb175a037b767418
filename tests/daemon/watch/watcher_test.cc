#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "tests/daemon/watch/watch_harness.h"

namespace tonewatch::daemon::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::tonewatch::testing::WriteFile;

constexpr char kMail[] = "From: client@example.com\nSubject: Invoice\n\nWhere is it?\n";
constexpr char kMboxMessage[] = "From client@example.com Mon Jan  1 00:00:00 2024\n\nAgain.\n\n";

void MakeMaildir(const std::string& dir) {
  for (const char* sub : {"cur", "new", "tmp"}) fs::create_directories(fs::path(dir) / sub);
}

// A delivery as an MDA makes it: written into tmp/, then renamed into new/ once complete.
std::string Deliver(const std::string& maildir, const std::string& name) {
  WriteFile(maildir + "/tmp/" + name, kMail);
  Rename(maildir + "/tmp/" + name, maildir + "/new/" + name);
  return maildir + "/new/" + name;
}

TEST_F(WatcherTest, FileWrittenAndClosedIsReportedOnce) {
  StartWatching();
  WriteFile(Path("note.eml"), kMail);
  ASSERT_TRUE(WaitForChange(Path("note.eml")));
  Flush();
  EXPECT_THAT(Story(), ElementsAre("changed note.eml"));
  EXPECT_EQ(watcher_->settling_files(), 0u) << "a second report is still to come";
}

TEST_F(WatcherTest, MaildirDeliveryReportsOnlyTheNewPath) {
  MakeMaildir(Path("work"));
  StartWatching();
  const std::string delivered = Deliver(Path("work"), "1700000000.1.host");
  ASSERT_TRUE(WaitForChange(delivered));
  Flush();
  EXPECT_THAT(Story(), ElementsAre("changed work/new/1700000000.1.host"));
}

TEST_F(WatcherTest, MaildirMadeWithTmpFirstStillSkipsTmp) {
  StartWatching();
  fs::create_directories(Path("work/tmp"));  // watched: it is no Maildir's tmp/ yet
  Flush();
  fs::create_directories(Path("work/cur"));
  fs::create_directories(Path("work/new"));
  Flush();
  const std::string delivered = Deliver(Path("work"), "2.host");
  ASSERT_TRUE(WaitForChange(delivered));
  Flush();
  EXPECT_THAT(Story(), ElementsAre("changed work/new/2.host"));
}

TEST_F(WatcherTest, FlagRenameReportsTheOldPathRemovedThenTheNewOne) {
  MakeMaildir(Path("work"));
  WriteFile(Path("work/new/1.host"), kMail);
  StartWatching();
  Rename(Path("work/new/1.host"), Path("work/cur/1.host:2,S"));
  ASSERT_TRUE(WaitForChange(Path("work/cur/1.host:2,S")));
  EXPECT_THAT(Story(), ElementsAre("removed work/new/1.host", "changed work/cur/1.host:2,S"));
}

TEST_F(WatcherTest, FilesOfANewFolderAreReportedAndLaterOnesToo) {
  StartWatching();
  // Written right after the folders are made: before the watcher can have added their watches.
  WriteFile(Path("calls/monday/a.vtt"), "WEBVTT\n");
  WriteFile(Path("calls/monday/b.srt"), "1\n");
  ASSERT_TRUE(WaitForChange(Path("calls/monday/a.vtt")));
  ASSERT_TRUE(WaitForChange(Path("calls/monday/b.srt")));
  WriteFile(Path("calls/monday/c.txt"), "Ann: hello\n");
  EXPECT_TRUE(WaitForChange(Path("calls/monday/c.txt")));
}

TEST_F(WatcherTest, AFolderMovedInHasItsFilesReportedButNotItsTmp) {
  const std::string outside = temp_.File("outside/box");
  MakeMaildir(outside);
  WriteFile(outside + "/cur/1.host:2,S", kMail);
  WriteFile(outside + "/new/2.host", kMail);
  WriteFile(outside + "/tmp/3.host", kMail);
  StartWatching();
  Rename(outside, Path("box"));
  ASSERT_TRUE(WaitForChange(Path("box/cur/1.host:2,S")));
  ASSERT_TRUE(WaitForChange(Path("box/new/2.host")));
  const std::string delivered = Deliver(Path("box"), "4.host");
  ASSERT_TRUE(WaitForChange(delivered));
  EXPECT_EQ(Count(Path("box/tmp/3.host"), ChangeKind::kChanged), 0);
}

TEST_F(WatcherTest, DeletedFileIsReportedRemoved) {
  WriteFile(Path("old.eml"), kMail);
  StartWatching();
  fs::remove(Path("old.eml"));
  ASSERT_TRUE(WaitForRemoval(Path("old.eml")));
  EXPECT_THAT(Story(), ElementsAre("removed old.eml"));
}

TEST_F(WatcherTest, AppendsToAnOpenMboxAreReportedOnceSettled) {
  WriteFile(Path("archive.mbox"), kMboxMessage);
  StartWatching();
  OpenFile mbox = OpenForAppend(Path("archive.mbox"));
  for (int i = 0; i < 3; ++i) Append(mbox.get(), kMboxMessage);
  ASSERT_TRUE(WaitForChange(Path("archive.mbox")));
  // The appends were all queued before the watcher ran: one settle, one report.
  EXPECT_EQ(Count(Path("archive.mbox"), ChangeKind::kChanged), 1);

  Append(mbox.get(), kMboxMessage);
  EXPECT_TRUE(RunUntil([&] { return Count(Path("archive.mbox"), ChangeKind::kChanged) == 2; }))
      << "the last append was not reported";
}

TEST_F(WatcherTest, AFileCreatedWhileWatchedWaitsForItsClose) {
  StartWatching(std::chrono::milliseconds(1));
  OpenFile copy(std::fopen(Path("big.mbox").c_str(), "wb"), &std::fclose);
  ASSERT_TRUE(copy);
  Append(copy.get(), kMboxMessage);
  Flush();
  EXPECT_THAT(Story(), IsEmpty());
  EXPECT_EQ(watcher_->settling_files(), 0u) << "a report of the half-written file is coming";

  copy.reset();
  ASSERT_TRUE(WaitForChange(Path("big.mbox")));
  EXPECT_THAT(Story(), ElementsAre("changed big.mbox"));
}

TEST_F(WatcherTest, HiddenEditorAndTmpFilesAndLinksToFoldersAreIgnored) {
  MakeMaildir(Path("work"));
  StartWatching();
  WriteFile(Path(".DS_Store"), "x");
  WriteFile(Path("draft.eml~"), kMail);
  WriteFile(Path("notes.txt.swp"), "x");
  WriteFile(Path(".notes.txt.swx"), "x");
  WriteFile(Path("work/tmp/5.host"), kMail);
  fs::create_directory_symlink(temp_.path(), Path("loop"));
  Flush();
  EXPECT_THAT(Story(), IsEmpty());
}

TEST_F(WatcherTest, LinksToFilesAreReportedWhenMade) {
  WriteFile(temp_.File("elsewhere.eml"), kMail);
  StartWatching();
  fs::create_symlink(temp_.File("elsewhere.eml"), Path("linked.eml"));
  fs::create_hard_link(temp_.File("elsewhere.eml"), Path("hard.eml"));
  ASSERT_TRUE(WaitForChange(Path("linked.eml")));
  EXPECT_TRUE(WaitForChange(Path("hard.eml")));
}

TEST_F(WatcherTest, StartOnAMissingRootFailsNamingIt) {
  const std::string missing = temp_.File("no-such-folder");
  auto started = TryStart({root(), missing});
  ASSERT_FALSE(started);
  EXPECT_EQ(started.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(started.error().where, missing);
  EXPECT_THAT(started.error().ToString(), HasSubstr("cannot watch"));
  EXPECT_TRUE(RunUntilIdle()) << "a failed Start left work behind";
  EXPECT_THAT(rescans_, IsEmpty());
}

TEST_F(WatcherTest, StartOnAFileFailsSayingItIsNoFolder) {
  WriteFile(Path("archive.mbox"), kMboxMessage);
  auto started = TryStart({Path("archive.mbox")});
  ASSERT_FALSE(started);
  EXPECT_EQ(started.error().code, ErrorCode::kUsage);
  EXPECT_EQ(started.error().where, Path("archive.mbox"));
  EXPECT_THAT(started.error().message, HasSubstr("not a folder"));
}

TEST_F(WatcherTest, StartWithoutRootsFails) {
  auto started = TryStart({});
  ASSERT_FALSE(started);
  EXPECT_EQ(started.error().code, ErrorCode::kUsage);
}

}  // namespace
}  // namespace tonewatch::daemon::testing
