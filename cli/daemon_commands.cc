// The daemon commands' CLI11 registration and their shared body. The commands themselves are in
// cmd_flagged.cc, cmd_thread.cc, cmd_message.cc, cmd_status.cc, cmd_suppress.cc, cmd_reload.cc.
#include "cli/daemon_commands.h"

#include <fmt/format.h>

#include <cstdio>

#include "analyzers/base/runtime_paths.h"
#include "analyzers/lexicon/category.h"
#include "cli/exit_codes.h"
#include "cli/terminal.h"

namespace tonewatch::cli {
namespace {

constexpr double kMillisPerSecond = 1000.0;
// --timeout's bounds: a millisecond (the clock's grain here) to a day.
constexpr double kMinTimeoutSeconds = 0.001;
constexpr double kMaxTimeoutSeconds = 24.0 * 3600;

std::string DefaultSocket() { return DefaultSocketPath(RuntimeEnv::FromEnvironment()); }

std::vector<std::string> CategoryNames() {
  std::vector<std::string> names;
  for (int i = 0; i < kCategoryCount; ++i) {
    names.emplace_back(CategoryName(static_cast<Category>(i)));
  }
  return names;
}

}  // namespace

DaemonEndpoint EndpointOf(const DaemonOptions& daemon) {
  DaemonEndpoint endpoint;
  endpoint.socket_path = daemon.socket.empty() ? DefaultSocket() : daemon.socket;
  endpoint.timeout =
      std::chrono::milliseconds(static_cast<int64_t>(daemon.timeout_seconds * kMillisPerSecond));
  return endpoint;
}

Result<void> QueryAndPrint(const DaemonOptions& daemon, std::string_view method, const Json& params,
                           const TextRenderer& text) {
  const DaemonEndpoint endpoint = EndpointOf(daemon);
  auto result = CallDaemon(endpoint, method, params);
  if (!result) return result.error();
  if (daemon.format == "json") {
    // The replace handler makes dump() total: the daemon's strings are UTF-8, but a bad byte must
    // not turn into an exception here.
    PrintOut(result->dump(-1, ' ', false, Json::error_handler_t::replace) + "\n");
    return Ok();
  }
  auto out = text(*result, TextStyle{UseColor(daemon.color)}, endpoint.socket_path);
  if (!out) return out.error();
  PrintOut(*out);
  return Ok();
}

CLI::App* DaemonCommands::Add(CLI::App& app, const char* name, const char* description,
                              std::function<Result<void>()> run) {
  CLI::App* cmd = app.add_subcommand(name, description);
  cmd->footer(kDaemonExitCodesHelp);
  cmd->add_option("--socket", daemon_.socket,
                  fmt::format("tonewatchd's socket (default: {})", default_socket_));
  cmd->add_option("--timeout", daemon_.timeout_seconds,
                  "Seconds to wait for the daemon, connecting and answering (default 30); "
                  "past it the command fails with exit code 6")
      ->check(CLI::Range(kMinTimeoutSeconds, kMaxTimeoutSeconds));
  cmd->add_option("--format", daemon_.format,
                  "Output: text (default) or json (the daemon's result as one JSON line, "
                  "see daemon/PROTOCOL.md)")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--color", daemon_.color, "Colour: auto (default), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  commands_.emplace_back(cmd, std::move(run));
  return cmd;
}

void DaemonCommands::AddFlagged(CLI::App& app) {
  CLI::App* cmd = Add(app, "flagged",
                      "List the threads tonewatchd has flagged, hottest first, with why and "
                      "what to say instead",
                      [this] { return CmdFlagged(daemon_, flagged_); });
  cmd->add_option("--since", flagged_.since,
                  "Only messages sent at or after DATE: 2024-05-01, 2024-05-01T09:30:00Z or "
                  "Unix ms");
  cmd->add_option("--min-heat", flagged_.min_heat,
                  "Only messages with at least this heat (0-100; "
                  "default 1)")
      ->check(CLI::Range(0, 100));
  cmd->add_option("--category", flagged_.category, "Only messages with a finding of this category")
      ->check(CLI::IsMember(CategoryNames()));
  cmd->add_option("--counterpart", flagged_.counterpart,
                  "Only messages from (or, yours, to) someone whose name or address contains "
                  "TEXT");
  cmd->add_option("--folder", flagged_.folder, "Only messages read from files under DIR");
  cmd->add_option("--limit", flagged_.limit, "Threads per page (1-500; default 50)")
      ->check(CLI::Range(1, 500));
  CLI::Option* offset = cmd->add_option("--offset", flagged_.offset, "Threads to skip (default 0)")
                            ->check(CLI::NonNegativeNumber);
  cmd->add_option("--page", flagged_.page, "Page N (from 1) of --limit threads")
      ->check(CLI::PositiveNumber)
      ->excludes(offset);
}

void DaemonCommands::AddSuppress(CLI::App& app) {
  CLI::App* cmd = Add(app, "suppress",
                      "Hide a rule everywhere, a rule in one thread, or one finding, in every "
                      "result from now on (mail is never edited)",
                      [this] { return CmdSuppress(daemon_, suppress_); });
  CLI::Option* rule = cmd->add_option("--rule", suppress_.rule, "The rule id to hide");
  cmd->add_option("--thread", suppress_.thread, "Hide --rule only in this thread")->needs(rule);
  cmd->add_option("--finding", suppress_.fingerprint,
                  "Hide one finding, by the fingerprint `thread` and `message` print")
      ->excludes(rule);
  cmd->add_option("--note", suppress_.note, "Why, in your words (shown by `suppressions`)");
}

void DaemonCommands::AddUnsuppress(CLI::App& app) {
  CLI::App* cmd = Add(app, "unsuppress",
                      "Remove a suppression, by its id (see `suppressions`) or by the flags it "
                      "was made with",
                      [this] {
                        if (unsuppress_id_option_->count() > 0) suppress_.id = unsuppress_id_;
                        return CmdUnsuppress(daemon_, suppress_);
                      });
  unsuppress_id_option_ = cmd->add_option("id", unsuppress_id_, "The suppression's id");
  CLI::Option* rule = cmd->add_option("--rule", suppress_.rule, "The rule id it hides")
                          ->excludes(unsuppress_id_option_);
  cmd->add_option("--thread", suppress_.thread, "The thread it hides --rule in")->needs(rule);
  cmd->add_option("--finding", suppress_.fingerprint, "The fingerprint of the finding it hides")
      ->excludes(rule)
      ->excludes(unsuppress_id_option_);
}

DaemonCommands::DaemonCommands(CLI::App& app) : default_socket_(DefaultSocket()) {
  AddFlagged(app);
  Add(app, "thread", "Show every message of a thread with its findings, trend and reply plan",
      [this] { return CmdThread(daemon_, id_); })
      ->add_option("id", id_, "The thread id `flagged` prints")
      ->required();
  Add(app, "message", "Show one stored message with its findings and where it was read from",
      [this] { return CmdMessage(daemon_, id_); })
      ->add_option("id", id_, "The message id (its Message-ID, or the id `thread` prints)")
      ->required();
  Add(app, "status",
      "Show what tonewatchd holds: messages, queue, failed files, lexicon, watched folders",
      [this] { return CmdStatus(daemon_); });
  AddSuppress(app);
  AddUnsuppress(app);
  Add(app, "suppressions", "List the stored suppressions, oldest first",
      [this] { return CmdSuppressions(daemon_); });
  Add(app, "reload",
      "Make tonewatchd load its lexicons again; messages analyzed with the old one are "
      "analyzed again in the background",
      [this] { return CmdReload(daemon_); });
}

std::optional<Result<void>> DaemonCommands::Run() {
  for (auto& [cmd, run] : commands_) {
    if (*cmd) return run();
  }
  return std::nullopt;
}

}  // namespace tonewatch::cli
