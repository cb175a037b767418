// The watcher's pure parts: inotify's wire format, the watch table, the naming rules.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/inotify.h>

#include <algorithm>
#include <vector>

#include "daemon/watch/inotify_event.h"
#include "daemon/watch/watch_rules.h"
#include "daemon/watch/watch_table.h"

namespace tonewatch::daemon {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

// Appends one event as the kernel lays it out: header, then the name NUL-padded to `padded`.
void AppendEvent(std::vector<char>& bytes, int wd, uint32_t mask, const std::string& name,
                 uint32_t padded) {
  inotify_event header{};
  header.wd = wd;
  header.mask = mask;
  header.len = padded;
  const char* raw = reinterpret_cast<const char*>(&header);
  bytes.insert(bytes.end(), raw, raw + sizeof header);
  std::vector<char> field(padded, '\0');
  std::copy(name.begin(), name.end(), field.begin());
  bytes.insert(bytes.end(), field.begin(), field.end());
}

TEST(WatchInotifyEvents, ReadsNamesUpToTheirPadding) {
  std::vector<char> bytes;
  AppendEvent(bytes, 1, IN_CLOSE_WRITE, "1.host:2,S", 16);
  AppendEvent(bytes, -1, IN_Q_OVERFLOW, "", 0);
  const std::vector<InotifyEvent> events = ParseInotifyEvents(bytes);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].wd, 1);
  EXPECT_EQ(events[0].name, "1.host:2,S");
  EXPECT_EQ(events[1].mask, static_cast<uint32_t>(IN_Q_OVERFLOW));
  EXPECT_EQ(events[1].name, "");
}

TEST(WatchInotifyEvents, DropsATruncatedTail) {
  std::vector<char> bytes;
  AppendEvent(bytes, 1, IN_DELETE, "a.eml", 16);
  AppendEvent(bytes, 2, IN_DELETE, "b.eml", 16);
  bytes.resize(bytes.size() - 4);
  const std::vector<InotifyEvent> events = ParseInotifyEvents(bytes);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].name, "a.eml");
}

TEST(WatchTable, ARenamedFolderKeepsItsWdUnderTheNewName) {
  WatchTable table;
  table.Add(1, "/m/a");
  table.Add(1, "/m/b");
  EXPECT_EQ(*table.PathOf(1), "/m/b");
  EXPECT_TRUE(table.Under("/m/a").empty());
  EXPECT_EQ(table.size(), 1u);
}

TEST(WatchTable, AReplacedFolderLeavesTheOldWdWithoutAPath) {
  WatchTable table;
  table.Add(1, "/m/a");
  table.Add(2, "/m/a");
  EXPECT_EQ(table.PathOf(1), nullptr);
  table.Erase(1);  // IN_IGNORED of the old folder arrives late
  EXPECT_EQ(*table.PathOf(2), "/m/a");
}

TEST(WatchTable, UnderHoldsTheFolderAndItsDescendantsOnly) {
  WatchTable table;
  table.Add(1, "/m/box");
  table.Add(2, "/m/box/cur");
  table.Add(3, "/m/box-2");
  table.Add(4, "/m/box/.Sent/cur");
  table.Add(5, "/m/boxes");
  EXPECT_THAT(table.Under("/m/box"), UnorderedElementsAre(1, 2, 4));
  EXPECT_THAT(table.Under("/m/box/cur"), ElementsAre(2));
}

TEST(WatchRules, IgnoresHiddenAndEditorFilesOnly) {
  struct Case {
    const char* name;
    bool ignored;
  };
  for (const Case& c :
       {Case{"1.host:2,S", false}, Case{"archive.mbox", false}, Case{"call.vtt", false},
        Case{".DS_Store", true}, Case{"draft~", true}, Case{"notes.txt.swp", true},
        Case{".notes.txt.swx", true}, Case{"swp", false}}) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(IsIgnoredFileName(c.name), c.ignored);
  }
}

TEST(WatchRules, NormalizedRootsHaveNoTrailingSeparator) {
  EXPECT_EQ(NormalizeRoot("/m/box/"), "/m/box");
  EXPECT_EQ(NormalizeRoot("/m/./box/../box"), "/m/box");
  EXPECT_EQ(NormalizeRoot("/"), "/");
  EXPECT_EQ(JoinPath("/", "a"), "/a");
  EXPECT_EQ(JoinPath("/m", "a"), "/m/a");
}

}  // namespace
}  // namespace tonewatch::daemon
