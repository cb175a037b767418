// The heated support call of examples/calls/, in each format: the same turns, and with the
// fixture lexicon the expected per-speaker trend and call metrics.
#include <gtest/gtest.h>

#include "analyzers/call/call_metrics.h"
#include "analyzers/engine.h"
#include "analyzers/lexicon/lexicon.h"
#include "tests/transcripts/transcript_test_util.h"

namespace tonewatch {
namespace {

using testing::ExampleCall;
using testing::ReadTurns;

const char* const kFormats[] = {"support-call.vtt", "support-call.srt", "support-call.txt",
                                "support-call.json"};

struct ExpectedTurn {
  const char* speaker;
  int64_t start_ms;
  const char* text_start;
};

// Consecutive cues of one speaker are one turn in every format.
const ExpectedTurn kTurns[] = {
    {"Sam Patel", 500, "Thanks for calling Brightline support, this is Sam. How can I help"},
    {"Jordan Reyes", 5600,
     "Hi Sam, it's Jordan Reyes from Northwind. Our invoice export failed "
     "again. It always breaks"},
    {"Sam Patel", 20000, "I'm sorry to hear that."},
    {"Jordan Reyes", 25600, "It's 48213. As I said in the ticket"},
    {"Sam Patel", 35500, "Thank you. I can see the ticket."},
    {"Jordan Reyes", 40200, "That is absolutely unacceptable!! If this is not fixed by Friday"},
    {"Sam Patel", 52500, "I understand."},
    {"Jordan Reyes", 56500, "Please do."},
    {"Sam Patel", 63000,
     "Okay. You're right, the fix was approved last week but it was never "
     "deployed to your region. I'm sorry for the delay. Here is what I will "
     "do. I'll have the team deploy it to your region today, and I'll run your "
     "export by hand this afternoon so finance has it."},
    {"Jordan Reyes", 82600, "Okay. When will I hear back?"},
    {"Sam Patel", 86500, "I'll email you by three o'clock today"},
    {"Jordan Reyes", 93600, "Alright, thank you. That helps."},
    {"Sam Patel", 97500, "Thank you for your patience, Jordan."},
};

const Engine& FixtureEngine() {
  static const Engine engine = [] {
    auto lexicon = LoadLexicon(TONEWATCH_FIXTURE_LEXICONS);
    EXPECT_TRUE(lexicon.has_value()) << lexicon.error().ToString();
    auto created = Engine::Create(std::move(*lexicon));
    EXPECT_TRUE(created.has_value());
    return std::move(*created);
  }();
  return engine;
}

CallMetrics Analyze(const std::vector<DocMessage>& turns) {
  std::vector<MessageReport> reports;
  for (const DocMessage& turn : turns) {
    TextAnalysis analysis = FixtureEngine().Analyze(turn.text);
    MessageReport r;
    r.id = turn.id;
    r.author = turn.author;
    r.me = IsMe(turn.author, {"sam patel"});
    r.heat = analysis.heat;
    r.findings = std::move(analysis.findings);
    reports.push_back(std::move(r));
  }
  return ComputeCallMetrics(turns, reports);
}

TEST(SupportCall, EveryFormatGivesTheSameTurns) {
  for (const char* name : kFormats) {
    SCOPED_TRACE(name);
    const auto read = ReadTurns(ExampleCall(name));
    ASSERT_TRUE(read.ok()) << read.NoticeList();
    EXPECT_TRUE(read.errors.empty()) << read.NoticeList();
    ASSERT_EQ(read.turns.size(), std::size(kTurns));
    for (size_t i = 0; i < std::size(kTurns); ++i) {
      SCOPED_TRACE(read.turns[i].id);
      EXPECT_EQ(read.turns[i].id, "turn-" + std::to_string(i + 1));
      EXPECT_EQ(read.turns[i].author, kTurns[i].speaker);
      EXPECT_EQ(read.turns[i].start_ms, kTurns[i].start_ms);
      EXPECT_EQ(read.turns[i].text.rfind(kTurns[i].text_start, 0), 0u) << read.turns[i].text;
    }
  }
}

TEST(SupportCall, ItHeatsUpThenCoolsOnTheCustomersSide) {
  for (const char* name : kFormats) {
    SCOPED_TRACE(name);
    const CallMetrics m = Analyze(ReadTurns(ExampleCall(name)).turns);
    ASSERT_EQ(m.speakers.size(), 2u);
    const SpeakerMetrics& agent = m.speakers[0];
    const SpeakerMetrics& customer = m.speakers[1];
    EXPECT_EQ(agent.speaker, "Sam Patel");
    EXPECT_TRUE(agent.me);
    EXPECT_EQ(agent.trend, "steady");
    EXPECT_EQ(customer.speaker, "Jordan Reyes");
    EXPECT_EQ(customer.trend, "cooling");
    EXPECT_LT(customer.heats[0], customer.heats[2]);  // heats up ...
    EXPECT_GE(customer.heats[2], 40);
    EXPECT_EQ(customer.heats.back(), 0);  // ... and cools
    ASSERT_TRUE(m.first_hot.has_value());
    EXPECT_EQ(m.first_hot->turn, "turn-6");
    EXPECT_EQ(m.first_hot->at_ms, 40200);
    // Follow up on what the customer raised, in order.
    ASSERT_EQ(m.follow_up.size(), 3u);
    EXPECT_EQ(m.follow_up[0].turn, "turn-2");
    EXPECT_EQ(m.follow_up[1].turn, "turn-4");
    EXPECT_EQ(m.follow_up[2].turn, "turn-6");
    EXPECT_EQ(m.follow_up[2].concerns,
              (std::vector<std::string>{"That is absolutely unacceptable!!",
                                        "If this is not fixed by Friday, I will escalate this to "
                                        "your management."}));
  }
}

TEST(SupportCall, TimedFormatsShowTheInterruptionSilenceAndMonologue) {
  for (const char* name : {"support-call.vtt", "support-call.srt", "support-call.json"}) {
    SCOPED_TRACE(name);
    const CallMetrics m = Analyze(ReadTurns(ExampleCall(name)).turns);
    EXPECT_EQ(m.duration_ms, 101'500);
    ASSERT_EQ(m.interruptions.size(), 1u);
    EXPECT_EQ(m.interruptions[0].turn, "turn-6");
    EXPECT_EQ(m.interruptions[0].interrupted, "Sam Patel");
    EXPECT_EQ(m.interruptions[0].overlap_ms, 800);
    ASSERT_EQ(m.silences.size(), 1u);
    EXPECT_EQ(m.silences[0].after_turn, "turn-8");
    EXPECT_EQ(m.silences[0].ms, 5500);
    ASSERT_TRUE(m.longest_monologue.has_value());
    EXPECT_EQ(m.longest_monologue->turn, "turn-9");
    EXPECT_EQ(m.longest_monologue->ms, 19'000);
    EXPECT_EQ(m.speakers[0].talk_ms, 48'500);
    EXPECT_EQ(m.speakers[1].talk_ms, 42'900);
  }
}

TEST(SupportCall, StampedTextInfersEndsFromTheNextStart) {
  const CallMetrics m = Analyze(ReadTurns(ExampleCall("support-call.txt")).turns);
  EXPECT_TRUE(m.interruptions.empty());    // an inferred end is the next start: no overlap
  EXPECT_TRUE(m.silences.empty());         // ... and no gap
  EXPECT_EQ(m.duration_ms, 97'500 - 500);  // the last turn has no end
}

}  // namespace
}  // namespace tonewatch
