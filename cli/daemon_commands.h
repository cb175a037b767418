#pragma once

// The commands that query tonewatchd over its socket (daemon/PROTOCOL.md): flagged, thread,
// message, status, suppress, unsuppress, suppressions, reload. One function per command, each in
// its cmd_*.cc; their options; and their registration with CLI11, so that main.cc stays thin.
//
// Every command prints its output itself and returns an error for main to print; main turns it
// into an exit code with ExitCodeForDaemon (exit_codes.h).

#include <CLI/CLI.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/base/result.h"
#include "analyzers/render/text_render.h"
#include "cli/daemon_call.h"

namespace tonewatch::cli {

// What every daemon command takes.
struct DaemonOptions {
  std::string socket;  // empty: DefaultSocketPath of this user's environment
  // For the whole exchange.
  double timeout_seconds = std::chrono::duration<double>(kDefaultDaemonTimeout).count();
  std::string format = "text";  // text | json: the daemon's result as one JSON line
  std::string color = "auto";   // auto | always | never
};

// The filters of `flagged`, as given; FlaggedParams turns them into the protocol's params.
struct FlaggedOptions {
  std::string since;  // Unix ms, or an RFC 3339 date or date-time; empty: any time
  std::optional<int> min_heat;
  std::string category;
  std::string counterpart;
  std::string folder;  // made absolute before it is sent
  std::optional<int> limit;
  std::optional<int> offset;
  std::optional<int> page;  // 1-based; offset = (page - 1) * limit
};

// suppress / unsuppress: what to (un)hide, by the fields it was made with or (unsuppress) by id.
struct SuppressOptions {
  std::string rule;
  std::string thread;
  std::string fingerprint;
  std::string note;           // suppress only
  std::optional<int64_t> id;  // unsuppress only
};

// The page size `flagged` assumes for --page when --limit is not given: the daemon's default.
inline constexpr int kDefaultFlaggedLimit = 50;

// The protocol's params for each command. Only what was given is sent, so the daemon's defaults
// apply to the rest. Errors: kUsage (suppress without --rule or --finding, a folder that cannot
// be made absolute).
Result<Json> FlaggedParams(const FlaggedOptions& options);
Result<Json> SuppressParams(const SuppressOptions& options);
Result<Json> UnsuppressParams(const SuppressOptions& options);

Result<void> CmdFlagged(const DaemonOptions& daemon, const FlaggedOptions& options);
Result<void> CmdThread(const DaemonOptions& daemon, const std::string& id);
Result<void> CmdMessage(const DaemonOptions& daemon, const std::string& id);
Result<void> CmdStatus(const DaemonOptions& daemon);
Result<void> CmdSuppress(const DaemonOptions& daemon, const SuppressOptions& options);
Result<void> CmdUnsuppress(const DaemonOptions& daemon, const SuppressOptions& options);
Result<void> CmdSuppressions(const DaemonOptions& daemon);
Result<void> CmdReload(const DaemonOptions& daemon);

// Renders a method's result as text for a person (see daemon_render.h).
using TextRenderer =
    std::function<Result<std::string>(const Json& result, const TextStyle&, const std::string&)>;

// The shared body of the commands: calls `method` with `params` and prints the result on stdout,
// as one JSON line with --format=json or as `text` renders it otherwise.
Result<void> QueryAndPrint(const DaemonOptions& daemon, std::string_view method, const Json& params,
                           const TextRenderer& text);

// The socket and timeout of `daemon`, with the default socket filled in.
DaemonEndpoint EndpointOf(const DaemonOptions& daemon);

// Adds the daemon commands to `app` and binds their options.
class DaemonCommands {
 public:
  explicit DaemonCommands(CLI::App& app);
  DaemonCommands(const DaemonCommands&) = delete;
  DaemonCommands& operator=(const DaemonCommands&) = delete;

  // After parsing: runs the daemon command given on the command line, or nullopt when none was.
  std::optional<Result<void>> Run();

 private:
  CLI::App* Add(CLI::App& app, const char* name, const char* description,
                std::function<Result<void>()> run);
  void AddFlagged(CLI::App& app);
  void AddSuppress(CLI::App& app);
  void AddUnsuppress(CLI::App& app);

  DaemonOptions daemon_;
  std::string default_socket_;  // for --help; worked out once, not once per command
  FlaggedOptions flagged_;
  SuppressOptions suppress_;
  std::string id_;  // thread and message
  int64_t unsuppress_id_ = 0;
  CLI::Option* unsuppress_id_option_ = nullptr;
  std::vector<std::pair<CLI::App*, std::function<Result<void>()>>> commands_;
};

}  // namespace tonewatch::cli
