#include "analyzers/pipeline/held_reports.h"

#include <gtest/gtest.h>

#include "analyzers/report/report_codec.h"

namespace tonewatch {
namespace {

MessageReport Sample(int n) {
  MessageReport r;
  r.id = "m" + std::to_string(n) + "@x";
  r.author = "Marcus \"the client\" <m@x>";
  r.me = n % 2 == 0;
  r.time = "2026-11-17T09:00:00Z";
  r.time_ms = 1794906000000 + n;
  r.recipients = {"a@x", "Legal <legal@x>"};
  r.subject = "Re: caf\xC3\xA9";
  r.heat = n;
  Finding f;
  f.rule = "frustration.test";
  f.category = Category::kFrustration;
  f.points = 7;
  f.span = {3, 9};
  f.text = "\xE2\x80\x9Cquote\xE2\x80\x9D\n";
  f.why = "because";
  f.suggestion = "say it so";
  f.context = "the whole sentence";
  f.context_offset = 4;
  r.findings = {f, f};
  r.findings[1].suggestion.reset();
  r.stripping = "heuristic";
  return r;
}

void ExpectSame(const MessageReport& a, const MessageReport& b) {
  EXPECT_EQ(EncodeMessageReport(a), EncodeMessageReport(b));
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.time_ms, b.time_ms);
  ASSERT_EQ(a.findings.size(), b.findings.size());
  EXPECT_EQ(a.findings[0].text, b.findings[0].text);
  EXPECT_EQ(a.findings[0].category, b.findings[0].category);
  EXPECT_FALSE(b.findings[1].suggestion.has_value());
}

TEST(ReportCodec, RoundTripsEveryField) {
  const MessageReport r = Sample(3);
  auto back = DecodeMessageReport(EncodeMessageReport(r));
  ASSERT_TRUE(back.has_value());
  ExpectSame(r, *back);
  EXPECT_EQ(back->subject, r.subject);
  EXPECT_EQ(back->recipients, r.recipients);
}

TEST(ReportCodec, GarbageIsRefused) {
  EXPECT_FALSE(DecodeMessageReport("").has_value());
  EXPECT_FALSE(DecodeMessageReport("{\"i\": 3}").has_value());
  EXPECT_FALSE(DecodeMessageReport("not json").has_value());
}

TEST(HeldReports, GivesBackWhatWasHeldInAnyOrder) {
  HeldReports held;
  std::vector<size_t> handles;
  for (int i = 0; i < 50; ++i) handles.push_back(held.Add(Sample(i)));
  for (int i = 49; i >= 0; i -= 7) {
    auto r = held.Get(handles[static_cast<size_t>(i)]);
    ASSERT_TRUE(r.has_value());
    ExpectSame(Sample(i), *r);
  }
  held.Clear();
  EXPECT_EQ(held.size(), 0u);
  const size_t again = held.Add(Sample(1));
  ExpectSame(Sample(1), *held.Get(again));
}

}  // namespace
}  // namespace tonewatch
