// Clients that misbehave: they stall, send too much or junk, run as someone else, or come in too
// many. Each gets its answer or its closed connection, and never holds up anybody else.

#include <unistd.h>

#include <chrono>
#include <string>

#include "daemon/protocol/request_parser.h"
#include "tests/daemon/server/server_fixture.h"
#include "tests/support/test_support.h"

namespace tonewatch::daemon::server_test {
namespace {

using tonewatch::testing::Contains;

TEST_F(ServerTest, ClientStalledMidLineDoesNotHoldUpOthers) {
  StartServer();  // the default idle timeout: the staller stays open throughout
  TestClient staller = Connect();
  ASSERT_TRUE(staller.Send(R"({"v":1,"method":"sta)"));

  TestClient other = Connect();
  EXPECT_EQ(Ask(other, "hello"), "echo hello");
  EXPECT_EQ(Ask(other, "again"), "echo again");

  ASSERT_TRUE(staller.Send("tus\"}\n"));
  EXPECT_EQ(staller.ReadLine(), R"(echo {"v":1,"method":"status"})");
}

TEST_F(ServerTest, ClientStalledMidLineIsClosedWhenIdle) {
  ServerOptions options = Options();
  options.idle_timeout = std::chrono::milliseconds(200);
  StartServer(options);
  TestClient staller = Connect();
  ASSERT_TRUE(staller.Send(R"({"v":1,"met)"));

  EXPECT_TRUE(staller.ClosedByServer());
  EXPECT_TRUE(Logged("closed after 200 ms with no bytes from the client"));
}

TEST_F(ServerTest, SilentClientIsClosedWhenIdle) {
  ServerOptions options = Options();
  options.idle_timeout = std::chrono::milliseconds(200);
  StartServer(options);
  TestClient silent = Connect();
  EXPECT_TRUE(silent.ClosedByServer());
}

TEST_F(ServerTest, OversizedLineGetsAFramingErrorAndIsClosed) {
  StartServer();
  TestClient other = Connect();
  EXPECT_EQ(Ask(other, "before"), "echo before");

  TestClient flooder = Connect();
  flooder.Send(std::string(kMaxRequestBytes + 1, 'x'));  // the server may close mid-send
  const std::string answer = flooder.ReadLine().value_or("<no answer>");
  EXPECT_TRUE(Contains(answer, R"("id":null)")) << answer;
  EXPECT_TRUE(Contains(answer, R"("code":"bad-request")")) << answer;
  EXPECT_TRUE(Contains(answer, "longer than 65536 bytes")) << answer;
  EXPECT_TRUE(flooder.ClosedByServer());
  EXPECT_TRUE(Logged("longer than 65536 bytes"));

  EXPECT_EQ(Ask(other, "after"), "echo after");
}

TEST_F(ServerTest, BinaryJunkGetsAFramingErrorAndIsClosed) {
  StartServer();
  TestClient other = Connect();
  ASSERT_TRUE(other.Send("half a li"));

  TestClient junk = Connect();
  junk.Send(std::string("GIF89a\0\x01\xff\xfe", 10) + "\n");
  const std::string answer = junk.ReadLine().value_or("<no answer>");
  EXPECT_TRUE(Contains(answer, R"("code":"bad-request")")) << answer;
  EXPECT_TRUE(Contains(answer, "control byte 0x00")) << answer;
  EXPECT_TRUE(junk.ClosedByServer());

  ASSERT_TRUE(other.Send("ne\n"));
  EXPECT_EQ(other.ReadLine(), "echo half a line");
}

TEST_F(ServerTest, PeerOfAnotherUserIsRefused) {
  ServerOptions options = Options();
  options.allowed_uid = ::geteuid() + 1;
  StartServer(options);

  TestClient stranger = Connect();
  const std::string answer = stranger.ReadLine().value_or("<no answer>");
  EXPECT_TRUE(Contains(answer, R"("code":"bad-request")")) << answer;
  EXPECT_TRUE(Contains(answer, "runs as uid " + std::to_string(::geteuid()))) << answer;
  EXPECT_TRUE(stranger.ClosedByServer());
  EXPECT_TRUE(Logged("refused"));
}

TEST_F(ServerTest, ClientsBeyondTheLimitAreTurnedAway) {
  ServerOptions options = Options();
  options.max_connections = 1;
  StartServer(options);
  TestClient first = Connect();
  EXPECT_EQ(Ask(first, "in"), "echo in");  // now surely admitted and counted

  TestClient second = Connect();
  const std::string answer = second.ReadLine().value_or("<no answer>");
  EXPECT_TRUE(Contains(answer, R"("code":"internal")")) << answer;
  EXPECT_TRUE(Contains(answer, "busy")) << answer;
  EXPECT_TRUE(second.ClosedByServer());

  EXPECT_EQ(Ask(first, "still in"), "echo still in");
}

}  // namespace
}  // namespace tonewatch::daemon::server_test
