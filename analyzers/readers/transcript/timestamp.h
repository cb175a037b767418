#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tonewatch {

// Parses a caption or transcript timestamp into milliseconds. Accepts "hh:mm:ss.mmm" with any
// number of hour digits, the WebVTT form without hours ("mm:ss.mmm"), the one-digit fields some
// meeting tools write ("0:0:0.570"), "," before the fraction (SRT), 1 to 9 fraction digits (read
// as a decimal fraction of a second) and no fraction at all ("00:01:02"; then the seconds have
// two digits, since "00:00:0" is a cut-off timestamp). Minutes and seconds are below 60. Returns
// nullopt for anything else, including surrounding text.
std::optional<int64_t> ParseTimestamp(std::string_view text);

// A cue timing line: "start --> end", then optional cue settings (WebVTT) or coordinates (SRT).
struct CueTiming {
  int64_t start_ms = 0;
  int64_t end_ms = 0;
};

// True when `line` contains the "-->" of a timing line (well-formed or not).
bool HasTimingArrow(std::string_view line);

// Parses a timing line; nullopt when either timestamp is malformed or the arrow is missing.
std::optional<CueTiming> ParseTimingLine(std::string_view line);

// "1:02:03.450" (hours shown only when there are any): for messages and reports.
std::string FormatTimestamp(int64_t ms);

}  // namespace tonewatch
