#include "daemon/config/daemon_args.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <system_error>

#include "daemon/config/config_file.h"

namespace tonewatch::daemon {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDescription =
    "tonewatchd: watches mail export folders (Maildir, mbox, .eml) and call transcripts, "
    "analyzes each new message as it lands, keeps the findings in SQLite and answers `tonewatch "
    "flagged|thread|status|...` on a Unix socket. Settings come from the defaults, then the "
    "config file, then these flags.";

// The footer of --help: what the defaults are and where they come from, with their values in
// this environment, then signals and exit codes.
std::string HelpFooter(const RuntimeEnv& env) {
  return fmt::format(
      "Defaults (XDG base directories; under systemd, the unit's directories):\n"
      "  config    $CONFIGURATION_DIRECTORY/tonewatchd.toml, else\n"
      "            $XDG_CONFIG_HOME/tonewatch/tonewatchd.toml, else\n"
      "            ~/.config/tonewatch/tonewatchd.toml (read only if it exists)\n"
      "            here: {}\n"
      "  socket    $RUNTIME_DIRECTORY/tonewatchd.sock, else\n"
      "            $XDG_RUNTIME_DIR/tonewatch/tonewatchd.sock, else\n"
      "            /tmp/tonewatch-<uid>/tonewatchd.sock\n"
      "            here: {}\n"
      "  database  $STATE_DIRECTORY/tonewatch.db, else $XDG_STATE_HOME/tonewatch/tonewatch.db,\n"
      "            else ~/.local/state/tonewatch/tonewatch.db\n"
      "            here: {}\n"
      "  lexicons  $TONEWATCH_LEXICONS, else the installed lexicons, else the source tree's\n"
      "  workers   one per CPU, 1 to 8 (here: {})\n"
      "The config file's keys are documented in tonewatchd.toml.example.\n"
      "\n"
      "Signals:\n"
      "  SIGHUP           reload the lexicons; if the new ones do not load, the old stay in use\n"
      "  SIGTERM, SIGINT  stop taking work, finish and store what is in progress, exit 0\n"
      "\n"
      "Exit codes:\n"
      "  0  stopped by a signal after draining (or --help, --version)\n"
      "  2  bad flags or config file, or no folder to watch; systemd does not restart\n"
      "  3  the database, the socket or a watched folder could not be opened\n"
      "  4  the lexicon is missing or broken at start-up; systemd does not restart\n"
      "  5  internal error (a bug)\n",
      DefaultConfigPath(env), DefaultSocketPath(env), DefaultDatabasePath(env), DefaultWorkers());
}

// The flags as given; each option pointer says whether its flag was on the command line, since
// only given flags override the file.
struct Flags {
  std::string config, socket, database, lexicons, log_level;
  std::vector<std::string> watch, me;
  int workers = 0, rescan_minutes = 0, hot_heat = 0;
  double unanswered_hours = 0;
  bool version = false;
  CLI::Option* config_opt = nullptr;
  CLI::Option* socket_opt = nullptr;
  CLI::Option* database_opt = nullptr;
  CLI::Option* lexicons_opt = nullptr;
  CLI::Option* log_level_opt = nullptr;
  CLI::Option* watch_opt = nullptr;
  CLI::Option* me_opt = nullptr;
  CLI::Option* workers_opt = nullptr;
  CLI::Option* rescan_opt = nullptr;
  CLI::Option* hot_heat_opt = nullptr;
  CLI::Option* unanswered_opt = nullptr;
};

void AddOptions(CLI::App& app, Flags& f) {
  f.config_opt =
      app.add_option("--config", f.config, "Config file (TOML); must exist")->type_name("PATH");
  f.watch_opt = app.add_option("--watch", f.watch,
                               "Folder to watch, with everything below it (repeatable; replaces "
                               "the file's 'watch')")
                    ->type_name("DIR");
  f.socket_opt =
      app.add_option("--socket", f.socket, "Unix socket to answer on")->type_name("PATH");
  f.database_opt =
      app.add_option("--database", f.database, "SQLite database file")->type_name("PATH");
  f.me_opt = app.add_option("--me", f.me,
                            "Your address, name or speaker name (repeatable; replaces the "
                            "file's 'me'): your messages are told from the counterpart's")
                 ->type_name("ADDRESS");
  f.lexicons_opt = app.add_option("--lexicons", f.lexicons, "Lexicon folder")->type_name("DIR");
  f.workers_opt = app.add_option("--workers", f.workers, "Reading and analysis threads")
                      ->type_name("N")
                      ->check(CLI::Range(1, DaemonConfig::kMaxWorkers));
  f.rescan_opt = app.add_option("--rescan-minutes", f.rescan_minutes,
                                "Full rescan of the watched folders this often, catching what "
                                "inotify missed; 0: only at start (default 10)")
                     ->type_name("N")
                     ->check(CLI::Range(0, DaemonConfig::kMaxRescanMinutes));
  f.hot_heat_opt = app.add_option("--hot-heat", f.hot_heat,
                                  "A message at or above this heat is hot (default 40)")
                       ->type_name("N")
                       ->check(CLI::Range(1, 100));
  f.unanswered_opt = app.add_option("--unanswered-hours", f.unanswered_hours,
                                    "Report a hot message you have not answered after this many "
                                    "hours (default 4)")
                         ->type_name("HOURS")
                         ->check(CLI::Range(0.0, DaemonConfig::kMaxHours));
  f.log_level_opt =
      app.add_option("--log-level", f.log_level, "Least severe log lines kept (default info)")
          ->type_name("LEVEL")
          ->check(CLI::IsMember({"error", "warning", "info", "debug"}));
  app.add_flag("--version", f.version, "Print the version and exit");
}

// Runs CLI11 over argv into `flags`. nullopt when the daemon is to go on; else the result to
// return at once: the help or version text, or a usage error.
// `app` owns the options `flags` points to, so it must outlive every use of `flags`.
std::optional<Result<DaemonArgs>> ParseFlags(int argc, char** argv, const RuntimeEnv& env,
                                             CLI::App& app, Flags& flags) {
  app.footer(HelpFooter(env));
  AddOptions(app, flags);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    return DaemonArgs{app.help(), {}};
  } catch (const CLI::ParseError& e) {
    return Result<DaemonArgs>(
        Err(ErrorCode::kUsage, "command line", e.what(), "tonewatchd --help lists the options"));
  }
  if (flags.version) return DaemonArgs{fmt::format("tonewatchd {}\n", TONEWATCH_VERSION), {}};
  return std::nullopt;
}

Result<std::string> FlagPath(const std::string& raw, const char* flag, const RuntimeEnv& env) {
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  auto resolved = ResolvePath(raw, ec ? fs::path("/") : cwd, env);
  if (!resolved) {
    return Err(ErrorCode::kUsage, flag,
               raw.empty() ? "empty path" : fmt::format("'{}' needs $HOME, which is not set", raw));
  }
  return *resolved;
}

Result<std::vector<std::string>> FlagPaths(const std::vector<std::string>& raw, const char* flag,
                                           const RuntimeEnv& env) {
  std::vector<std::string> out;
  for (const std::string& path : raw) {
    auto resolved = FlagPath(path, flag, env);
    if (!resolved) return resolved.error();
    out.push_back(*resolved);
  }
  return out;
}

// The path flags over `config`.
Result<void> ApplyPathFlags(const Flags& f, const RuntimeEnv& env, DaemonConfig& config) {
  struct PathFlag {
    const CLI::Option* option;
    const std::string& given;
    std::string& field;
  };
  const PathFlag paths[] = {{f.socket_opt, f.socket, config.socket},
                            {f.database_opt, f.database, config.database},
                            {f.lexicons_opt, f.lexicons, config.lexicons}};
  for (const PathFlag& p : paths) {
    if (p.option->count() == 0) continue;
    auto resolved = FlagPath(p.given, p.option->get_name().c_str(), env);
    if (!resolved) return resolved.error();
    p.field = *resolved;
  }
  if (f.watch_opt->count() > 0) {
    auto watch = FlagPaths(f.watch, "--watch", env);
    if (!watch) return watch.error();
    config.watch = *watch;
  }
  return Ok();
}

void ApplyValueFlags(const Flags& f, DaemonConfig& config) {
  if (f.me_opt->count() > 0) config.me = f.me;
  if (f.workers_opt->count() > 0) config.workers = f.workers;
  if (f.rescan_opt->count() > 0) config.rescan_interval = std::chrono::minutes(f.rescan_minutes);
  if (f.hot_heat_opt->count() > 0) config.thread.hot_heat = f.hot_heat;
  if (f.unanswered_opt->count() > 0) {
    config.thread.unanswered_after_ms = HoursToMs(f.unanswered_hours);
  }
  if (f.log_level_opt->count() > 0) config.log_level = *ParseLogLevel(f.log_level);
}

// The config file's settings over the defaults: --config's file, else the default one if present.
Result<DaemonConfig> WithConfigFile(const Flags& f, const RuntimeEnv& env) {
  DaemonConfig defaults = DefaultDaemonConfig(env);
  if (f.config_opt->count() > 0) {
    auto path = FlagPath(f.config, "--config", env);
    if (!path) return path.error();
    return ApplyConfigFile(*path, env, std::move(defaults));
  }
  const fs::path default_path = DefaultConfigPath(env);
  std::error_code ec;
  if (!fs::exists(default_path, ec)) return defaults;
  return ApplyConfigFile(default_path, env, std::move(defaults));
}

Result<void> CheckWatch(DaemonConfig& config, const RuntimeEnv& env) {
  // The same folder twice would be watched and scanned twice.
  std::vector<std::string> unique;
  for (const std::string& folder : config.watch) {
    if (std::find(unique.begin(), unique.end(), folder) == unique.end()) unique.push_back(folder);
  }
  config.watch = std::move(unique);
  if (!config.watch.empty()) return Ok();
  const std::string file = config.config_file.empty() ? DefaultConfigPath(env) : config.config_file;
  return Err(ErrorCode::kUsage, "configuration", "no folder to watch",
             fmt::format("give --watch DIR, or add watch = [\"~/Mail\"] to {}", file));
}

}  // namespace

int DaemonExitCodeFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kUsage:
      return kDaemonExitUsage;
    case ErrorCode::kBadLexicon:
      return kDaemonExitLexicon;
    case ErrorCode::kNotFound:
    case ErrorCode::kUnreadable:
    case ErrorCode::kBadInput:
      return kDaemonExitRuntime;
    case ErrorCode::kInternal:
      return kDaemonExitInternal;
  }
  return kDaemonExitInternal;
}

Result<DaemonArgs> ParseDaemonArgs(int argc, char** argv, const RuntimeEnv& env) {
  try {
    CLI::App app{kDescription, "tonewatchd"};
    Flags flags;
    if (auto early = ParseFlags(argc, argv, env, app, flags)) return std::move(*early);
    auto config = WithConfigFile(flags, env);
    if (!config) return config.error();
    if (auto applied = ApplyPathFlags(flags, env, *config); !applied) return applied.error();
    ApplyValueFlags(flags, *config);
    if (auto checked = CheckWatch(*config, env); !checked) return checked.error();
    return DaemonArgs{std::nullopt, std::move(*config)};
  } catch (const std::exception& e) {
    // CLI11 throws more than ParseError only when the options are declared wrongly: a bug.
    return Err(ErrorCode::kInternal, "command line", e.what());
  }
}

}  // namespace tonewatch::daemon
