// `tonewatch status`: the protocol's status method (daemon/PROTOCOL.md).
#include "cli/daemon_commands.h"
#include "cli/daemon_render.h"

namespace tonewatch::cli {

Result<void> CmdStatus(const DaemonOptions& daemon) {
  return QueryAndPrint(daemon, "status", Json::object(), StatusText);
}

}  // namespace tonewatch::cli
