// The calibrated scale on calls: the support calls and chats of tests/fixtures/calls/ (written for
// this test in the register of real support chats), each read through the real reader, the real
// lexicon and the call metrics, as `tonewatch analyze --me AGENT` reads them. Their manifest says
// which customers are angry, cross but civil, or calm; an angry one must reach hot (the first hot
// turn and the follow-up list switch on), a calm one must not, and a cross one sits in between.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "analyzers/call/call_metrics.h"
#include "analyzers/engine.h"
#include "analyzers/lexicon/lexicon.h"
#include "analyzers/pipeline/input_pipeline.h"
#include "analyzers/thread/thread_model.h"

namespace tonewatch {
namespace {

const std::filesystem::path kCalls = std::filesystem::path(TONEWATCH_TEST_FIXTURES) / "calls";

// The fewest calls the register needs to say anything: the issue's "at least 20, several angry,
// several calm".
constexpr size_t kMinCalls = 20;
constexpr size_t kMinPerClass = 5;

struct CallCase {
  std::string file;
  std::string kind;   // angry | cross | calm
  std::string agent;  // --me
  std::string trend;  // the customer's trend
};

// Reads manifest.tsv: "file <TAB> class <TAB> agent <TAB> trend", '#' comments.
std::vector<CallCase> Manifest() {
  std::vector<CallCase> cases;
  std::ifstream in(kCalls / "manifest.tsv");
  EXPECT_TRUE(in) << kCalls / "manifest.tsv";
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    CallCase c;
    std::getline(fields, c.file, '\t');
    std::getline(fields, c.kind, '\t');
    std::getline(fields, c.agent, '\t');
    std::getline(fields, c.trend, '\t');
    EXPECT_FALSE(c.trend.empty()) << "manifest.tsv: a line without four fields: " << line;
    cases.push_back(std::move(c));
  }
  return cases;
}

const Engine& RealEngine() {
  static const std::unique_ptr<Engine> engine = [] {
    auto lexicon = LoadLexicon(TONEWATCH_SOURCE_LEXICONS);
    EXPECT_TRUE(lexicon.has_value()) << lexicon.error().ToString();
    auto created = Engine::Create(std::move(*lexicon));
    EXPECT_TRUE(created.has_value()) << created.error().ToString();
    return std::make_unique<Engine>(std::move(*created));
  }();
  return *engine;
}

// What the call came to: its thread report (turns, heats, call metrics) and the customer's side.
struct CallOutcome {
  ThreadReport thread;
  std::vector<int> customer_heats;
  std::string customer_trend = "unknown";

  int Peak() const {
    return customer_heats.empty() ? 0
                                  : *std::max_element(customer_heats.begin(), customer_heats.end());
  }
};

CallOutcome Analyze(const CallCase& c) {
  PipelineOptions options;
  options.me = {c.agent};
  InputPipeline pipeline(RealEngine(), options);
  CallOutcome out;
  int threads = 0;
  const auto errors = pipeline.Add((kCalls / c.file).string(), [&](ThreadReport&& thread) {
    out.thread = std::move(thread);
    ++threads;
  });
  for (const Error& e : errors) ADD_FAILURE() << e.ToString();
  EXPECT_EQ(threads, 1);
  EXPECT_TRUE(out.thread.errors.empty());
  EXPECT_NE(out.thread.call, nullptr) << "not read as a call";
  for (const MessageReport& m : out.thread.messages) {
    if (!m.me) out.customer_heats.push_back(m.heat);
  }
  if (out.thread.call) {
    for (const SpeakerMetrics& s : out.thread.call->speakers) {
      if (!s.me) out.customer_trend = s.trend;
    }
  }
  return out;
}

std::vector<CallCase> Of(const std::string& kind) {
  std::vector<CallCase> cases;
  for (CallCase& c : Manifest()) {
    if (c.kind == kind) cases.push_back(std::move(c));
  }
  return cases;
}

const int kHot = ThreadModelOptions{}.hot_heat;

TEST(SupportRegister, ManifestListsEveryCall) {
  const std::vector<CallCase> cases = Manifest();
  EXPECT_GE(cases.size(), kMinCalls);
  std::set<std::string> listed;
  std::map<std::string, size_t> per_kind;
  for (const CallCase& c : cases) {
    SCOPED_TRACE(c.file);
    EXPECT_TRUE(c.kind == "angry" || c.kind == "cross" || c.kind == "calm") << c.kind;
    EXPECT_TRUE(std::filesystem::exists(kCalls / c.file));
    EXPECT_TRUE(listed.insert(c.file).second) << "listed twice";
    ++per_kind[c.kind];
  }
  EXPECT_GE(per_kind["angry"], kMinPerClass);
  EXPECT_GE(per_kind["calm"], kMinPerClass);
  EXPECT_GE(per_kind["cross"], kMinPerClass);
  for (const auto& entry : std::filesystem::directory_iterator(kCalls)) {
    const std::string name = entry.path().filename().string();
    if (name == "manifest.tsv") continue;
    EXPECT_TRUE(listed.count(name)) << name << " is not in the manifest";
  }
}

TEST(SupportRegister, AngryCustomersReachHot) {
  for (const CallCase& c : Of("angry")) {
    SCOPED_TRACE(c.file);
    const CallOutcome out = Analyze(c);
    ASSERT_NE(out.thread.call, nullptr);
    const CallMetrics& call = *out.thread.call;
    EXPECT_GE(out.Peak(), kHot);
    ASSERT_TRUE(call.first_hot.has_value());
    EXPECT_NE(call.first_hot->speaker, c.agent) << "the first hot turn is the agent's";
    EXPECT_FALSE(call.follow_up.empty());
    for (const FollowUpItem& item : call.follow_up) EXPECT_NE(item.speaker, c.agent);
    EXPECT_EQ(out.customer_trend, c.trend);
  }
}

TEST(SupportRegister, CalmCallsStayBelowHot) {
  for (const CallCase& c : Of("calm")) {
    SCOPED_TRACE(c.file);
    const CallOutcome out = Analyze(c);
    ASSERT_NE(out.thread.call, nullptr);
    for (const MessageReport& m : out.thread.messages) EXPECT_LT(m.heat, kHot) << m.id;
    EXPECT_FALSE(out.thread.call->first_hot.has_value());
    EXPECT_TRUE(out.thread.call->follow_up.empty());
    EXPECT_EQ(out.customer_trend, c.trend);
  }
}

// Cross but civil: flagged, but never hot.
TEST(SupportRegister, CrossCallsSitInBetween) {
  for (const CallCase& c : Of("cross")) {
    SCOPED_TRACE(c.file);
    const CallOutcome out = Analyze(c);
    ASSERT_NE(out.thread.call, nullptr);
    EXPECT_GT(out.Peak(), 0);
    EXPECT_LT(out.Peak(), kHot);
    EXPECT_FALSE(out.thread.call->first_hot.has_value());
    EXPECT_EQ(out.customer_trend, c.trend);
  }
}

// Prints the heat distribution of the customers' turns per class (the README's figures) and checks
// that the classes are ordered: every angry peak above every cross peak, and no cross peak below a
// calm one (a polite "I'll wait." still scores a little).
TEST(SupportRegister, HeatDistributionIsOrdered) {
  struct Tally {
    int turns = 0, hot = 0, warm = 0, mild = 0, zero = 0, min_peak = 100, max_peak = 0;
  };
  std::map<std::string, Tally> tallies;
  for (const CallCase& c : Manifest()) {
    const CallOutcome out = Analyze(c);
    Tally& t = tallies[c.kind];
    for (int heat : out.customer_heats) {
      ++t.turns;
      if (heat >= kHot) {
        ++t.hot;
      } else if (heat >= 10) {
        ++t.warm;
      } else if (heat > 0) {
        ++t.mild;
      } else {
        ++t.zero;
      }
    }
    t.min_peak = std::min(t.min_peak, out.Peak());
    t.max_peak = std::max(t.max_peak, out.Peak());
  }
  for (const char* kind : {"angry", "cross", "calm"}) {
    const Tally& t = tallies[kind];
    std::cout << kind << ": " << t.turns << " customer turns; heat >= " << kHot << ": " << t.hot
              << ", 10-" << kHot - 1 << ": " << t.warm << ", 1-9: " << t.mild << ", 0: " << t.zero
              << "; peak per call " << t.min_peak << ".." << t.max_peak << "\n";
  }
  EXPECT_GT(tallies["angry"].min_peak, tallies["cross"].max_peak);
  EXPECT_GE(tallies["cross"].min_peak, tallies["calm"].max_peak);
}

}  // namespace
}  // namespace tonewatch
