#pragma once

// tonewatchd's command line, and the order its settings are taken in: the defaults (from the
// environment), then the config file, then the flags. CLI11 is the one throwing dependency here;
// its exceptions stay in daemon_args.cc.

#include <optional>
#include <string>

#include "analyzers/base/error.h"
#include "analyzers/base/result.h"
#include "analyzers/base/runtime_paths.h"
#include "daemon/config/daemon_config.h"

namespace tonewatch::daemon {

// tonewatchd's exit codes, explained in --help. The systemd units do not restart the daemon on
// kDaemonExitUsage or kDaemonExitLexicon (RestartPreventExitStatus=): a restart would fail the
// same way until someone edits a file.
enum DaemonExitCode : int {
  kDaemonExitOk = 0,        // stopped by SIGTERM or SIGINT after draining; or --help, --version
  kDaemonExitUsage = 2,     // bad flags or config file, or nothing to watch
  kDaemonExitRuntime = 3,   // the database, the socket or a watched folder could not be opened
  kDaemonExitLexicon = 4,   // the lexicon is missing or broken at start-up
  kDaemonExitInternal = 5,  // a bug
};

// The exit code for an error met after the configuration was read (opening the store, the
// socket, the lexicon). Every error of ParseDaemonArgs is kDaemonExitUsage instead, whatever its
// code: a missing config file is a usage problem, not a runtime one.
int DaemonExitCodeFor(ErrorCode code);

struct DaemonArgs {
  // Set for --help and --version: print it on stdout and exit with kDaemonExitOk. `config` is
  // then not filled in.
  std::optional<std::string> print_and_exit;
  DaemonConfig config;
};

// Parses the command line (argv[0] is the program) over the config file over the defaults of
// `env`. The file is the one --config names, which must exist, else DefaultConfigPath(env), read
// only when it exists. List flags (--watch, --me) replace the file's list; relative paths in
// flags are relative to the working folder, in the file to the file's folder; "~/" is $HOME in
// both. Never exits and never prints.
//
// Errors: kUsage for a bad flag or value (CLI11's message) and for no watch folder (with a hint
// naming the flag and the config file); the errors of ApplyConfigFile (config_file.h) for the
// file, a missing --config file being kNotFound naming it.
Result<DaemonArgs> ParseDaemonArgs(int argc, char** argv, const RuntimeEnv& env);

}  // namespace tonewatch::daemon
