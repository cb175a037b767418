#pragma once

// What the protocol asks of the running daemon rather than of the store: its live state and the
// lexicon reload. The daemon implements it; tests use a fake.

#include <cstdint>
#include <string>
#include <vector>

#include "analyzers/base/result.h"

namespace tonewatch::daemon {

struct RuntimeStatus {
  int64_t queued = 0;                 // files waiting to be ingested
  std::string lexicon_hash;           // of the lexicon in use
  std::vector<std::string> watching;  // the folders watched
  // Progress since the daemon started, for watching a first index of a large folder.
  int64_t in_progress = 0;      // files being read or waiting for the store (part of `queued`)
  int64_t files_read = 0;       // files read and stored
  int64_t messages_stored = 0;  // messages written (re-written ones count again)
  bool scanning = false;        // a full scan of the watched folders is running
};

struct ReloadOutcome {
  std::string lexicon_hash;    // of the lexicon now in use
  int64_t stale_messages = 0;  // messages queued for re-analysis with it
};

class Control {
 public:
  virtual ~Control() = default;

  // A snapshot of the daemon's live state. Must not block on ingest.
  virtual RuntimeStatus Runtime() = 0;
  // The minimum heat `flagged` lists when the request names none (the daemon's min_heat setting).
  virtual int DefaultMinHeat() { return 1; }

  // Loads the lexicons again. On failure the old lexicon stays in use and the Error says why
  // (file and line of the broken rule).
  virtual Result<ReloadOutcome> Reload() = 0;
};

}  // namespace tonewatch::daemon
