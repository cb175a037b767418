#pragma once

// HTML mail to plain text with libxml2's tolerant HTML parser. Block structure is kept as line
// breaks, and the quote containers that mail clients draw are taken out and returned apart.

#include <cstddef>
#include <string>
#include <string_view>

namespace tonewatch {

struct HtmlToTextOptions {
  // Take quote containers out: <blockquote> (any), Gmail div.gmail_quote / .gmail_extra, Yahoo
  // .yahoo_quoted, Thunderbird .moz-cite-prefix; and everything from Outlook's #divRplyFwdMsg,
  // #appendonsend, #OLK_SRC_BODY_SECTION or #mail-editor-reference-message-container to the end.
  // Signature containers (.gmail_signature, .moz-signature, #Signature, #AppleMailSignature) are
  // taken out too. When false, everything visible is rendered.
  bool remove_quotes = true;
  // Written on a line of its own where a container was taken out, so that later stages can see
  // "On <date>, <name> wrote:" followed by a quote. Empty: nothing is written.
  std::string_view quote_marker;
};

struct HtmlText {
  std::string text;             // valid UTF-8; lines end with '\n'; <hr> is a line of underscores
  std::string quoted;           // the text of the quote containers, in document order
  size_t signature_bytes = 0;   // text taken out with signature containers
  size_t quote_containers = 0;  // how many quote containers (and cuts) were taken out
  bool truncated = false;       // the node or output budget ran out; the rest was not read
};

// The budgets: a mail body is rarely above a megabyte; these keep a hostile one bounded.
inline constexpr size_t kMaxHtmlNodes = 1'000'000;
inline constexpr size_t kMaxHtmlTextBytes = 8u << 20;

// Renders `html` (UTF-8; a charset declared inside it is ignored) as text. Scripts, styles, the
// head and comments are dropped; entities are decoded; U+00A0 becomes a space; white space
// collapses as a browser would, except inside <pre>. Broken markup is repaired the way libxml2
// does, never reported. Never fails: input libxml2 cannot parse at all gives empty text.
// Thread-safe (libxml2 is initialized once, on first use).
HtmlText HtmlToText(std::string_view html, const HtmlToTextOptions& options);

}  // namespace tonewatch
