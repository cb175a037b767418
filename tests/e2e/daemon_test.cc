// tonewatchd end to end: the real daemon on a temp Maildir and a temp socket. Files dropped in are
// queryable; renames do not duplicate; SIGKILL at any point loses nothing and duplicates nothing;
// bad clients do not stop good ones; the socket is private; a bad lexicon on reload keeps the old.

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/e2e/daemon_process.h"
#include "tests/support/test_support.h"

namespace tonewatch::testing {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

// Sentences for generated mail: heated, neutral and repairing, so threads differ in heat.
constexpr const char* kLines[] = {
    "You never sent the report. This is unacceptable.",
    "Thanks for the update, that works for us.",
    "As I said before, I will escalate this to your manager.",
    "Could we move the review to Thursday afternoon?",
    "I understand the delay, and I'm sorry for the trouble it caused.",
    "This is the third time I have asked. Fix it immediately!",
};

std::string Mail(int thread, int n) {
  std::string id = fmt::format("m{}-{}@client.example", thread, n);
  std::string mail = fmt::format(
      "From: {}\nTo: Sam <sam@us.example>\nSubject: {}Order {}\nDate: Tue, 14 Nov 2023 "
      "{:02}:{:02}:00 +0000\nMessage-ID: <{}>\n",
      n % 2 == 0 ? "Dana <dana@client.example>" : "Sam <sam@us.example>", n > 0 ? "Re: " : "",
      thread, 8 + n, thread % 60, id);
  if (n > 0) {
    mail += fmt::format("In-Reply-To: <m{}-{}@client.example>\n", thread, n - 1);
    mail += fmt::format("References: <m{}-0@client.example>\n", thread);
  }
  return mail + "\n" + kLines[(thread + n) % 6] + "\n";
}

class DaemonTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* sub : {"new", "cur", "tmp"}) fs::create_directories(mail_ / sub);
  }

  std::unique_ptr<DaemonProcess> StartDaemon(const std::string& db, const std::string& socket,
                                             std::vector<std::string> extra = {}) {
    std::vector<std::string> args{
        "--watch", mail_.string(), "--socket",       socket,     "--database",
        db,        "--me",         "sam@us.example", "--config", Config()};
    args.insert(args.end(), extra.begin(), extra.end());
    auto daemon = std::make_unique<DaemonProcess>(TONEWATCHD_BINARY, args, log_);
    EXPECT_TRUE(Eventually([&] { return !Ask(socket, "status").is_null(); }))
        << "the daemon did not answer; its log:\n"
        << ReadFile(log_);
    return daemon;
  }

  // An empty config file, so the developer's own ~/.config is never read.
  std::string Config() {
    const std::string path = dir_.File("tonewatchd.toml");
    if (!fs::exists(path)) WriteFile(path, "# tests\n");
    return path;
  }

  // The result of `method`, or null when there was no ok answer.
  json Ask(const std::string& socket, const std::string& method,
           const json& params = json::object()) {
    const std::string line =
        AskSocket(socket, json{{"v", 1}, {"id", 1}, {"method", method}, {"params", params}}.dump());
    if (line.empty()) return nullptr;
    json answer = json::parse(line, nullptr, false);
    if (answer.is_discarded() || !answer.value("ok", false)) return nullptr;
    return answer.at("result");
  }

  // Delivers a message the way a mail client does: written in tmp/, renamed into new/.
  std::string Deliver(const std::string& name, const std::string& bytes) {
    const fs::path tmp = mail_ / "tmp" / name;
    WriteFile(tmp, bytes);
    const fs::path final_path = mail_ / "new" / name;
    fs::rename(tmp, final_path);
    return final_path.string();
  }

  bool Settled(const std::string& socket, int messages) {
    json s = Ask(socket, "status");
    return !s.is_null() && s.at("messages") == messages && s.at("queued") == 0 &&
           !s.at("progress").at("scanning").get<bool>();
  }

  TempDir dir_;
  fs::path mail_ = dir_.path() / "Maildir";
  std::string db_ = dir_.File("tonewatch.db");
  std::string socket_ = dir_.File("run/tonewatchd.sock");
  std::string log_ = dir_.File("tonewatchd.log");
};

TEST_F(DaemonTest, DroppedFileIsQueryableAndRenameKeepsOneCopy) {
  auto daemon = StartDaemon(db_, socket_);
  const std::string path = Deliver("1700000000.1.host", Mail(6, 0));
  ASSERT_TRUE(Eventually([&] { return Settled(socket_, 1); })) << ReadFile(log_);
  json message = Ask(socket_, "message", {{"id", "m6-0@client.example"}});
  ASSERT_FALSE(message.is_null());
  EXPECT_EQ(path, message.at("path"));
  json flagged = Ask(socket_, "flagged");
  ASSERT_EQ(1, flagged.at("total")) << flagged.dump();

  // The mail client marks it seen: new/x -> cur/x:2,S.
  const fs::path seen = mail_ / "cur" / "1700000000.1.host:2,S";
  fs::rename(path, seen);
  // The new name is stored first and the old one forgotten right after (two watcher events):
  // wait for both, then check nothing else is left.
  ASSERT_TRUE(Eventually([&] {
    json m = Ask(socket_, "message", {{"id", "m6-0@client.example"}});
    json s = Ask(socket_, "status");
    return !m.is_null() && m.at("path") == seen.string() && !s.is_null() && s.at("files") == 1;
  })) << "the old name is forgotten\n"
      << ReadFile(log_);
  json status = Ask(socket_, "status");
  EXPECT_EQ(1, status.at("messages"));
  EXPECT_EQ(1, status.at("files"));
}

TEST_F(DaemonTest, SocketIsPrivateAndSigtermStopsCleanly) {
  auto daemon = StartDaemon(db_, socket_);
  struct stat st {};
  ASSERT_EQ(0, ::stat(socket_.c_str(), &st));
  EXPECT_EQ(0600u, st.st_mode & 0777);
  daemon->Signal(SIGTERM);
  EXPECT_EQ(0, daemon->Wait(30).value_or(-100)) << ReadFile(log_);
  EXPECT_FALSE(fs::exists(socket_)) << "the socket file is removed on a clean stop";
  EXPECT_NE(std::string::npos, ReadFile(log_).find("<6>stopped"));
}

TEST_F(DaemonTest, BadClientsDoNotStopOthers) {
  auto daemon = StartDaemon(db_, socket_);
  // A client that starts a line and never finishes it.
  const int stalled = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, socket_.c_str(), sizeof address.sun_path - 1);
  ASSERT_EQ(0, ::connect(stalled, reinterpret_cast<sockaddr*>(&address), sizeof address));
  ASSERT_GT(::send(stalled, "{\"v\":1,\"method\":", 16, MSG_NOSIGNAL), 0);
  // Malformed requests get an error answer.
  const std::string garbage = AskSocket(socket_, "this is not json");
  EXPECT_NE(std::string::npos, garbage.find("\"bad-request\"")) << garbage;
  const std::string binary = AskSocket(socket_, std::string("\x01\x02\x00junk", 7));
  EXPECT_NE(std::string::npos, binary.find("\"bad-request\"")) << binary;
  const std::string unknown = AskSocket(socket_, R"({"v":1,"id":3,"method":"explode"})");
  EXPECT_NE(std::string::npos, unknown.find("\"unknown-method\"")) << unknown;
  // Everyone else is still served.
  EXPECT_FALSE(Ask(socket_, "status").is_null());
  ::close(stalled);
}

TEST_F(DaemonTest, BadLexiconOnReloadKeepsTheOldOne) {
  const fs::path lexicons = dir_.path() / "lexicons";
  fs::copy(TONEWATCH_SOURCE_LEXICONS, lexicons, fs::copy_options::recursive);
  auto daemon = StartDaemon(db_, socket_, {"--lexicons", lexicons.string()});
  const std::string before = Ask(socket_, "status").at("lexicon");

  std::ofstream(lexicons / "en" / "zz-broken.toml")
      << "[[rule]]\nid = \"broken\"\npattern = '(unclosed'\n";
  const std::string refused = AskSocket(socket_, R"({"v":1,"id":9,"method":"reload"})");
  EXPECT_NE(std::string::npos, refused.find("\"reload-failed\"")) << refused;
  EXPECT_NE(std::string::npos, refused.find("zz-broken.toml")) << refused;
  daemon->Signal(SIGHUP);  // the same through the signal: refused, and the daemon goes on
  EXPECT_TRUE(
      Eventually([&] { return ReadFile(log_).find("reload refused") != std::string::npos; }));
  EXPECT_EQ(before, Ask(socket_, "status").at("lexicon"));

  fs::remove(lexicons / "en" / "zz-broken.toml");
  std::ofstream(lexicons / "en" / "language.toml", std::ios::app)
      << "\n# a comment changes the hash\n";
  json reloaded = Ask(socket_, "reload");
  ASSERT_FALSE(reloaded.is_null()) << ReadFile(log_);
  EXPECT_NE(before, reloaded.at("lexicon"));
  EXPECT_EQ(reloaded.at("lexicon"), Ask(socket_, "status").at("lexicon"));
}

// What must be the same after any number of crashes: every message with its thread, heat and
// findings, every thread's heat and trend, every file's state.
std::string Dump(const std::string& db_path) {
  SQLite::Database db(db_path, SQLite::OPEN_READONLY);
  std::string out;
  for (const char* sql :
       {"SELECT key || ' ' || thread_id || ' ' || heat || ' ' || path FROM messages ORDER BY key",
        "SELECT message_key || ' ' || ord || ' ' || rule || ' ' || fingerprint FROM findings "
        "ORDER BY message_key, ord",
        "SELECT id || ' ' || heat || ' ' || trend FROM threads ORDER BY id",
        "SELECT path || ' ' || state || ' ' || size FROM files ORDER BY path"}) {
    SQLite::Statement q(db, sql);
    while (q.executeStep()) out += q.getColumn(0).getString() + "\n";
  }
  return out;
}

TEST_F(DaemonTest, SigkillAtAnyPointLosesAndDuplicatesNothing) {
  constexpr int kThreads = 60;
  constexpr int kPerThread = 5;
  // Replies land before the messages they answer, so threads are merged as they fill in.
  for (int n = kPerThread - 1; n >= 0; --n) {
    for (int t = 0; t < kThreads; ++t) {
      WriteFile(mail_ / "cur" / fmt::format("{}.{}.host:2,S", t, n), Mail(t, n));
    }
  }
  const int total = kThreads * kPerThread;
  {
    const std::string reference_socket = dir_.File("ref/s.sock");
    auto reference = StartDaemon(dir_.File("reference.db"), reference_socket);
    ASSERT_TRUE(Eventually([&] { return Settled(reference_socket, total); }, 240))
        << ReadFile(log_);
    reference->Signal(SIGTERM);
    ASSERT_EQ(0, reference->Wait(60).value_or(-100));
  }
  for (int delay_ms : {150, 600, 1200, 2500}) {
    auto daemon = StartDaemon(db_, socket_);
    ::usleep(delay_ms * 1000);
    daemon->Kill();
  }
  auto daemon = StartDaemon(db_, socket_);
  ASSERT_TRUE(Eventually([&] { return Settled(socket_, total); }, 240)) << ReadFile(log_);
  daemon->Signal(SIGTERM);
  ASSERT_EQ(0, daemon->Wait(60).value_or(-100));
  const std::string expected = Dump(dir_.File("reference.db"));
  EXPECT_EQ(expected, Dump(db_));
  SQLite::Database reference(dir_.File("reference.db"), SQLite::OPEN_READONLY);
  EXPECT_EQ(kThreads, reference.execAndGet("SELECT count(*) FROM threads").getInt())
      << "replies that came before their parents were merged into one thread each";
  EXPECT_EQ(total, reference.execAndGet("SELECT count(*) FROM messages").getInt());
}

}  // namespace
}  // namespace tonewatch::testing
