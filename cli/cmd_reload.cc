// `tonewatch reload`: the protocol's reload method (daemon/PROTOCOL.md). A refused lexicon comes
// back as reload-failed, read as kBadLexicon, so it exits 4 like any other broken lexicon.
#include "cli/daemon_commands.h"
#include "cli/daemon_render.h"

namespace tonewatch::cli {

Result<void> CmdReload(const DaemonOptions& daemon) {
  return QueryAndPrint(daemon, "reload", Json::object(), ReloadText);
}

}  // namespace tonewatch::cli
