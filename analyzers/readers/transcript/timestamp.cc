#include "analyzers/readers/transcript/timestamp.h"

#include <fmt/format.h>

#include <array>

namespace tonewatch {
namespace {

// Hours beyond this are not a call (and would overflow nothing, but are surely damage).
constexpr int kMaxHourDigits = 7;
constexpr int kMaxFractionDigits = 9;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Parses 1..max_digits decimal digits spanning all of `text`.
std::optional<int64_t> Digits(std::string_view text, size_t max_digits) {
  if (text.empty() || text.size() > max_digits) return std::nullopt;
  int64_t value = 0;
  for (char c : text) {
    if (!IsDigit(c)) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// "ss", "ss.f", "ss,fff": seconds and fraction, in ms.
std::optional<int64_t> Seconds(std::string_view text) {
  const size_t dot = text.find_first_of(".,");
  auto seconds = Digits(text.substr(0, dot), 2);
  if (!seconds || *seconds >= 60) return std::nullopt;
  int64_t ms = *seconds * 1000;
  if (dot == std::string_view::npos) {
    // "00:00:0" is a cut-off timestamp, not zero seconds: without a fraction, two digits.
    return text.size() == 2 ? std::optional<int64_t>(ms) : std::nullopt;
  }
  const std::string_view fraction = text.substr(dot + 1);
  if (!Digits(fraction, kMaxFractionDigits)) return std::nullopt;
  // The first three digits are milliseconds; "5" is 500 ms, "57" is 570 ms.
  int64_t frac = 0;
  for (size_t i = 0; i < 3; ++i) frac = frac * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
  return ms + frac;
}

}  // namespace

std::optional<int64_t> ParseTimestamp(std::string_view text) {
  std::array<std::string_view, 3> parts;
  size_t count = 0;
  while (count < parts.size()) {
    const size_t colon = text.find(':');
    parts[count++] = text.substr(0, colon);
    if (colon == std::string_view::npos) break;
    text.remove_prefix(colon + 1);
    if (count == parts.size()) return std::nullopt;  // a fourth field
  }
  if (count < 2) return std::nullopt;
  auto seconds = Seconds(parts[count - 1]);
  auto minutes = Digits(parts[count - 2], 2);
  if (!seconds || !minutes || *minutes >= 60) return std::nullopt;
  int64_t hours = 0;
  if (count == 3) {
    auto h = Digits(parts[0], kMaxHourDigits);
    if (!h) return std::nullopt;
    hours = *h;
  }
  return (hours * 60 + *minutes) * 60 * 1000 + *seconds;
}

bool HasTimingArrow(std::string_view line) { return line.find("-->") != std::string_view::npos; }

std::optional<CueTiming> ParseTimingLine(std::string_view line) {
  const size_t arrow = line.find("-->");
  if (arrow == std::string_view::npos) return std::nullopt;
  auto start = ParseTimestamp(Trim(line.substr(0, arrow)));
  std::string_view rest = Trim(line.substr(arrow + 3));
  // The end timestamp runs to the first white space; settings or coordinates may follow.
  const size_t space = rest.find_first_of(" \t");
  auto end = ParseTimestamp(rest.substr(0, space));
  if (!start || !end) return std::nullopt;
  return CueTiming{*start, *end};
}

std::string FormatTimestamp(int64_t ms) {
  const bool negative = ms < 0;
  const int64_t abs = negative ? -ms : ms;
  const int64_t hours = abs / 3'600'000;
  const int64_t minutes = abs / 60'000 % 60;
  const int64_t seconds = abs / 1000 % 60;
  const int64_t millis = abs % 1000;
  if (hours > 0) {
    return fmt::format("{}{}:{:02}:{:02}.{:03}", negative ? "-" : "", hours, minutes, seconds,
                       millis);
  }
  return fmt::format("{}{}:{:02}.{:03}", negative ? "-" : "", minutes, seconds, millis);
}

}  // namespace tonewatch
