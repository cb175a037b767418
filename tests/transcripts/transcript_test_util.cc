#include "tests/transcripts/transcript_test_util.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <fstream>

namespace tonewatch::testing {
namespace {

namespace fs = std::filesystem;

// A folder under the system temp folder, removed at exit of the test process.
const fs::path& ScratchDir() {
  static const fs::path dir = [] {
    std::string pattern = (fs::temp_directory_path() / "tonewatch-transcripts-XXXXXX").string();
    const char* made = ::mkdtemp(pattern.data());
    EXPECT_NE(made, nullptr);
    return fs::path(pattern);
  }();
  static const struct Cleanup {
    ~Cleanup() {
      std::error_code ignored;
      fs::remove_all(dir, ignored);
    }
  } cleanup;
  return dir;
}

}  // namespace

fs::path ScratchFile(std::string_view bytes, std::string_view name) {
  const fs::path path = ScratchDir() / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  EXPECT_TRUE(out.good()) << path;
  return path;
}

std::string ReadOutcome::NoticeList() const {
  std::string out = result ? "" : fmt::format("error: {}\n", result.error().ToString());
  for (const Notice& n : errors) out += fmt::format("{}: {}\n", n.where, n.message);
  return out;
}

fs::path Fixture(std::string_view name) { return fs::path(TONEWATCH_TRANSCRIPT_FIXTURES) / name; }
fs::path ExampleCall(std::string_view name) { return fs::path(TONEWATCH_EXAMPLE_CALLS) / name; }

ReadOutcome ReadTurns(const fs::path& path, std::optional<TranscriptFormat> format) {
  ReadOutcome out;
  auto source = ByteSource::Open(path.string());
  if (!source) {
    out.result = source.error();
    return out;
  }
  out.result = ReadTranscript(
      *source, format, [&out](DocMessage&& turn) { out.turns.push_back(std::move(turn)); },
      &out.errors);
  return out;
}

ReadOutcome ReadCues(const fs::path& path, std::optional<TranscriptFormat> format) {
  ReadOutcome out;
  auto source = ByteSource::Open(path.string());
  if (!source) {
    out.result = source.error();
    return out;
  }
  out.result = ReadTranscriptCues(
      *source, format, [&out](Cue&& cue) { out.cues.push_back(std::move(cue)); }, &out.errors);
  return out;
}

ReadOutcome ReadTurnsFrom(std::string_view bytes, std::string_view name,
                          std::optional<TranscriptFormat> format) {
  return ReadTurns(ScratchFile(bytes, name), format);
}

ReadOutcome ReadCuesFrom(std::string_view bytes, std::string_view name,
                         std::optional<TranscriptFormat> format) {
  return ReadCues(ScratchFile(bytes, name), format);
}

bool HasNotice(const std::vector<Notice>& errors, uint64_t line, std::string_view words) {
  const std::string suffix = fmt::format(":{}", line);
  for (const Notice& n : errors) {
    const bool line_ok =
        line == 0 || (n.where.size() >= suffix.size() &&
                      n.where.compare(n.where.size() - suffix.size(), suffix.size(), suffix) == 0);
    if (line_ok && n.message.find(words) != std::string::npos) return true;
  }
  return false;
}

std::vector<std::string> Speakers(const std::vector<DocMessage>& turns) {
  std::vector<std::string> out;
  for (const DocMessage& t : turns) out.push_back(t.author);
  return out;
}

}  // namespace tonewatch::testing
