#pragma once

#include <gmime/gmime.h>

#include <string>
#include <vector>

#include "analyzers/model/document.h"

namespace tonewatch {

// The part of a message the sender wrote, as the MIME structure gives it: the preferred text body
// (text/plain over text/html in an alternative; the first inline text part otherwise), decoded to
// UTF-8, plus what is not analyzed.
struct MailBody {
  std::string text;  // valid UTF-8
  bool html = false;
  std::vector<std::string> attachments;  // file names (or content types) listed, not analyzed
  bool forwarded_message = false;        // a message/rfc822 part: not the sender's words
};

struct ParsedMail {
  DocMessage message;  // headers filled; `text` left empty for the cleaner
  MailBody body;
};

// Reads headers and body of `mime`. Declared charsets are converted by GMime; an undeclared 8-bit
// body is detected with ICU and converted; what cannot be decoded becomes U+FFFD. Problems are
// appended to `errors` with `where` ("inbox.mbox:byte 1200"). Never fails: a message with no text
// part has an empty body. Not thread-safe with respect to `mime`.
ParsedMail ReadMime(GMimeMessage* mime, const std::string& where, std::vector<Notice>* errors);

}  // namespace tonewatch
