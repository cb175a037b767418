// `tonewatch flagged`: the protocol's flagged method (daemon/PROTOCOL.md).
#include <filesystem>

#include "analyzers/base/file.h"
#include "cli/daemon_commands.h"
#include "cli/daemon_render.h"

namespace tonewatch::cli {
namespace {

// The daemon matches --folder as a prefix of the absolute paths it read, so a relative folder
// is resolved against the caller's working folder here, where it means what the user meant.
Result<std::string> AbsoluteFolder(const std::string& folder) {
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(folder, ec);
  if (ec) return Err(ErrorCode::kUsage, folder, "cannot make the folder absolute: " + ec.message());
  return NormalFolderPath(absolute);
}

// "since" is Unix ms (a number) or an RFC 3339 string; the daemon validates either.
Json SinceValue(const std::string& since) {
  const bool digits = !since.empty() && since.size() <= 18 &&
                      since.find_first_not_of("0123456789") == std::string::npos;
  return digits ? Json(std::stoll(since)) : Json(since);
}

}  // namespace

Result<Json> FlaggedParams(const FlaggedOptions& options) {
  Json params = Json::object();
  if (!options.since.empty()) params["since"] = SinceValue(options.since);
  if (options.min_heat) params["min_heat"] = *options.min_heat;
  if (!options.category.empty()) params["category"] = options.category;
  if (!options.counterpart.empty()) params["counterpart"] = options.counterpart;
  if (!options.folder.empty()) {
    auto folder = AbsoluteFolder(options.folder);
    if (!folder) return folder.error();
    params["folder"] = *folder;
  }
  if (options.limit) params["limit"] = *options.limit;
  if (options.offset) params["offset"] = *options.offset;
  if (options.page) {
    const int64_t limit = options.limit.value_or(kDefaultFlaggedLimit);
    params["offset"] = (static_cast<int64_t>(*options.page) - 1) * limit;
  }
  return params;
}

Result<void> CmdFlagged(const DaemonOptions& daemon, const FlaggedOptions& options) {
  auto params = FlaggedParams(options);
  if (!params) return params.error();
  return QueryAndPrint(daemon, "flagged", *params, FlaggedText);
}

}  // namespace tonewatch::cli
