#pragma once

// Threads and messages as the daemon sends them (the report contract of DESIGN.md, schema 1, plus
// a fingerprint on each finding), read back into the core's report types so the CLI prints them
// with the same RenderThreadText as `tonewatch analyze`. nlohmann-json's seam for reports.

#include <string>
#include <vector>

#include "analyzers/base/result.h"
#include "analyzers/report/report.h"
#include "cli/daemon_call.h"

namespace tonewatch::cli {

// A thread from the daemon. The core's Finding has no fingerprint (fingerprints are the daemon's
// keys for suppressions), so they travel beside the report.
struct DaemonThread {
  ThreadReport report;
  // fingerprints[m][f] belongs to report.messages[m].findings[f]; "" when the daemon sent none.
  std::vector<std::vector<std::string>> fingerprints;
};

// Reads a `thread` value of PROTOCOL.md. Fields the CLI does not show (a call's metrics) are
// skipped. The daemon does not send the sentence around a finding, so each finding's display
// context is its own words. A category this build does not know is shown as an accusation
// (only its colour depends on it). Errors: kInternal naming `where` and the field that is wrong.
Result<DaemonThread> DecodeThread(const Json& thread, const std::string& where);

// Reads a `message` value of PROTOCOL.md: the message and its findings' fingerprints.
struct DaemonMessage {
  MessageReport report;
  std::vector<std::string> fingerprints;  // fingerprints[f] belongs to report.findings[f]
};
Result<DaemonMessage> DecodeMessage(const Json& message, const std::string& where);

}  // namespace tonewatch::cli
