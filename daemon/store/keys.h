#pragma once

// Stable identities the store is keyed by. They must not change between releases without a schema
// migration: stored rows and users' suppressions refer to them.

#include <cstdint>
#include <string>
#include <string_view>

#include "analyzers/analysis/finding.h"

namespace tonewatch::daemon {

// What identifies a file on disk, as the watcher saw it. A Maildir flag rename keeps device and
// inode; an edit changes size, mtime or content hash.
struct FileIdentity {
  uint64_t device = 0;
  uint64_t inode = 0;
  int64_t size = 0;
  int64_t mtime_ns = 0;
  std::string content_hash;  // of the whole file; empty when not computed

  friend bool operator==(const FileIdentity&, const FileIdentity&) = default;
};

// Whether `a` and `b` are the same version of the same file: device, inode, size and mtime. The
// content hash is left out: a stat (StatIdentity) does not compute it, a stored record may have it.
inline bool SameVersion(const FileIdentity& a, const FileIdentity& b) {
  return a.device == b.device && a.inode == b.inode && a.size == b.size && a.mtime_ns == b.mtime_ns;
}

// The stable key of a message: its Message-ID (without angle brackets) where it has one, so a
// Maildir rename or a second copy of the same mail is the same message; otherwise
// "file:<device>:<inode>:<content_hash>" from the file it was read from and a hash of the
// message's own bytes (an mbox holds many messages in one file). Never empty.
std::string MessageKey(std::string_view message_id, const FileIdentity& file,
                       std::string_view message_hash);

// The fingerprint of one finding of the message keyed `message_key`: "f" and 16 hex digits over
// the key, the rule and the byte span. It stays the same as long as the message's analyzed text
// and the rule's id do, so a suppression by fingerprint survives re-analysis with a new lexicon.
std::string FindingFingerprint(std::string_view message_key, const Finding& finding);

}  // namespace tonewatch::daemon
