// tonewatchd: reads the configuration, starts the daemon, and turns every failure into a log line
// and an exit code (daemon_args.h) systemd can act on.
#include <fmt/format.h>

#include <cstdio>
#include <exception>

#include "daemon/config/daemon_args.h"
#include "daemon/config/log.h"
#include "daemon/daemon.h"

int main(int argc, char** argv) {
  using namespace tonewatch::daemon;
  try {
    auto args = ParseDaemonArgs(argc, argv, tonewatch::RuntimeEnv::FromEnvironment());
    if (!args) {
      std::fprintf(stderr, "tonewatchd: %s\n", args.error().ToString().c_str());
      return kDaemonExitUsage;
    }
    if (args->print_and_exit) {
      std::fputs(args->print_and_exit->c_str(), stdout);
      return kDaemonExitOk;
    }
    SetLogLevel(args->config.log_level);
    if (!args->config.config_file.empty()) LogInfo("config {}", args->config.config_file);
    auto daemon = Daemon::Create(std::move(args->config));
    if (!daemon) {
      LogError("not started: {}", daemon.error().ToString());
      return DaemonExitCodeFor(daemon.error().code);
    }
    (*daemon)->Run();
    return kDaemonExitOk;
  } catch (const std::exception& e) {
    LogError("internal error: {}", e.what());
    return kDaemonExitInternal;
  }
}
