#pragma once

// Canned answers of the fake daemon, shaped as daemon/PROTOCOL.md says (version 1), and running
// the real `tonewatch` against it.

#include <nlohmann/json.hpp>
#include <string>

#include "tests/cli_client/fake_daemon.h"
#include "tests/e2e/run_process.h"

namespace tonewatch::testing {

// A hot mail thread "T1" of two messages from a client, in the report contract with fingerprints:
// a move-off-email prompt, a reply plan, findings with suggestions.
nlohmann::json SampleThread();

// A status result: 120 messages, 2 failed files, lexicon "lex123", two watched folders.
nlohmann::json SampleStatus();

// A suppression_change for suppression 7 (rule accusation.you-never everywhere).
nlohmann::json SampleChange(bool created);

// {"v":1,"id":1,"ok":true,"result":result}
std::string OkLine(const nlohmann::json& result);

// {"v":1,"id":1,"ok":false,"error":{"code":code,"message":message}}
std::string ErrorLine(const std::string& code, const std::string& message);

// The one request `daemon` received, parsed; fails the calling test unless exactly one arrived and
// it is JSON.
nlohmann::json Sent(FakeDaemon& daemon);

// The request line a command should send: {"v":1,"id":1,"method":method,"params":params}.
nlohmann::json Request(const std::string& method, nlohmann::json params = nlohmann::json::object());

// Runs the real `tonewatch` with `args` (and `env` added to the environment).
RunResult Tonewatch(std::vector<std::string> args,
                    std::vector<std::pair<std::string, std::string>> env = {});

// `tonewatch args... --socket socket`.
RunResult Ask(const std::string& socket, std::vector<std::string> args);

}  // namespace tonewatch::testing
