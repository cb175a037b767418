#pragma once

// One mail message from parsed MIME to its report: the steps the CLI's pipeline and the daemon's
// ingest share.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "analyzers/clean/mail_lexicon.h"
#include "analyzers/engine.h"
#include "analyzers/readers/mail/mime_message.h"
#include "analyzers/report/report.h"

namespace tonewatch {

// The text of a mail body to analyze, and how quotes and signatures were removed.
struct MailText {
  std::string text;
  std::string stripping = "none";
};

// Turns a decoded body into the sender's own words. The CLI and the daemon plug in the mail
// cleaner (MailCleanerFor); the default keeps the body as it is.
using MailCleaner = std::function<MailText(const MailBody&)>;

// The cleaner of analyzers/clean/ over `lexicon`: quotes, signatures and disclaimers removed,
// HTML turned into text, and the stripping verdict recorded. Thread-safe: the lexicon is shared
// read-only.
MailCleaner MailCleanerFor(std::shared_ptr<const MailLexicon> lexicon);

// Whether `author` ("Dana Smith <dana@x.com>", "dana@x.com" or "Dana Smith") is the user: its
// address, display name or whole text equals one of `me`, which must be ASCII lower case.
bool AuthorIsMe(const std::string& author, const std::vector<std::string>& me);

// Cleans and analyzes one message read from `source`. The report's id is the Message-ID, or
// "m" and a hash of the source and byte offset for a message without one; `me` is left false
// (see AuthorIsMe). A text past Engine::kMaxTextBytes is cut there, with a notice in `errors`.
// Thread-safe when `clean` is.
MessageReport AnalyzeMail(const Engine& engine, const MailCleaner& clean, const ParsedMail& parsed,
                          const std::string& source, std::vector<Notice>* errors);

}  // namespace tonewatch
