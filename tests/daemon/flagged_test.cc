// The flagged list: which threads it shows, in which order, under each filter, page by page.

#include <gtest/gtest.h>

#include "daemon/store/store.h"
#include "daemon_fixtures.h"

namespace tonewatch::daemon {
namespace {

using testing::Aggregate;
using testing::Mail;
using testing::MakeFinding;
using testing::MyMail;
using Ids = std::vector<std::string>;

class FlaggedTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    WriteBatch batch;
    batch.messages = {
        Mail("hot1", "t-hot", "Dana <dana@client.example>", kDay,
             {MakeFinding("hostility.idiot", 60)}, "/mail/work/cur/1"),
        Mail("hot2", "t-hot", "Dana <dana@client.example>", 3 * kDay, {}, "/mail/work/cur/2"),
        Mail("warm1", "t-warm", "Sam <sam@other.example>", 2 * kDay,
             {MakeFinding("frustration.again", 20)}, "/mail/workshop/cur/3"),
        Mail("cold1", "t-cold", "Lee <lee@calm.example>", 2 * kDay, {}, "/mail/work/cur/4"),
        MyMail("mine1", "t-mine", "dana@client.example", 4 * kDay,
               {MakeFinding("accusation.you-never", 30)}),
    };
    batch.threads = {Aggregate("t-hot", 60), Aggregate("t-warm", 20), Aggregate("t-cold", 0)};
    IngestBatch(batch);
  }

  static constexpr int64_t kDay = 86'400'000;
};

TEST_F(FlaggedTest, HottestThreadsFirstAndColdOnesLeftOut) {
  EXPECT_EQ((Ids{"t-hot", "t-mine", "t-warm"}), FlaggedIds({}));
}

TEST_F(FlaggedTest, ThreadCarriesOnlyItsFlaggedMessages) {
  auto page = store_->Flagged({});
  ASSERT_TRUE(page);
  const ThreadReport& hot = page->threads.at(0);
  EXPECT_EQ(60, hot.heat);
  EXPECT_EQ("rising", hot.trend);
  ASSERT_EQ(1u, hot.messages.size()) << "the calm follow-up is not flagged";
  EXPECT_EQ("hot1", hot.messages[0].id);
  EXPECT_EQ(1u, hot.messages[0].findings.size());
}

TEST_F(FlaggedTest, MinimumHeat) {
  FlaggedFilter f;
  f.min_heat = 25;
  EXPECT_EQ((Ids{"t-hot", "t-mine"}), FlaggedIds(f));
  f.min_heat = 0;
  EXPECT_EQ(4u, FlaggedIds(f).size()) << "0 lists every thread";
}

TEST_F(FlaggedTest, Since) {
  FlaggedFilter f;
  f.since_ms = 2 * kDay;
  EXPECT_EQ((Ids{"t-mine", "t-warm"}), FlaggedIds(f));
}

TEST_F(FlaggedTest, Category) {
  FlaggedFilter f;
  f.category = Category::kFrustration;
  EXPECT_EQ((Ids{"t-warm"}), FlaggedIds(f));
  f.category = Category::kPressure;
  EXPECT_TRUE(FlaggedIds(f).empty());
}

TEST_F(FlaggedTest, CounterpartMatchesAuthorsAndMyRecipients) {
  FlaggedFilter f;
  f.counterpart = "DANA@client";
  EXPECT_EQ((Ids{"t-hot", "t-mine"}), FlaggedIds(f));
  f.counterpart = "sam";
  EXPECT_EQ((Ids{"t-warm"}), FlaggedIds(f));
}

TEST_F(FlaggedTest, FolderIsAPathPrefixOnFolderBoundaries) {
  FlaggedFilter f;
  f.folder = "/mail/work";
  EXPECT_EQ((Ids{"t-hot", "t-mine"}), FlaggedIds(f)) << "/mail/workshop is another folder";
  f.folder = "/mail/workshop/";
  EXPECT_EQ((Ids{"t-warm"}), FlaggedIds(f));
}

TEST_F(FlaggedTest, PagesWalkTheWholeList) {
  FlaggedFilter f;
  f.limit = 2;
  auto first = store_->Flagged(f);
  ASSERT_TRUE(first);
  EXPECT_EQ(3, first->total);
  EXPECT_EQ(2u, first->threads.size());
  f.offset = 2;
  EXPECT_EQ((Ids{"t-warm"}), FlaggedIds(f));
  f.offset = 3;
  auto past = store_->Flagged(f);
  ASSERT_TRUE(past);
  EXPECT_EQ(3, past->total);
  EXPECT_TRUE(past->threads.empty());
}

TEST_F(FlaggedTest, FilterOutOfRangeIsAUsageError) {
  FlaggedFilter f;
  f.limit = 0;
  auto page = store_->Flagged(f);
  ASSERT_FALSE(page);
  EXPECT_EQ(ErrorCode::kUsage, page.error().code);
  EXPECT_NE(std::string::npos, page.error().message.find("limit 0")) << page.error().ToString();
}

}  // namespace
}  // namespace tonewatch::daemon
