// `tonewatch suppress`, `unsuppress` and `suppressions`: the protocol's methods of those names
// (daemon/PROTOCOL.md).
#include "cli/daemon_commands.h"
#include "cli/daemon_render.h"

namespace tonewatch::cli {
namespace {

constexpr const char* kWhatToSuppress =
    "say what: --rule ID (everywhere), --rule ID --thread TID, or --finding FINGERPRINT";

// The fields that name a suppression; CLI11 has already refused --finding with --rule and
// --thread without --rule.
Result<Json> RuleFields(const SuppressOptions& options) {
  Json params = Json::object();
  if (!options.rule.empty()) params["rule"] = options.rule;
  if (!options.thread.empty()) params["thread"] = options.thread;
  if (!options.fingerprint.empty()) params["fingerprint"] = options.fingerprint;
  if (params.empty()) return Err(ErrorCode::kUsage, "", kWhatToSuppress);
  return params;
}

}  // namespace

Result<Json> SuppressParams(const SuppressOptions& options) {
  auto params = RuleFields(options);
  if (!params) return params;
  if (!options.note.empty()) (*params)["note"] = options.note;
  return params;
}

Result<Json> UnsuppressParams(const SuppressOptions& options) {
  if (options.id) return Json{{"id", *options.id}};
  auto params = RuleFields(options);
  if (!params)
    return Err(ErrorCode::kUsage, "",
               "give the suppression's id, or " + std::string(kWhatToSuppress));
  return params;
}

Result<void> CmdSuppress(const DaemonOptions& daemon, const SuppressOptions& options) {
  auto params = SuppressParams(options);
  if (!params) return params.error();
  return QueryAndPrint(daemon, "suppress", *params,
                       [](const Json& r, const TextStyle& s, const std::string& w) {
                         return SuppressionChangeText(r, /*removed=*/false, s, w);
                       });
}

Result<void> CmdUnsuppress(const DaemonOptions& daemon, const SuppressOptions& options) {
  auto params = UnsuppressParams(options);
  if (!params) return params.error();
  return QueryAndPrint(daemon, "unsuppress", *params,
                       [](const Json& r, const TextStyle& s, const std::string& w) {
                         return SuppressionChangeText(r, /*removed=*/true, s, w);
                       });
}

Result<void> CmdSuppressions(const DaemonOptions& daemon) {
  return QueryAndPrint(daemon, "suppressions", Json::object(), SuppressionsText);
}

}  // namespace tonewatch::cli
