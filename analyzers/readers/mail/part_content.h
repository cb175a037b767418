#pragma once

// The bytes of one leaf MIME part, and what they say about the part: whether it holds binary data
// where text should be, and the NUL bytes a damaged text part carries.

#include <gmime/gmime.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace tonewatch {

// The whole content of `part`, its transfer encoding (base64, quoted-printable, uuencode) removed.
// Reads the part from its stream, which for a file stays on disk until now.
std::string PartContent(GMimePart* part);

// The first `limit` bytes of the same, without reading the rest: enough to judge a part that may
// be large (an attachment) or binary.
std::string PartContentHead(GMimePart* part, size_t limit);

// Whether `part` lies in the message as raw bytes rather than in a 7-bit transfer encoding: an
// "8bit" or "binary" part, or one with no Content-Transfer-Encoding. Only such a part can put NUL
// bytes and binary junk into the mail file itself.
bool CarriedRaw(GMimePart* part);

// Whether text in `charset` has NUL bytes by design (UTF-16, UTF-32, UCS-2, UCS-4): then a NUL is
// no sign of damage or binary data.
bool IsWideCharset(std::string_view charset);

// Removes the NUL bytes of `bytes` and returns how many there were. A NUL in a text part is damage
// (it is not text in any narrow charset) and would make charset detection read UTF-8 as another
// charset.
size_t RemoveNuls(std::string& bytes);

}  // namespace tonewatch
