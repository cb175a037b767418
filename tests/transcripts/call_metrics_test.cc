// Call metrics on small hand-built calls whose answers are known.
#include "analyzers/call/call_metrics.h"

#include <gtest/gtest.h>

#include <initializer_list>

namespace tonewatch {
namespace {

constexpr int64_t kSecond = 1000;

// Builds a call turn by turn: who, when (seconds), how hot, and what was found.
class Call {
 public:
  Call& Turn(std::string speaker, std::optional<double> start, std::optional<double> end,
             int heat = 0, size_t text_bytes = 10) {
    TurnTiming t;
    t.id = "turn-" + std::to_string(turns_.size() + 1);
    t.speaker = speaker;
    if (start) t.start_ms = static_cast<int64_t>(*start * kSecond);
    if (end) t.end_ms = static_cast<int64_t>(*end * kSecond);
    t.text_bytes = text_bytes;
    turns_.push_back(t);
    MessageReport r;
    r.id = t.id;
    r.author = speaker;
    r.heat = heat;
    r.me = speaker == me_;
    reports_.push_back(r);
    return *this;
  }
  // Adds a finding to the last turn, in `sentence`.
  Call& Found(Category category, int points, std::string sentence) {
    Finding f;
    f.category = category;
    f.points = points;
    f.text = sentence.substr(0, 4);
    f.context = std::move(sentence);
    reports_.back().findings.push_back(std::move(f));
    return *this;
  }
  Call& Me(std::string name) {
    me_ = std::move(name);
    return *this;
  }
  CallMetrics Metrics(const CallMetricsOptions& options = {}) const {
    return ComputeCallMetrics(turns_, reports_, options);
  }

 private:
  std::string me_;
  std::vector<TurnTiming> turns_;
  std::vector<MessageReport> reports_;
};

const SpeakerMetrics& Of(const CallMetrics& m, const std::string& speaker) {
  for (const auto& s : m.speakers) {
    if (s.speaker == speaker) return s;
  }
  ADD_FAILURE() << "no speaker " << speaker;
  static const SpeakerMetrics kNone;
  return kNone;
}

TEST(CallMetrics, TalkShareIsTimeSpokenOverAllTimeSpoken) {
  const CallMetrics m = Call()
                            .Turn("Ana", 0, 30)
                            .Turn("Ben", 30, 40)
                            .Turn("Ana", 40, 70)
                            .Turn("Ben", 70, 90)
                            .Metrics();
  EXPECT_EQ(m.turns, 4);
  EXPECT_TRUE(m.timed);
  EXPECT_EQ(m.share_basis, "time");
  EXPECT_EQ(m.duration_ms, 90 * kSecond);
  ASSERT_EQ(m.speakers.size(), 2u);
  EXPECT_EQ(m.speakers[0].speaker, "Ana");  // order of first appearance
  EXPECT_EQ(Of(m, "Ana").talk_ms, 60 * kSecond);
  EXPECT_EQ(Of(m, "Ana").turns, 2);
  EXPECT_DOUBLE_EQ(Of(m, "Ana").share, 60.0 / 90);
  EXPECT_DOUBLE_EQ(Of(m, "Ben").share, 30.0 / 90);
}

TEST(CallMetrics, WithoutTimesShareFallsBackToText) {
  const CallMetrics m = Call()
                            .Turn("Ana", std::nullopt, std::nullopt, 0, 300)
                            .Turn("Ben", std::nullopt, std::nullopt, 0, 100)
                            .Metrics();
  EXPECT_FALSE(m.timed);
  EXPECT_EQ(m.share_basis, "text");
  EXPECT_DOUBLE_EQ(Of(m, "Ana").share, 0.75);
  EXPECT_FALSE(m.longest_monologue.has_value());
  EXPECT_TRUE(m.interruptions.empty());
  EXPECT_TRUE(m.silences.empty());
}

TEST(CallMetrics, LongestMonologueSpansATurnSplitAtTheSizeBound) {
  const CallMetrics m = Call()
                            .Turn("Ana", 0, 20)
                            .Turn("Ben", 20, 30)
                            .Turn("Ben", 30, 55)  // the same stretch: 20..55 = 35 s
                            .Turn("Ana", 55, 80)
                            .Metrics();
  ASSERT_TRUE(m.longest_monologue.has_value());
  EXPECT_EQ(m.longest_monologue->speaker, "Ben");
  EXPECT_EQ(m.longest_monologue->turn, "turn-2");
  EXPECT_EQ(m.longest_monologue->start_ms, 20 * kSecond);
  EXPECT_EQ(m.longest_monologue->ms, 35 * kSecond);
}

TEST(CallMetrics, InterruptionIsATurnStartingBeforeTheOtherSpeakerEnded) {
  const CallMetrics m = Call()
                            .Turn("Ana", 0, 10)
                            .Turn("Ben", 8.5, 12)  // cuts in 1.5 s before Ana ends
                            .Turn("Ana", 12, 15)   // starts right as Ben ends: not a cut
                            .Turn("Ben", 20, 22)
                            .Turn("Ben", 21, 23)      // the same speaker: not an interruption
                            .Turn("Ana", 22.5, 23.5)  // ends before Ben: overlap is its length
                            .Metrics();
  ASSERT_EQ(m.interruptions.size(), 2u);
  EXPECT_EQ(m.interruptions[0].turn, "turn-2");
  EXPECT_EQ(m.interruptions[0].speaker, "Ben");
  EXPECT_EQ(m.interruptions[0].interrupted, "Ana");
  EXPECT_EQ(m.interruptions[0].at_ms, 8500);
  EXPECT_EQ(m.interruptions[0].overlap_ms, 1500);
  EXPECT_EQ(m.interruptions[1].turn, "turn-6");
  EXPECT_EQ(m.interruptions[1].overlap_ms, 500);  // 22.5 .. min(23, 23.5)
  EXPECT_EQ(Of(m, "Ben").interruptions, 1);
  EXPECT_EQ(Of(m, "Ben").interrupted, 1);
  EXPECT_EQ(Of(m, "Ana").interruptions, 1);
  EXPECT_EQ(Of(m, "Ana").interrupted, 1);
}

TEST(CallMetrics, MinimumOverlapIgnoresCaptionRounding) {
  CallMetricsOptions options;
  options.min_overlap_ms = 200;
  const CallMetrics m = Call().Turn("Ana", 0, 10).Turn("Ben", 9.9, 12).Metrics(options);
  EXPECT_TRUE(m.interruptions.empty());
}

TEST(CallMetrics, SilencesOverThreeSecondsBetweenTurns) {
  const CallMetrics m = Call()
                            .Turn("Ana", 0, 10)
                            .Turn("Ben", 13, 20)    // a gap of exactly 3 s is not over 3 s
                            .Turn("Ana", 24.5, 30)  // 4.5 s
                            .Turn("Ben", 25, 40)    // overlap: no gap
                            .Turn("Ana", 31, 35)    // Ben still talking: no gap
                            .Turn("Ben", 50, 55)    // 10 s after Ben's turn-4 ended
                            .Metrics();
  ASSERT_EQ(m.silences.size(), 2u);
  EXPECT_EQ(m.silences[0].after_turn, "turn-2");
  EXPECT_EQ(m.silences[0].start_ms, 20 * kSecond);
  EXPECT_EQ(m.silences[0].ms, 4500);
  EXPECT_EQ(m.silences[1].after_turn, "turn-4");
  EXPECT_EQ(m.silences[1].ms, 10 * kSecond);
}

TEST(CallMetrics, FirstHotTurnAndItsTime) {
  const CallMetrics m = Call()
                            .Turn("Ana", 0, 5, 10)
                            .Turn("Ben", 5, 9, 39)
                            .Turn("Ana", 9, 14, 40)
                            .Turn("Ben", 14, 20, 80)
                            .Metrics();
  EXPECT_TRUE(m.hot);
  ASSERT_TRUE(m.first_hot.has_value());
  EXPECT_EQ(m.first_hot->turn, "turn-3");  // hot is >= 40
  EXPECT_EQ(m.first_hot->speaker, "Ana");
  EXPECT_EQ(m.first_hot->at_ms, 9 * kSecond);
  EXPECT_EQ(m.first_hot->heat, 40);
}

TEST(CallMetrics, PerSpeakerTrajectoryEndWeightedHeatAndTrend) {
  Call call;
  for (int heat : {50, 40, 30, 10})
    call.Turn("Client", std::nullopt, std::nullopt, heat).Turn("Me", std::nullopt, std::nullopt, 0);
  const CallMetrics m = call.Metrics();
  const SpeakerMetrics& client = Of(m, "Client");
  EXPECT_EQ(client.heats, (std::vector<int>{50, 40, 30, 10}));
  // End-weighted: the thread model's heat over their turns alone, below their plain mean (32.5).
  std::vector<MessageReport> theirs(4);
  for (size_t i = 0; i < theirs.size(); ++i) theirs[i].heat = client.heats[i];
  EXPECT_EQ(client.heat, ThreadHeat(theirs, ThreadModelOptions{}.half_life_messages));
  EXPECT_LT(client.heat, 32);
  EXPECT_EQ(client.trend, "cooling");
  EXPECT_EQ(Of(m, "Me").trend, "steady");
  const CallMetrics two = Call().Turn("Client", 0, 1, 90).Turn("Client", 1, 2, 10).Metrics();
  EXPECT_EQ(Of(two, "Client").trend, "unknown");  // too few turns to say
}

TEST(CallMetrics, FollowUpListsTheCounterpartsHeatedConcernsInOrder) {
  const CallMetrics m = Call()
                            .Me("Sam")
                            .Turn("Jordan", 0, 5, 20)
                            .Found(Category::kAbsolutes, 5, "It always breaks.")
                            .Found(Category::kFrustration, 6, "It always breaks.")
                            .Turn("Sam", 5, 8, 45)
                            .Found(Category::kHostility, 20, "My own heat does not count.")
                            .Turn("Jordan", 8, 12, 45)
                            .Found(Category::kHostility, 20, "That is unacceptable.")
                            .Found(Category::kIntensity, 10, "That is unacceptable.")
                            .Found(Category::kEscalation, 15, "I will escalate this.")
                            .Turn("Jordan", 12, 14, 0)
                            .Found(Category::kRepair, -10, "Thanks for fixing it.")
                            .Metrics();
  ASSERT_EQ(m.follow_up.size(), 2u);
  EXPECT_EQ(m.follow_up[0].turn, "turn-1");
  EXPECT_EQ(m.follow_up[0].concerns, (std::vector<std::string>{"It always breaks."}));
  EXPECT_EQ(m.follow_up[0].categories, (std::vector<std::string>{"frustration"}));  // strongest
  EXPECT_EQ(m.follow_up[1].turn, "turn-3");
  EXPECT_EQ(m.follow_up[1].concerns,
            (std::vector<std::string>{"That is unacceptable.", "I will escalate this."}));
  EXPECT_EQ(m.follow_up[1].categories, (std::vector<std::string>{"hostility", "escalation"}));
  EXPECT_EQ(m.follow_up[1].at_ms, 8 * kSecond);
  EXPECT_TRUE(Of(m, "Sam").me);
}

TEST(CallMetrics, NoFollowUpAfterACalmCall) {
  const CallMetrics m =
      Call().Turn("Jordan", 0, 5, 20).Found(Category::kAbsolutes, 5, "It always breaks.").Metrics();
  EXPECT_FALSE(m.hot);
  EXPECT_FALSE(m.first_hot.has_value());
  EXPECT_TRUE(m.follow_up.empty());
}

TEST(CallMetrics, MismatchedListsUseTheCommonPrefix) {
  std::vector<TurnTiming> turns(3);
  std::vector<MessageReport> reports(2);
  EXPECT_EQ(ComputeCallMetrics(turns, reports).turns, 2);
}

TEST(CallMetrics, MeNamesMatchWithoutCase) {
  EXPECT_TRUE(IsMe("Sam Patel", {"sam patel"}));
  EXPECT_TRUE(IsMe(" Sam Patel ", {"Other", "SAM PATEL"}));
  EXPECT_FALSE(IsMe("Sam", {"Sam Patel"}));
  EXPECT_FALSE(IsMe("", {""}));
  EXPECT_TRUE(IsMe("Ms. Dana Okafor (Brightline, Support Lead)", {"dana okafor"}));
  EXPECT_TRUE(IsMe("Priya Nair, Head of Support", {"Priya Nair"}));
  EXPECT_TRUE(IsMe("Dr Lee Chan", {"lee chan"}));
  EXPECT_FALSE(IsMe("Ms. Dana Okafor (Brightline)", {"dana"}));
}

}  // namespace
}  // namespace tonewatch
