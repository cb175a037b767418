// `tonewatch thread ID`: the protocol's thread method (daemon/PROTOCOL.md).
#include "cli/daemon_commands.h"
#include "cli/daemon_render.h"

namespace tonewatch::cli {

Result<void> CmdThread(const DaemonOptions& daemon, const std::string& id) {
  return QueryAndPrint(daemon, "thread", Json{{"id", id}}, ThreadText);
}

}  // namespace tonewatch::cli
