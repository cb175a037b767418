#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "analyzers/base/result.h"
#include "analyzers/readers/byte_source.h"

namespace tonewatch {

// What a source holds, judged from its first bytes (its content, never its name).
enum class SourceKind {
  kEmpty,
  kBinary,      // not mail, and its start is binary (BinaryReason): not analyzed
  kMbox,        // starts with a "From " separator line followed by headers
  kMail,        // starts with RFC 5322 header lines
  kTranscript,  // WebVTT, SRT, speaker-labelled lines or a JSON transcript
  kText,        // anything else that is text
};

// How much of a source SniffSource looks at.
inline constexpr size_t kSniffHeadBytes = 64 * 1024;

// The first kSniffHeadBytes of `source` (fewer when it is shorter), read for SniffSource; the
// caller goes on reading after them.
Result<std::string> ReadSniffHead(ByteSource& source);

// Looks at up to the first 64 KiB (kSniffHeadBytes). A UTF-8 BOM is skipped; UTF-16/32 BOMs count
// as text (the transcript reader decodes them). Mail is recognized by its header block alone, so
// binary bytes after it (an attachment, one damaged message of an mbox) do not make a mail source
// kBinary: the mail reader skips them part by part. Anything else is kBinary when BinaryReason
// finds its start binary.
SourceKind SniffSource(std::string_view head);

// Why `head` (its first 8 KiB) is binary data rather than text, or empty when it is text:
// "NUL byte at offset 12", "900 control bytes in the first 8192". Binary is more than four NUL
// bytes, or more than 10% control bytes (NULs counted); a stray NUL or two in text is damage for
// the reader to replace and report. The one binary check of the readers (sources, text pieces,
// transcripts and mail parts); callers word the message around it.
std::string BinaryReason(std::string_view head);

}  // namespace tonewatch
