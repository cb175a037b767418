// The thread model on hand-written threads whose expected trend and prompt are known.
#include "analyzers/thread/thread_model.h"

#include <gtest/gtest.h>

#include <initializer_list>

#include "analyzers/thread/reply_plan.h"

namespace tonewatch {
namespace {

constexpr int64_t kHour = 3600 * 1000;
constexpr int64_t kStart = 1'700'000'000'000;  // an arbitrary instant

LanguageData Language() {
  LanguageData data;
  data.senior_markers = {"director", "ceo"};
  data.legal_markers = {"legal", "counsel"};
  data.call_opening = "Hi {name}, shall we talk?";
  data.call_opening_no_name = "Hi, shall we talk?";
  data.plan_steps = {"acknowledge", "apologize", "facts", "next step", "offer a call"};
  data.plan_advice = {{"ultimatum", "confirm the deadline"}, {"accusation", "don't rebut"}};
  return data;
}

// Builds a thread message by message, an hour apart unless told otherwise.
class ThreadBuilder {
 public:
  ThreadBuilder& Client(int heat, std::initializer_list<Category> categories = {}) {
    return Add(false, heat, categories);
  }
  ThreadBuilder& Me(int heat = 0) { return Add(true, heat, {}); }
  ThreadBuilder& Gap(int64_t ms) {
    gap_ = ms;
    return *this;
  }
  ThreadBuilder& To(std::string recipient) {
    thread_.messages.back().recipients.push_back(std::move(recipient));
    return *this;
  }
  ThreadReport Build(int64_t now_offset = kHour) {
    ThreadReport t = thread_;
    AggregateThread(t, language_, ThreadModelOptions{}, clock_ + now_offset);
    return t;
  }
  int64_t clock() const { return clock_; }

 private:
  ThreadBuilder& Add(bool me, int heat, std::initializer_list<Category> categories) {
    MessageReport m;
    m.id = "m" + std::to_string(thread_.messages.size() + 1);
    m.author = me ? "Dana Smith <dana@vendor.example>" : "Marcus Lee <marcus@client.example>";
    m.me = me;
    m.heat = heat;
    clock_ = thread_.messages.empty() ? kStart : clock_ + gap_;
    m.time_ms = clock_;
    for (Category c : categories) {
      Finding f;
      f.rule = std::string(CategoryName(c)) + ".test";
      f.category = c;
      f.points = 10;
      f.context = "sentence about " + std::string(CategoryName(c));
      m.findings.push_back(f);
    }
    thread_.messages.push_back(std::move(m));
    return *this;
  }

  ThreadReport thread_;
  LanguageData language_ = Language();
  int64_t gap_ = kHour;
  int64_t clock_ = kStart;
};

TEST(ThreadModel, EscalatingThreadRisesAndPromptsACall) {
  ThreadReport t = ThreadBuilder()
                       .Client(10, {Category::kFrustration})
                       .Me()
                       .Client(45, {Category::kAccusation})
                       .Me()
                       .Client(70, {Category::kHostility})
                       .Build();
  EXPECT_EQ(t.trend, "rising");
  ASSERT_TRUE(t.move_off_email.has_value());
  ASSERT_FALSE(t.move_off_email->reasons.empty());
  EXPECT_NE(t.move_off_email->reasons[0].find("sustained heat: 2 of their last 3"),
            std::string::npos);
  EXPECT_EQ(t.move_off_email->opening, "Hi Marcus, shall we talk?");
}

TEST(ThreadModel, ThreadThatCoolsAfterAnApologyHasNoPrompt) {
  ThreadReport t = ThreadBuilder().Client(60, {Category::kFrustration}).Me(0).Client(5).Build();
  EXPECT_EQ(t.trend, "cooling");
  EXPECT_FALSE(t.move_off_email.has_value());
}

TEST(ThreadModel, SingleAngrySpikeHasNoPrompt) {
  ThreadReport t =
      ThreadBuilder().Client(5).Me().Client(70, {Category::kHostility}).Me().Client(5).Build();
  EXPECT_EQ(t.trend, "steady");
  EXPECT_FALSE(t.move_off_email.has_value());
}

TEST(ThreadModel, UltimatumInTheLatestMessagePrompts) {
  ThreadReport t = ThreadBuilder()
                       .Client(5)
                       .Me()
                       .Client(30, {Category::kUltimatum, Category::kFrustration})
                       .Build();
  ASSERT_TRUE(t.move_off_email.has_value());
  EXPECT_EQ(
      t.move_off_email->reasons,
      std::vector<std::string>{"their latest message contains an ultimatum or an escalation"});
  // Hot on its own, a threat needs no company.
  EXPECT_TRUE(
      ThreadBuilder().Client(5).Me().Client(45, {Category::kEscalation}).Build().move_off_email);
}

// A lone mention of a legal department or a cut-off date in an otherwise calm message is business:
// on real mail it never warranted a call.
TEST(ThreadModel, LoneThreatWordsInACalmMessageDoNotPrompt) {
  EXPECT_FALSE(
      ThreadBuilder().Client(5).Me().Client(20, {Category::kEscalation}).Build().move_off_email);
  EXPECT_FALSE(
      ThreadBuilder().Client(5).Me().Client(18, {Category::kUltimatum}).Build().move_off_email);
}

TEST(ThreadModel, UltimatumThatHasCooledDoesNotPrompt) {
  ThreadReport t = ThreadBuilder().Client(30, {Category::kUltimatum}).Me().Client(0).Build();
  EXPECT_FALSE(t.move_off_email.has_value());
}

TEST(ThreadModel, FastRisingExchangePrompts) {
  ThreadBuilder b;
  b.Gap(10 * 60 * 1000);  // ten minutes apart
  b.Client(0).Me().Client(10).Me().Client(30).Me(0).Client(38);
  ThreadReport t = b.Build();
  EXPECT_EQ(t.trend, "rising");
  ASSERT_TRUE(t.move_off_email.has_value());
  bool fast = false;
  for (const auto& r : t.move_off_email->reasons) fast |= r.find("fast back-and-forth") != r.npos;
  EXPECT_TRUE(fast);
}

TEST(ThreadModel, SlowExchangeIsNotFast) {
  ThreadBuilder b;
  b.Gap(12 * kHour);
  b.Client(0).Me().Client(10).Me().Client(30).Me(0).Client(38);
  ThreadReport t = b.Build();
  EXPECT_FALSE(t.move_off_email.has_value());
}

TEST(ThreadModel, NewLegalRecipientPrompts) {
  ThreadBuilder b;
  b.Client(10)
      .To("dana@vendor.example")
      .Me()
      .Client(20)
      .To("dana@vendor.example")
      .To("Legal Counsel <counsel@client.example>");
  ThreadReport t = b.Build();
  ASSERT_TRUE(t.move_off_email.has_value());
  EXPECT_NE(t.move_off_email->reasons.back().find("counsel@client.example"), std::string::npos);
}

TEST(ThreadModel, FewerThanThreeMessagesHaveNoTrend) {
  EXPECT_EQ(ThreadBuilder().Client(10).Me().Build().trend, "unknown");
  EXPECT_EQ(ThreadBuilder().Client(80).Build().trend, "unknown");
}

TEST(ThreadModel, ThreadHeatWeighsRecentMessagesMore) {
  const int old_heat = ThreadBuilder().Client(80).Me(0).Client(0).Build().heat;
  const int new_heat = ThreadBuilder().Client(0).Me(0).Client(80).Build().heat;
  EXPECT_LT(old_heat, new_heat);
  EXPECT_EQ(ThreadBuilder().Client(42).Build().heat, 42);
}

TEST(ThreadModel, HotMessageWithoutReplyIsUnanswered) {
  ThreadReport late = ThreadBuilder().Client(5).Me().Client(60).Build(5 * kHour);
  ASSERT_TRUE(late.unanswered.has_value());
  EXPECT_EQ(late.unanswered->message, "m3");
  EXPECT_EQ(late.unanswered->waiting_ms, 5 * kHour);

  EXPECT_FALSE(ThreadBuilder().Client(5).Me().Client(60).Build(kHour).unanswered.has_value());
  EXPECT_FALSE(ThreadBuilder().Client(60).Me().Build(10 * kHour).unanswered.has_value());
  EXPECT_FALSE(ThreadBuilder().Client(10).Build(10 * kHour).unanswered.has_value());
}

TEST(ReplyPlan, ListsConcernsOfTheHottestClientMessageInOrder) {
  ThreadBuilder b;
  b.Client(20, {Category::kAccusation})
      .Me(90)
      .Client(50, {Category::kUltimatum, Category::kAccusation});
  ThreadReport t = b.Build();
  auto plan = MakeReplyPlan(t, Language());
  ASSERT_TRUE(plan.has_value());
  EXPECT_EQ(plan->message, "m3");
  ASSERT_EQ(plan->concerns.size(), 2u);
  EXPECT_EQ(plan->concerns[0].text, "sentence about ultimatum");
  EXPECT_EQ(plan->concerns[0].advice, "confirm the deadline");
  EXPECT_EQ(plan->concerns[1].category, "accusation");
  EXPECT_EQ(plan->steps.size(), 5u);
}

TEST(ReplyPlan, NoPlanWithoutHeatedFindings) {
  ThreadReport t = ThreadBuilder().Client(0, {Category::kRepair}).Me(50).Build();
  EXPECT_FALSE(MakeReplyPlan(t, Language()).has_value());
}

}  // namespace
}  // namespace tonewatch
