#pragma once

// A realistic client mailbox, generated: threads of 1 to 50 messages with Message-ID, In-Reply-To
// and References; replies that quote their whole parent Gmail-style ("On <date>, <name> wrote:" and
// "> " lines, also bottom-posted and inline), Outlook-style (top-posted "-----Original
// Message-----" or "From: / Sent: / To: / Subject:" blocks, unprefixed) and as forwards;
// multipart/alternative with HTML whose history sits in <blockquote class="gmail_quote"> or
// Outlook's divs; base64 attachments and inline logos; legal footers under the signature or
// appended by a gateway under the whole history; bodies in nine languages in UTF-8 or ISO-8859-1
// (quoted-printable, 8bit or base64); a few messages of 1 MB and more (pasted exports quoted on,
// large attachments). Every word comes from this project's own sentences and templates
// (mail_shapes.cc).
//
// The corpus is an endless mailbox ordered by date; message N is the N-th oldest. It depends only
// on the seed, so the messages after the first COUNT are the mail that arrives next (replies to
// open threads and new threads), and any range of it can be generated on its own.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace tonewatch::bench {

struct RealisticMessage {
  long number = 0;         // rank by date: 0 is the oldest message of the mailbox
  int64_t time = 0;        // Unix seconds, as in its Date header
  std::string message_id;  // without the angle brackets
  std::string bytes;       // the whole message (RFC 5322, LF line ends)
  // What it is made of, for MailShape.
  long thread = 0;
  int position = 0;            // 0 starts the thread
  bool reply = false;          // has In-Reply-To (forwards within the thread included)
  bool html = false;           // has a text/html part
  bool attachment = false;     // has a part with Content-Disposition: attachment
  bool inline_image = false;   // has an inline image (an Outlook signature logo)
  bool non_ascii = false;      // its decoded text holds a character outside ASCII
  std::string charset;         // of the text/plain part
  std::string quote_style;     // "", "gmail", "outlook", "bottom", "inline", "forward"
  std::string client;          // the sender's mail client style
  bool log_excerpt = false;    // its new words include a few log lines
  bool pasted_export = false;  // its new words include a pasted CSV export
  size_t quoted_bytes = 0;     // bytes of `bytes` that are quoted history (text and HTML parts)
};

// Generates the messages numbered [first, first + count) of the corpus for `seed` and hands each to
// `sink`, grouped by thread (not in number order). Deterministic: the same arguments give the same
// bytes on every run.
void GenerateRealisticMail(uint64_t seed, long first, long count,
                           const std::function<void(RealisticMessage&&)>& sink);

// The corpus shape: sizes, reply, quoted, HTML, attachment and non-ASCII shares.
class MailShape {
 public:
  void Add(const RealisticMessage& m);
  // A few lines of text, markdown-friendly (each line ends with two spaces: a line break).
  std::string Describe() const;

 private:
  std::vector<size_t> sizes_;
  size_t total_ = 0, quoted_ = 0;
  long replies_ = 0, html_ = 0, attachments_ = 0, inline_images_ = 0, non_ascii_ = 0;
  long utf8_ = 0, latin1_ = 0, gmail_ = 0, outlook_ = 0, bottom_ = 0, inline_ = 0, forward_ = 0;
  long big_ = 0, logs_ = 0, pastes_ = 0;
  std::vector<std::pair<long, int>> thread_positions_;  // (thread, position) seen
  std::map<std::string, long> clients_;
};

}  // namespace tonewatch::bench
