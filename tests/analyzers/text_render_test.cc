#include "analyzers/render/text_render.h"

#include <gtest/gtest.h>

#include <string>

namespace tonewatch {
namespace {

Finding Counted(std::string rule, int points, std::string text, size_t begin) {
  Finding f;
  f.rule = std::move(rule);
  f.category = Category::kPressure;
  f.points = points;
  f.span = {begin, begin + text.size()};
  f.text = text;
  f.context = text;
  f.why = "\"ASAP\" sets no real date.";
  f.suggestion = "Could you get this to me by ...?";
  return f;
}

// A held-back finding is one "not counted" line with its reason; it adds no term to the sum.
TEST(TextRender, HeldBackFindingsAreOneLineAndNotInTheSum) {
  ThreadReport thread;
  thread.source = "note.txt";
  thread.heat = 4;
  MessageReport m;
  m.id = "m1";
  m.heat = 4;
  m.findings.push_back(Counted("pressure.asap", 4, "ASAP", 0));
  Finding held = Counted("pressure.asap", 0, "asap", 30);
  held.why =
      "Not counted: this is the writer's own promise or plan, not a demand on the reader. "
      "\"ASAP\" sets no real date.";
  m.findings.push_back(held);
  thread.messages.push_back(m);

  const std::string out = RenderThreadText(thread, TextStyle{});
  EXPECT_NE(out.find("  not counted pressure.asap \"asap\": this is the writer's own promise or "
                     "plan, not a demand on the reader.\n"),
            std::string::npos)
      << out;
  EXPECT_EQ(out.find("+0"), std::string::npos) << out;
  EXPECT_NE(out.find("heat 4 = 4\n"), std::string::npos) << out;

  m.findings.erase(m.findings.begin());
  m.heat = 0;
  thread.messages = {m};
  EXPECT_NE(RenderThreadText(thread, TextStyle{}).find("heat 0 = 0 (nothing counted)"),
            std::string::npos);
}

}  // namespace
}  // namespace tonewatch
