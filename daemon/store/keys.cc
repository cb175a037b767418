#include "daemon/store/keys.h"

#include <fmt/format.h>

#include "analyzers/base/hash.h"

namespace tonewatch::daemon {

std::string MessageKey(std::string_view message_id, const FileIdentity& file,
                       std::string_view message_hash) {
  if (message_id.size() >= 2 && message_id.front() == '<' && message_id.back() == '>') {
    message_id = message_id.substr(1, message_id.size() - 2);
  }
  if (!message_id.empty()) return std::string(message_id);
  return fmt::format("file:{}:{}:{}", file.device, file.inode, message_hash);
}

std::string FindingFingerprint(std::string_view message_key, const Finding& finding) {
  Fnv1a hash;
  // The separators keep ("ab", "c") and ("a", "bc") apart.
  hash.Add(message_key);
  hash.Add(std::string_view("\0", 1));
  hash.Add(finding.rule);
  hash.Add(std::string_view("\0", 1));
  hash.Add(fmt::format("{}:{}", finding.span.begin, finding.span.end));
  return fmt::format("f{}", hash.Hex());
}

}  // namespace tonewatch::daemon
