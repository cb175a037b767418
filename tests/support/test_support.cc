#include "tests/support/test_support.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <memory>
#include <sstream>
#include <vector>

namespace tonewatch::testing {

namespace fs = std::filesystem;

TempDir::TempDir() {
  std::string templ = (fs::temp_directory_path() / "tonewatch-test-XXXXXX").string();
  std::vector<char> buffer(templ.begin(), templ.end());
  buffer.push_back('\0');
  if (::mkdtemp(buffer.data()) == nullptr) {
    ADD_FAILURE() << "mkdtemp failed for " << templ;
    return;
  }
  path_ = buffer.data();
}

TempDir::~TempDir() {
  if (path_.empty()) return;
  std::error_code ec;
  // Tests may take permissions away from files in here; give them back so removal works.
  for (auto it = fs::recursive_directory_iterator(path_, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
  }
  fs::remove_all(path_, ec);
}

std::string TempDir::File(std::string_view name) const { return (path_ / name).string(); }

void WriteFile(const fs::path& path, std::string_view bytes) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  ASSERT_TRUE(out.good()) << "cannot write " << path;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

fs::path FixtureLexiconRoot() { return fs::path(TONEWATCH_TEST_FIXTURES) / "lexicon"; }

void CopyFixtureLexicon(const fs::path& root) {
  fs::create_directories(root / "en");
  for (const auto& entry : fs::directory_iterator(FixtureLexiconRoot() / "en")) {
    fs::copy_file(entry.path(), root / "en" / entry.path().filename(),
                  fs::copy_options::overwrite_existing);
  }
}

Lexicon LoadFixtureLexicon() {
  auto lexicon = LoadLexicon(FixtureLexiconRoot());
  if (!lexicon) {
    ADD_FAILURE() << "fixture lexicon does not load: " << lexicon.error().ToString();
    return Lexicon{};
  }
  return std::move(*lexicon);
}

const Engine& FixtureEngine() {
  static const std::unique_ptr<Engine> engine = [] {
    auto created = Engine::Create(LoadFixtureLexicon());
    if (!created) {
      ADD_FAILURE() << "fixture lexicon does not compile: " << created.error().ToString();
      std::abort();
    }
    return std::make_unique<Engine>(std::move(*created));
  }();
  return *engine;
}

int LineOf(std::string_view text, std::string_view needle) {
  int line = 1;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (text.substr(start, end - start).find(needle) != std::string_view::npos) return line;
    start = end + 1;
    ++line;
  }
  return 0;
}

PipeFeed::PipeFeed(std::string data, size_t chunk) : data_(std::move(data)) {
  // A reader that stops early makes the writer's next write fail with EPIPE, not kill the test.
  ::signal(SIGPIPE, SIG_IGN);
  int fds[2];
  if (::pipe(fds) != 0) {
    ADD_FAILURE() << "pipe() failed";
    return;
  }
  name_ = fmt::format("/dev/fd/{}", fds[0]);
  auto source = ByteSource::Open(name_);
  ::close(fds[0]);  // the source holds its own descriptor for the pipe
  if (!source) {
    ADD_FAILURE() << source.error().ToString();
    ::close(fds[1]);
    return;
  }
  source_.emplace(std::move(*source));
  const int out = fds[1];
  writer_ = std::thread([this, out, chunk] {
    size_t at = 0;
    while (at < data_.size()) {
      const size_t n = std::min(chunk, data_.size() - at);
      const ssize_t written = ::write(out, data_.data() + at, n);
      if (written < 0 && errno == EINTR) continue;
      if (written <= 0) break;  // the reader is gone
      at += static_cast<size_t>(written);
    }
    ::close(out);
  });
}

PipeFeed::~PipeFeed() {
  source_.reset();
  if (writer_.joinable()) writer_.join();
}

}  // namespace tonewatch::testing
