// `tonewatch message ID`: the protocol's message method (daemon/PROTOCOL.md).
#include "cli/daemon_commands.h"
#include "cli/daemon_render.h"

namespace tonewatch::cli {

Result<void> CmdMessage(const DaemonOptions& daemon, const std::string& id) {
  return QueryAndPrint(daemon, "message", Json{{"id", id}}, MessageText);
}

}  // namespace tonewatch::cli
