#include "analyzers/thread/threader.h"

#include <gtest/gtest.h>

namespace tonewatch {
namespace {

constexpr int64_t kDay = 24LL * 3600 * 1000;

ThreadKey Key(std::string id, std::string reply_to = "", std::vector<std::string> refs = {},
              std::string subject = "Subject", int64_t day = 0) {
  return ThreadKey{std::move(id), std::move(reply_to), std::move(refs), std::move(subject),
                   day * kDay};
}

TEST(Threader, RepliesJoinTheirParentsByHeaders) {
  auto groups = GroupThreads({Key("a"), Key("b", "a"), Key("x"), Key("c", "b", {"a", "b"})});
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0], (std::vector<size_t>{0, 1, 3}));
  EXPECT_EQ(groups[1], (std::vector<size_t>{2}));
}

TEST(Threader, SiblingsJoinThroughAParentThatIsNotInTheSet) {
  // Both reply to a message we never saw: they are still one thread.
  auto groups = GroupThreads({Key("b", "missing"), Key("c", "", {"missing"})});
  ASSERT_EQ(groups.size(), 1u);
}

TEST(Threader, ReplyWithoutHeadersJoinsBySubjectWithinTheWindow) {
  auto groups = GroupThreads(
      {Key("a", "", {}, "Invoice overdue", 0), Key("b", "", {}, "RE: AW: Invoice  overdue", 2)});
  ASSERT_EQ(groups.size(), 1u);
}

TEST(Threader, SameSubjectWithoutReplyPrefixStaysApart) {
  auto groups =
      GroupThreads({Key("a", "", {}, "Weekly report", 0), Key("b", "", {}, "Weekly report", 7)});
  EXPECT_EQ(groups.size(), 2u);
}

TEST(Threader, SubjectMatchOutsideTheWindowStaysApart) {
  auto groups = GroupThreads({Key("a", "", {}, "Invoice", 0), Key("b", "", {}, "Re: Invoice", 90)});
  EXPECT_EQ(groups.size(), 2u);
}

TEST(Threader, NormalizesSubjects) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"Re: Invoice", "invoice"},
      {"RE: AW: Sv: invoice", "invoice"},
      {"Fwd: [ops] Outage", "outage"},
      {"Re[2]: Outage", "outage"},
      {"  Outage   report ", "outage report"},
      {"Review: the plan", "review: the plan"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(NormalizeSubject(c.in), c.out);
  }
  EXPECT_TRUE(HasReplyPrefix("Re: x"));
  EXPECT_TRUE(HasReplyPrefix("[list] Re: x"));
  EXPECT_FALSE(HasReplyPrefix("Review: x"));
  EXPECT_FALSE(HasReplyPrefix("x"));
}

}  // namespace
}  // namespace tonewatch

namespace tonewatch {
namespace {

TEST(OnlineThreader, ReplyArrivingBeforeItsParentStillJoins) {
  OnlineThreader threader;
  threader.Add(Key("child", "parent"));
  threader.Add(Key("other"));
  threader.Add(Key("parent"));
  auto groups = threader.Groups();
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0], (std::vector<size_t>{0, 2}));
}

TEST(OnlineThreader, DuplicateMessageIdsStayTwoMessages) {
  OnlineThreader threader;
  threader.Add(Key("same"));
  threader.Add(Key("same"));
  EXPECT_EQ(threader.size(), 2u);
  size_t total = 0;
  for (const auto& g : threader.Groups()) total += g.size();
  EXPECT_EQ(total, 2u);
}

}  // namespace
}  // namespace tonewatch
