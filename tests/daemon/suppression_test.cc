// Suppressions: stored, applied to every result, lifted again; mail is never touched.

#include <gtest/gtest.h>

#include "daemon/store/store.h"
#include "daemon_fixtures.h"

namespace tonewatch::daemon {
namespace {

using testing::Aggregate;
using testing::Mail;
using testing::MakeFinding;

class SuppressionTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    Ingest({
        Mail("a1", "t1", "dana@client", 1,
             {MakeFinding("absolutes.always", 15), MakeFinding("hostility.idiot", 50, 10)}),
        Mail("a2", "t1", "dana@client", 2, {MakeFinding("absolutes.always", 15)}),
        Mail("b1", "t2", "sam@other", 3, {MakeFinding("absolutes.always", 15)}),
    });
  }

  SuppressionChange Suppress(SuppressionRule rule) {
    auto change = store_->Suppress(rule);
    EXPECT_TRUE(change) << change.error().ToString();
    return change ? *change : SuppressionChange{};
  }

  int HeatOf(const std::string& key) {
    auto m = store_->Message(key);
    EXPECT_TRUE(m && *m);
    return m && *m ? (*m)->report.heat : -1;
  }

  std::vector<std::string> RulesOf(const std::string& key) {
    std::vector<std::string> rules;
    auto m = store_->Message(key);
    if (m && *m) {
      for (const Finding& f : (*m)->report.findings) rules.push_back(f.rule);
    }
    return rules;
  }

  static SuppressionRule Everywhere(std::string rule) {
    return {SuppressionKind::kRule, std::move(rule), "", "", ""};
  }
};

TEST_F(SuppressionTest, RuleEverywhereHidesItsFindingsAndLowersHeat) {
  const SuppressionChange change = Suppress(Everywhere("absolutes.always"));
  EXPECT_TRUE(change.created);
  EXPECT_EQ(3, change.affected_messages);
  EXPECT_EQ((std::vector<std::string>{"t1", "t2"}), change.affected_threads);
  EXPECT_EQ((std::vector<std::string>{"hostility.idiot"}), RulesOf("a1"));
  EXPECT_EQ(50, HeatOf("a1"));
  EXPECT_EQ(0, HeatOf("b1"));
  EXPECT_EQ((std::vector<std::string>{"t1"}), FlaggedIds({}));
  EXPECT_EQ(1, Counts().suppressions);
}

TEST_F(SuppressionTest, SameRuleTwiceIsStoredOnce) {
  const int64_t id = Suppress(Everywhere("absolutes.always")).suppression.id;
  const SuppressionChange again = Suppress(Everywhere("absolutes.always"));
  EXPECT_FALSE(again.created);
  EXPECT_EQ(id, again.suppression.id);
  EXPECT_EQ(0, again.affected_messages);
  EXPECT_EQ(1u, store_->Suppressions()->size());
}

TEST_F(SuppressionTest, RuleInOneThreadLeavesOtherThreads) {
  Suppress({SuppressionKind::kThreadRule, "absolutes.always", "t1", "", "she means it kindly"});
  EXPECT_EQ(50, HeatOf("a1"));
  EXPECT_EQ(0, HeatOf("a2"));
  EXPECT_EQ(15, HeatOf("b1"));
  auto list = store_->Suppressions();
  ASSERT_TRUE(list);
  ASSERT_EQ(1u, list->size());
  EXPECT_EQ("she means it kindly", (*list)[0].rule.note);
  EXPECT_EQ(now_ms_, (*list)[0].created_ms);
}

TEST_F(SuppressionTest, OneFindingByFingerprint) {
  auto a1 = store_->Message("a1");
  ASSERT_TRUE(a1 && *a1);
  const std::string fingerprint = FindingFingerprint("a1", (*a1)->report.findings.at(1));
  const SuppressionChange change = Suppress({SuppressionKind::kFinding, "", "", fingerprint, ""});
  EXPECT_EQ(1, change.affected_messages);
  EXPECT_EQ((std::vector<std::string>{"absolutes.always"}), RulesOf("a1"));
  EXPECT_EQ(15, HeatOf("a1"));
}

TEST_F(SuppressionTest, SuppressionAppliesToMessagesWrittenLater) {
  Suppress(Everywhere("absolutes.always"));
  Ingest({Mail("c1", "t3", "new@client", 4, {MakeFinding("absolutes.always", 15)})});
  EXPECT_EQ(0, HeatOf("c1"));
  // Re-analysis with a new lexicon writes the message again: still suppressed.
  Ingest({Mail("a1", "t1", "dana@client", 1,
               {MakeFinding("absolutes.always", 15), MakeFinding("hostility.idiot", 50, 10)})});
  EXPECT_EQ(50, HeatOf("a1"));
}

TEST_F(SuppressionTest, UnsuppressRestoresFindingsAndHeat) {
  const int64_t id = Suppress(Everywhere("absolutes.always")).suppression.id;
  auto lifted = store_->Unsuppress(id);
  ASSERT_TRUE(lifted) << lifted.error().ToString();
  EXPECT_EQ(3, lifted->affected_messages);
  EXPECT_EQ(65, HeatOf("a1"));
  EXPECT_EQ(15, HeatOf("b1"));
  EXPECT_EQ(0, Counts().suppressions);

  Suppress(Everywhere("absolutes.always"));
  ASSERT_TRUE(store_->UnsuppressRule(Everywhere("absolutes.always")));
  EXPECT_EQ(65, HeatOf("a1"));
}

TEST_F(SuppressionTest, UnsuppressUnknownIsNotFound) {
  auto missing = store_->Unsuppress(42);
  ASSERT_FALSE(missing);
  EXPECT_EQ(ErrorCode::kNotFound, missing.error().code);
  EXPECT_NE(std::string::npos, missing.error().message.find("no suppression with id 42"));
  auto by_rule = store_->UnsuppressRule(Everywhere("pressure.asap"));
  ASSERT_FALSE(by_rule);
  EXPECT_EQ(ErrorCode::kNotFound, by_rule.error().code);
}

TEST_F(SuppressionTest, IncompleteRulesAreRefused) {
  for (const SuppressionRule& bad : {
           SuppressionRule{SuppressionKind::kRule, "", "", "", ""},
           SuppressionRule{SuppressionKind::kThreadRule, "absolutes.always", "", "", ""},
           SuppressionRule{SuppressionKind::kFinding, "absolutes.always", "", "", ""},
       }) {
    SCOPED_TRACE(SuppressionKindName(bad.kind));
    auto refused = store_->Suppress(bad);
    ASSERT_FALSE(refused);
    EXPECT_EQ(ErrorCode::kUsage, refused.error().code);
  }
  EXPECT_EQ(0, Counts().suppressions);
}

TEST_F(SuppressionTest, SuppressionsSurviveReopening) {
  Suppress(Everywhere("absolutes.always"));
  Reopen();
  EXPECT_EQ(0, HeatOf("b1"));
  EXPECT_EQ(1u, store_->Suppressions()->size());
}

}  // namespace
}  // namespace tonewatch::daemon
