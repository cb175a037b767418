#pragma once

// Mail with binary content and damage in it, as 8-bit exports, damaged archives and interrupted
// writes leave it: a raw binary attachment, NUL bytes in headers and bodies, a text part that is
// binary junk, a message cut short. Made in code because the bytes hold NULs. Shared by the reader
// tests of `tonewatch analyze` and of the daemon's ingest, which must read them alike.

#include <cstddef>
#include <string>
#include <vector>

namespace tonewatch::testing {

struct DamagedMessage {
  std::string name;     // the damage, for SCOPED_TRACE and as a Maildir file name
  std::string id;       // its Message-ID, without <>
  std::string subject;  // as a reader gives it back (cut at a NUL)
  std::string bytes;    // the whole RFC 5322 message
  // Words the analysis must still find in the sender's text ("" when none), and what the reader
  // must say about the damage ("" when there is none to say).
  std::string finding;
  std::string notice;
};

// One message of each kind, the first and last undamaged, in this order: "good-first",
// "raw-binary-attachment", "nul-in-headers", "nul-in-body", "binary-body",
// "binary-plain-beside-html", "cut-short", "good-last". "cut-short" ends inside a base64
// attachment, without its closing boundary.
std::vector<DamagedMessage> DamagedMessages();

// The messages as one mbox, in order. The message cut short is followed by the next "From " line
// without the empty line that should come between them. `separators[i]` is the offset of message
// i's "From " line.
struct DamagedMbox {
  std::string bytes;
  std::vector<size_t> separators;
};
DamagedMbox MakeDamagedMbox(const std::vector<DamagedMessage>& messages);

// The one the damaged messages come from, by name; fails the test (and returns an empty one) for a
// name it does not know.
DamagedMessage DamagedMessageNamed(const std::string& name);

// Bytes that are binary by any measure: every byte value, NULs included, in a fixed order that
// never forms a line starting with "From " or "--".
std::string BinaryJunk(size_t size);

}  // namespace tonewatch::testing
