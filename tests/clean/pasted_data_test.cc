// A sender who pastes thousands of lines of data (an export, a log) into the body: the lines are
// not quoted, so the cleaner looks at each of them, and they hold what quote headers hold (times
// with ':', dates, "from", "to", "sent", "wrote", addresses). They are the sender's words and stay;
// the sign-off under them and the quoted reply under that go, as in a short message.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "analyzers/clean/cleaner.h"
#include "tests/clean/clean_test_support.h"

namespace tonewatch {
namespace {

using clean_testing::Plain;

constexpr uint32_t kRows = 3000;

// Row `i` of an order export: a timestamp, ids, and a note from a small list, some of which read
// like the start of a quote header ("sent to", "wrote", "From the", an address).
std::string ExportRow(uint32_t i) {
  static const std::vector<std::string> kNotes = {
      "",
      "customs hold",
      "sent to WH-2 on Monday",
      "customer wrote back, resend",
      "From the 3rd: split shipment",
      "date moved; see ticket 4471",
      "to: ops@lumen-health.example",
      "Original message in CRM",
      "am Lager",
      "de retour le 12",
  };
  const uint32_t r = i * 2654435761u;  // a fixed scramble, so rows differ
  return fmt::format("2026-{}-{} {}:{},ORD-{},SKU-KM-{},{},WH-{},held,{}", 10 + r % 3, 10 + r % 19,
                     10 + r % 13, 10 + r % 49, 90000 + i, 1000 + r % 8999, 1 + r % 400, r % 9,
                     kNotes[r % kNotes.size()]);
}

// The header line and kRows rows, one a line.
std::string Export(bool with_header) {
  std::string out = with_header ? "date,order,sku,qty,warehouse,status,note" : "";
  for (uint32_t i = 0; i < kRows; ++i) {
    if (!out.empty()) out += '\n';
    out += ExportRow(i);
  }
  return out;
}

TEST(PastedData, ThousandsOfUnquotedDataLinesAreTheSendersWords) {
  const std::string data = Export(true);
  const std::string intro =
      "Hi Dana,\n\nOur system keeps rejecting attachments, so the full export is pasted below.";
  const std::string quote =
      "On Mon, 8 Jun 2026 at 09:12, Dana Okafor <dana@brightline.example> wrote:\n"
      "> Could you send the order export for May?\n>\n> Dana";
  const CleanedBody body = Plain(
      fmt::format("{}\n\n{}\n\nThanks,\nAvery Donovan\nLumen Health\n\n{}\n", intro, data, quote));
  EXPECT_EQ(body.text, fmt::format("{}\n\n{}", intro, data));
  EXPECT_EQ(body.quoted, quote);
  EXPECT_EQ(StrippingName(body.stripping), "heuristic");
  EXPECT_GT(body.signature_bytes, 0u);
  EXPECT_EQ(body.disclaimer_bytes, 0u);
}

TEST(PastedData, DataLinesAboveAnOutlookHeaderBlockStay) {
  const std::string data = Export(false);
  const std::string header =
      "________________________________\nFrom: Dana Okafor <dana@brightline.example>\n"
      "Sent: Monday, June 8, 2026 9:12 AM\nTo: Avery Donovan\nSubject: May export\n\n"
      "Could you send the order export for May?";
  const CleanedBody body = Plain(fmt::format("The export:\n\n{}\n\n{}\n", data, header));
  EXPECT_EQ(body.text, fmt::format("The export:\n\n{}", data));
  EXPECT_EQ(body.quoted, header);
  EXPECT_EQ(StrippingName(body.stripping), "structural");
}

}  // namespace
}  // namespace tonewatch
