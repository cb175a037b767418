#pragma once

// Small helpers shared by the suites: temp folders that clean up after themselves, file writing,
// and the fixture lexicon (tests/fixtures/lexicon), which the engine tests use instead of the real
// one so that edits to lexicons/en do not move them.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "analyzers/engine.h"
#include "analyzers/lexicon/lexicon.h"
#include "analyzers/readers/byte_source.h"

namespace tonewatch::testing {

// A fresh folder under the system temp folder, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // path() / name, as a string.
  std::string File(std::string_view name) const;

 private:
  std::filesystem::path path_;
};

// Writes `bytes` to `path` (creating parent folders), replacing what was there.
void WriteFile(const std::filesystem::path& path, std::string_view bytes);
std::string ReadFile(const std::filesystem::path& path);

// The root of the fixture lexicons (holds en/).
std::filesystem::path FixtureLexiconRoot();

// Copies the fixture lexicon's en/ folder to `root`/en, so a test can break a copy.
void CopyFixtureLexicon(const std::filesystem::path& root);

// The fixture lexicon, loaded; fails the calling test (and returns an empty lexicon) if it does
// not load.
Lexicon LoadFixtureLexicon();

// An engine over the fixture lexicon. Built once per process; Analyze is thread-safe.
const Engine& FixtureEngine();

// The exit codes `tonewatch --help` documents, written out rather than taken from cli/exit_codes.h,
// so that changing a documented code fails the tests that run the binary.
namespace exit_codes {
inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInput = 3;     // analyze: an input could not be read
inline constexpr int kExitNotFound = 3;  // daemon commands: no such thread, message, suppression
inline constexpr int kExitLexicon = 4;
inline constexpr int kExitInternal = 5;
inline constexpr int kExitNoDaemon = 6;
}  // namespace exit_codes

// Whether `needle` occurs in `haystack`: for asserting on messages without spelling out find().
inline bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// The 1-based line of the first line of `text` that contains `needle`, or 0. For asserting that an
// error names the line a broken rule sits on without counting lines by hand.
int LineOf(std::string_view text, std::string_view needle);

// A ByteSource reading from a pipe that a thread fills with `data`, `chunk` bytes per write, then
// closes: the reader sees short reads and data arriving in pieces, as from a real pipe. The
// destructor closes the read end first, so a reader that stops early does not hang the writer.
class PipeFeed {
 public:
  PipeFeed(std::string data, size_t chunk);
  ~PipeFeed();
  PipeFeed(const PipeFeed&) = delete;
  PipeFeed& operator=(const PipeFeed&) = delete;

  ByteSource& source() { return *source_; }
  // The name the source uses in messages.
  const std::string& name() const { return name_; }

 private:
  std::string data_;
  std::string name_;
  std::optional<ByteSource> source_;
  std::thread writer_;
};

}  // namespace tonewatch::testing
