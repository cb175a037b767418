#pragma once

#include <functional>
#include <string>
#include <vector>

#include "analyzers/base/result.h"
#include "analyzers/readers/mail/mime_message.h"

namespace tonewatch {

enum class MailFormat {
  kMessage,  // one RFC 5322 message: a loose .eml, a Maildir file
  kMbox,     // mboxo / mboxrd "From " separated, Content-Length respected
};

// Reads the messages of the file at `path` one at a time with GMime's streaming parser, calling
// `on_message` for each in order, and returns how many were read. The file is not loaded whole: a
// seekable file's attachments stay on disk, so memory is bounded by the largest message's headers
// and text parts. For mbox, ">From " lines escaped by mboxrd are unescaped in the text, and each
// message's `source_offset` is the byte offset of its "From " line.
//
// A damaged message is reported in `errors` with the file and byte offset and skipped; the rest
// is read. Fails (naming the file) only when the file cannot be opened or holds no message at all.
//
// `start_offset` (mbox only) starts reading there, for an mbox that grew since it was last read:
// it must be where the last read ended. Reading from a start offset finds nothing to read without
// failing (returns 0).
Result<size_t> ReadMailFile(const std::string& path, MailFormat format,
                            const std::function<void(ParsedMail&&)>& on_message,
                            std::vector<Notice>* errors, int64_t start_offset = 0);

// The same over bytes already in memory (standard input). `name` is used in messages.
Result<size_t> ReadMailBytes(std::string bytes, const std::string& name, MailFormat format,
                             const std::function<void(ParsedMail&&)>& on_message,
                             std::vector<Notice>* errors);

}  // namespace tonewatch
