// The server's life: answering, keeping order, claiming its socket file, stopping.

#include <fmt/format.h>
#include <sys/stat.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "tests/daemon/server/server_fixture.h"

namespace tonewatch::daemon::server_test {
namespace {

namespace fs = std::filesystem;

TEST_F(ServerTest, AnswersARequest) {
  StartServer();
  TestClient client = Connect();
  ASSERT_TRUE(client.connected());
  EXPECT_EQ(Ask(client, R"({"v":1,"method":"status"})"), R"(echo {"v":1,"method":"status"})");
}

TEST_F(ServerTest, AnswersPipelinedRequestsInOrder) {
  ServerOptions options = Options();
  options.query_threads = 4;  // several threads, yet one connection's answers stay in order
  StartServer(options);
  TestClient client = Connect();

  std::string requests;
  for (int i = 0; i < 50; ++i) requests += "request " + std::to_string(i) + "\n";
  ASSERT_TRUE(client.Send(requests));

  for (int i = 0; i < 50; ++i) {
    EXPECT_EQ(client.ReadLine(), "echo request " + std::to_string(i));
  }
}

TEST_F(ServerTest, HandlerThatThrowsGetsAnInternalErrorAndTheServerGoesOn) {
  StartServer();
  TestClient client = Connect();

  const std::string answer = Ask(client, "throw");
  EXPECT_NE(answer.find(R"("ok":false)"), std::string::npos) << answer;
  EXPECT_NE(answer.find(R"("code":"internal")"), std::string::npos) << answer;
  EXPECT_NE(answer.find("the fake handler exploded"), std::string::npos) << answer;
  EXPECT_TRUE(Logged("the fake handler exploded"));

  EXPECT_EQ(Ask(client, "still there?"), "echo still there?");
  TestClient another = Connect();
  EXPECT_EQ(Ask(another, "hello"), "echo hello");
}

TEST_F(ServerTest, TwentyClientsAtOnceEachGetTheirOwnAnswers) {
  StartServer();
  constexpr int kClients = 20;
  constexpr int kRequests = 5;
  std::vector<std::vector<std::string>> answers(kClients);
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([this, c, &answers] {
      TestClient client = Connect();
      std::string requests;
      for (int r = 0; r < kRequests; ++r) requests += fmt::format("client {} request {}\n", c, r);
      client.Send(requests);
      for (int r = 0; r < kRequests; ++r) answers[c].push_back(client.ReadLine().value_or("-"));
    });
  }
  for (std::thread& client : clients) client.join();

  for (int c = 0; c < kClients; ++c) {
    for (int r = 0; r < kRequests; ++r) {
      EXPECT_EQ(answers[c][r], fmt::format("echo client {} request {}", c, r));
    }
  }
}

TEST_F(ServerTest, SocketFileIsForItsOwnerOnly) {
  StartServer();
  EXPECT_TRUE(fs::is_socket(socket_path()));
  EXPECT_EQ(ModeOf(socket_path()), 0600);
}

TEST_F(ServerTest, MissingSocketFolderIsCreatedForItsOwnerOnly) {
  ServerOptions options = Options();
  options.socket_path = (dir() / "run" / "tonewatch" / "tonewatchd.sock").string();
  StartServer(options);

  EXPECT_EQ(ModeOf(dir() / "run" / "tonewatch"), 0700);
  TestClient client(options.socket_path);
  EXPECT_EQ(Ask(client, "hi"), "echo hi");
}

TEST_F(ServerTest, SecondServerOnALivePathIsRefusedAndTheFirstServesOn) {
  StartServer();

  Result<std::unique_ptr<Server>> second = TryStart(Options());
  ASSERT_FALSE(second);
  EXPECT_NE(second.error().ToString().find(socket_path()), std::string::npos)
      << second.error().ToString();
  EXPECT_NE(second.error().message.find("already listening"), std::string::npos);

  EXPECT_TRUE(fs::is_socket(socket_path()));
  TestClient client = Connect();
  EXPECT_EQ(Ask(client, "first?"), "echo first?");
}

TEST_F(ServerTest, StaleSocketFileIsReplaced) {
  LeaveStaleSocket(socket_path());
  StartServer();
  TestClient client = Connect();
  EXPECT_EQ(Ask(client, "fresh"), "echo fresh");
}

TEST_F(ServerTest, FileThatIsNotASocketIsLeftAlone) {
  tonewatch::testing::WriteFile(socket_path(), "my notes");

  Result<std::unique_ptr<Server>> server = TryStart(Options());
  ASSERT_FALSE(server);
  EXPECT_NE(server.error().ToString().find(socket_path()), std::string::npos);
  EXPECT_NE(server.error().message.find("not a socket"), std::string::npos);
  EXPECT_EQ(tonewatch::testing::ReadFile(socket_path()), "my notes");
}

TEST_F(ServerTest, PathTooLongForASocketIsRefused) {
  ServerOptions options = Options();
  options.socket_path = (dir() / std::string(200, 's')).string();
  Result<std::unique_ptr<Server>> server = TryStart(options);
  ASSERT_FALSE(server);
  EXPECT_EQ(server.error().code, ErrorCode::kUsage);
  EXPECT_NE(server.error().message.find("at most"), std::string::npos);
}

TEST_F(ServerTest, FactoryThatThrowsFailsStartAndLeavesNoSocket) {
  LineHandlerFactory broken = []() -> LineHandler {
    throw std::runtime_error("database is locked");
  };
  Result<std::unique_ptr<Server>> server = TryStart(Options(), broken);
  ASSERT_FALSE(server);
  EXPECT_NE(server.error().message.find("database is locked"), std::string::npos);
  EXPECT_FALSE(fs::exists(socket_path()));
}

TEST_F(ServerTest, StopRemovesTheSocketFileClosesClientsAndCanBeRepeated) {
  StartServer();
  TestClient client = Connect();
  EXPECT_EQ(Ask(client, "before"), "echo before");

  server().Stop();
  EXPECT_FALSE(fs::exists(socket_path()));
  EXPECT_TRUE(client.ClosedByServer());
  // The client may see its end of stream a moment before the server forgets the connection.
  EXPECT_TRUE(Eventually([this] { return server().connections() == 0; }));

  server().Stop();
  EXPECT_FALSE(Connect().connected());
}

TEST_F(ServerTest, StopBeforeTheIoContextEverRunsDoesNotWaitForIt) {
  boost::asio::io_context never_run;  // a daemon giving up before its loop starts
  Result<std::unique_ptr<Server>> server = Server::Start(never_run, Options(), EchoHandlers());
  ASSERT_TRUE(server) << server.error().ToString();
  EXPECT_TRUE(fs::is_socket(socket_path()));

  (*server)->Stop();
  EXPECT_FALSE(fs::exists(socket_path()));
}

TEST_F(ServerTest, StopLetsTheRequestInFlightBeAnswered) {
  Gate gate;
  ServerOptions options = Options();
  options.query_threads = 1;
  StartServer(options, gate.Handlers());
  TestClient client = Connect();
  ASSERT_TRUE(client.Send("slow\n"));
  gate.WaitUntilEntered();

  std::thread stopper([this] { server().Stop(); });
  // Stop has closed the acceptor once the file is gone; the request is still in its handler.
  EXPECT_TRUE(Eventually([this] { return !fs::exists(socket_path()); }));
  gate.Open();
  stopper.join();

  EXPECT_EQ(client.ReadLine(), "done slow");
  EXPECT_TRUE(client.ClosedByServer());
}

}  // namespace
}  // namespace tonewatch::daemon::server_test
