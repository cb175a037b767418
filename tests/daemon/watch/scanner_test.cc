#include "daemon/watch/scanner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "daemon/watch/watch_rules.h"
#include "tests/support/test_support.h"

namespace tonewatch::daemon {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::tonewatch::testing::TempDir;
using ::tonewatch::testing::WriteFile;

using KnownFiles = std::unordered_map<std::string, FileIdentity>;

constexpr char kMail[] = "From: client@example.com\nSubject: Invoice\n\nWhere is it?\n";

class ScanTest : public ::testing::Test {
 protected:
  ScanTest() : root_(NormalizeRoot(temp_.path().string())) {}

  std::string Path(const std::string& below) const { return JoinPath(root_, below); }

  // Records the file at `below` as the store would after reading it.
  void Know(const std::string& below) {
    Result<FileIdentity> identity = StatIdentity(Path(below));
    ASSERT_TRUE(identity) << identity.error().ToString();
    known_[Path(below)] = *identity;
  }
  // Records a file as read once, with an identity that matches nothing on disk.
  void KnowGone(const std::string& below) { known_[Path(below)] = FileIdentity{1, 2, 3, 4, ""}; }

  ScanResult ScanRoot() const { return Scan({root_}, known_); }

  TempDir temp_;
  std::string root_;
  KnownFiles known_;
};

TEST_F(ScanTest, FindsNewChangedAndRemovedFilesAndLeavesUnchangedOnesOut) {
  WriteFile(Path("same.eml"), kMail);
  WriteFile(Path("grown.mbox"), kMail);
  WriteFile(Path("touched.vtt"), "WEBVTT\n");
  WriteFile(Path("new.srt"), "1\n");
  Know("same.eml");
  Know("grown.mbox");
  Know("touched.vtt");
  KnowGone("deleted.eml");
  WriteFile(Path("grown.mbox"), std::string(kMail) + kMail);
  known_[Path("touched.vtt")].mtime_ns -= 1;  // as if edited since: same size, other time

  const ScanResult result = ScanRoot();
  EXPECT_THAT(result.changed,
              ElementsAre(Path("grown.mbox"), Path("new.srt"), Path("touched.vtt")));
  EXPECT_THAT(result.removed, ElementsAre(Path("deleted.eml")));
  EXPECT_THAT(result.problems, IsEmpty());
  EXPECT_EQ(result.files_seen, 4u);
}

TEST_F(ScanTest, AFileReplacedUnderTheSameNameIsChanged) {
  WriteFile(Path("a.eml"), kMail);
  Know("a.eml");
  WriteFile(Path("b.eml"), kMail);
  fs::rename(Path("b.eml"), Path("a.eml"));  // another inode now
  EXPECT_THAT(ScanRoot().changed, ElementsAre(Path("a.eml")));
}

TEST_F(ScanTest, AStoredContentHashDoesNotMakeAFileChanged) {
  WriteFile(Path("a.eml"), kMail);
  Know("a.eml");
  known_[Path("a.eml")].content_hash = "0123456789abcdef";
  EXPECT_THAT(ScanRoot().changed, IsEmpty());
}

TEST_F(ScanTest, SkipsMaildirTmpHiddenAndEditorFiles) {
  for (const char* sub : {"box/cur", "box/new", "box/tmp"}) fs::create_directories(Path(sub));
  WriteFile(Path("box/tmp/1.host"), kMail);
  WriteFile(Path("box/new/2.host"), kMail);
  WriteFile(Path("box/.dovecot.index"), "x");
  WriteFile(Path("draft.eml~"), kMail);
  WriteFile(Path("notes.txt.swp"), "x");
  WriteFile(Path(".Sent/cur/3.host:2,S"), kMail);  // a Maildir++ subfolder is read
  const ScanResult result = ScanRoot();
  EXPECT_THAT(result.changed, ElementsAre(Path(".Sent/cur/3.host:2,S"), Path("box/new/2.host")));
  EXPECT_EQ(result.files_seen, 2u);
}

TEST_F(ScanTest, AKnownFileInTmpIsForgotten) {
  for (const char* sub : {"box/cur", "box/new", "box/tmp"}) fs::create_directories(Path(sub));
  WriteFile(Path("box/tmp/1.host"), kMail);
  Know("box/tmp/1.host");
  EXPECT_THAT(ScanRoot().removed, ElementsAre(Path("box/tmp/1.host")));
}

TEST_F(ScanTest, AMissingRootIsAProblemAndItsFilesAreKept) {
  const std::string missing = Path("unmounted");
  known_[JoinPath(missing, "1.eml")] = FileIdentity{1, 2, 3, 4, ""};
  const ScanResult result = Scan({missing}, known_);
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].where, missing);
  EXPECT_THAT(result.removed, IsEmpty());
}

TEST_F(ScanTest, AnUnreadableFolderIsAProblemAndItsFilesAreKept) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads any folder";
  WriteFile(Path("locked/1.eml"), kMail);
  Know("locked/1.eml");
  fs::permissions(Path("locked"), fs::perms::none);
  const ScanResult result = ScanRoot();
  fs::permissions(Path("locked"), fs::perms::owner_all);
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].where, Path("locked"));
  EXPECT_THAT(result.removed, IsEmpty());
}

TEST_F(ScanTest, AFolderLinkIsAProblemNotFollowed) {
  WriteFile(Path("real/1.eml"), kMail);
  fs::create_directory_symlink(Path("real"), Path("alias"));
  const ScanResult result = ScanRoot();
  EXPECT_THAT(result.changed, ElementsAre(Path("real/1.eml")));
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].where, Path("alias"));
  EXPECT_THAT(result.problems[0].message, HasSubstr("not followed"));
}

TEST_F(ScanTest, KnownFilesOutsideTheRootsAreLeftAlone) {
  WriteFile(Path("watched/1.eml"), kMail);
  KnowGone("other/2.eml");
  KnowGone("watched-too/3.eml");  // shares the root's name as a prefix, is not below it
  const ScanResult result = Scan({Path("watched")}, known_);
  EXPECT_THAT(result.changed, ElementsAre(Path("watched/1.eml")));
  EXPECT_THAT(result.removed, IsEmpty());
}

TEST_F(ScanTest, PathsAreSpelledFromTheNormalizedRoot) {
  WriteFile(Path("box/1.eml"), kMail);
  const ScanResult result = Scan({root_ + "/box/../box/"}, known_);
  EXPECT_THAT(result.changed, ElementsAre(Path("box/1.eml")));
}

TEST_F(ScanTest, NestedRootsReportAFileOnce) {
  WriteFile(Path("box/1.eml"), kMail);
  const ScanResult result = Scan({root_, Path("box")}, known_);
  EXPECT_THAT(result.changed, ElementsAre(Path("box/1.eml")));
  EXPECT_EQ(result.files_seen, 1u);
}

TEST(ScanStatIdentity, NamesAMissingPath) {
  TempDir temp;
  const Result<FileIdentity> identity = StatIdentity(temp.File("gone.eml"));
  ASSERT_FALSE(identity);
  EXPECT_EQ(identity.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(identity.error().where, temp.File("gone.eml"));
}

TEST(ScanStatIdentity, ChangesWithTheContentAndNotWithoutIt) {
  TempDir temp;
  WriteFile(temp.File("a.eml"), kMail);
  const Result<FileIdentity> first = StatIdentity(temp.File("a.eml"));
  const Result<FileIdentity> again = StatIdentity(temp.File("a.eml"));
  ASSERT_TRUE(first && again);
  EXPECT_EQ(*first, *again);
  EXPECT_EQ(first->size, static_cast<int64_t>(sizeof kMail - 1));
  EXPECT_TRUE(first->content_hash.empty());
  WriteFile(temp.File("a.eml"), "shorter");
  const Result<FileIdentity> edited = StatIdentity(temp.File("a.eml"));
  ASSERT_TRUE(edited);
  EXPECT_NE(*first, *edited);
}

}  // namespace
}  // namespace tonewatch::daemon
