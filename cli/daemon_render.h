#pragma once

// The human text of the daemon commands' results. Each function takes the `result` of its method
// as PROTOCOL.md describes it and returns the text to print, ending in a newline. A result that is
// not shaped as PROTOCOL.md says gives kInternal naming `where` (the socket) and the field.
// nlohmann-json's seam for results: nothing here throws.

#include <string>

#include "analyzers/base/result.h"
#include "analyzers/render/text_render.h"
#include "cli/daemon_call.h"

namespace tonewatch::cli {

// flagged: per thread, hottest first: heat, trend, subject, the counterpart, the move-off-email
// prompt with its reasons, the hottest messages' strongest findings (rule, words, suggestion), and
// the command that shows the whole thread; then "showing A-B of N" and how to get the next page.
Result<std::string> FlaggedText(const Json& result, const TextStyle& style,
                                const std::string& where);

// thread: RenderThreadText (as `tonewatch analyze` prints a thread), then each finding's
// fingerprint for `tonewatch suppress --finding`.
Result<std::string> ThreadText(const Json& result, const TextStyle& style,
                               const std::string& where);

// message: where it came from (thread, file and offset, lexicon), the message rendered as a
// thread of one, and its findings' fingerprints.
Result<std::string> MessageText(const Json& result, const TextStyle& style,
                                const std::string& where);

// status: counts, queue, failed files (each with its error when the daemon lists them in
// "failures": [{path, error}]), lexicon hash and watched folders.
Result<std::string> StatusText(const Json& result, const TextStyle& style,
                               const std::string& where);

// suppress / unsuppress: what is (no longer) hidden and how many messages and threads changed.
// `removed` is true for unsuppress.
Result<std::string> SuppressionChangeText(const Json& result, bool removed, const TextStyle& style,
                                          const std::string& where);

// suppressions: one line per stored suppression, oldest first.
Result<std::string> SuppressionsText(const Json& result, const TextStyle& style,
                                     const std::string& where);

// reload: the new lexicon hash and how many messages will be analyzed again.
Result<std::string> ReloadText(const Json& result, const TextStyle& style,
                               const std::string& where);

}  // namespace tonewatch::cli
