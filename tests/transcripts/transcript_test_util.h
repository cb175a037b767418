#pragma once

// Helpers for the transcript suites: read a fixture or a string as a transcript and keep the
// turns, cues and notices; find a notice by line and words; build turns and reports by hand.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/base/result.h"
#include "analyzers/model/document.h"
#include "analyzers/readers/transcript/cue.h"
#include "analyzers/readers/transcript/transcript_reader.h"
#include "analyzers/report/report.h"

namespace tonewatch::testing {

// What reading one source gave.
struct ReadOutcome {
  Result<void> result = Ok();
  std::vector<DocMessage> turns;
  std::vector<Cue> cues;  // ReadCues only
  std::vector<Notice> errors;

  bool ok() const { return result.has_value(); }
  // "where: message" of every notice, one per line: for failure messages.
  std::string NoticeList() const;
};

std::filesystem::path Fixture(std::string_view name);
std::filesystem::path ExampleCall(std::string_view name);

// Reads the file as turns (ReadTranscript) or as cues (ReadTranscriptCues).
ReadOutcome ReadTurns(const std::filesystem::path& path,
                      std::optional<TranscriptFormat> format = std::nullopt);
ReadOutcome ReadCues(const std::filesystem::path& path,
                     std::optional<TranscriptFormat> format = std::nullopt);

// Writes `bytes` to a file called `name` in a temporary folder removed at exit; returns its path.
std::filesystem::path ScratchFile(std::string_view bytes, std::string_view name);

// Writes `bytes` to a temporary file called `name` (so that messages name it) and reads it.
ReadOutcome ReadTurnsFrom(std::string_view bytes, std::string_view name,
                          std::optional<TranscriptFormat> format = std::nullopt);
ReadOutcome ReadCuesFrom(std::string_view bytes, std::string_view name,
                         std::optional<TranscriptFormat> format = std::nullopt);

// True when some notice's `where` ends with ":<line>" (any line when 0) and its message contains
// `words`.
bool HasNotice(const std::vector<Notice>& errors, uint64_t line, std::string_view words);

// The speakers of `turns`, in order.
std::vector<std::string> Speakers(const std::vector<DocMessage>& turns);

}  // namespace tonewatch::testing
