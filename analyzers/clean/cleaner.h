#pragma once

// The mail cleaner's entry point: given a decoded message body, keep only what the sender wrote
// in this message. Quoted replies, forwarded messages, signatures, mobile footers and legal
// disclaimers are taken out; the quoted text is returned apart (for threading, never scored).
//
// Typical use, by a mail reader:
//   auto lexicon = LoadMailLexicon(lexicons_root);          // once; report lexicon.error()
//   CleanedBody body = CleanPlainBody(text_plain, *lexicon);  // or CleanHtmlBody(text_html, ...)
//   Analyze(body.text); record StrippingName(body.stripping);

#include <cstddef>
#include <string>
#include <string_view>

#include "analyzers/clean/mail_lexicon.h"
#include "analyzers/clean/marked_lines.h"

namespace tonewatch {

struct CleanedBody {
  // What the sender wrote: valid UTF-8, '\n' line ends, no leading or trailing blank lines.
  // Never empty when the input had visible text (see `stripping`).
  std::string text;
  // How the split was made (StrippingName gives "none" | "structural" | "heuristic" |
  // "uncertain"):
  //   kNone        nothing was removed;
  //   kStructural  removal by structure only: '>' lines, <blockquote> and the clients' quote
  //                containers, "-----Original Message-----" and forward separators, "-- ";
  //   kHeuristic   an attribution line, header block, sign-off, footer or disclaimer from the
  //                lexicon decided it;
  //   kUncertain   a guess: a quote header with no quote after it, a sign-off followed by more
  //                text, or everything would have been removed (then `text` is the whole body).
  Stripping stripping = Stripping::kNone;
  // The removed quoted and forwarded text, attribution and header lines included, in order, for
  // threading. Never scored.
  std::string quoted;
  size_t signature_bytes = 0;   // bytes removed as signature, sign-off or mobile footer
  size_t disclaimer_bytes = 0;  // bytes removed as disclaimer or list footer
  size_t dropped_bytes = 0;     // input bytes past the size limit, not read at all
};

// Bodies larger than these are cut (at a character boundary) and the rest counted in
// `dropped_bytes`: a message is never that long, and the cleaner stays bounded on hostile input.
inline constexpr size_t kMaxPlainBodyBytes = 4u << 20;
inline constexpr size_t kMaxHtmlBodyBytes = 16u << 20;

// Cleans a text/plain body (UTF-8 expected; ill-formed bytes become U+FFFD; CRLF and CR become
// '\n'). Never fails. Linear in the size of the body. Thread-safe: `lexicon` is only read.
CleanedBody CleanPlainBody(std::string_view text, const MailLexicon& lexicon);

// Cleans a text/html body (UTF-8 expected, whatever its <meta> says): renders it with HtmlToText,
// taking the clients' quote containers out (kStructural), then cleans the text as above. When
// everything would be removed, `text` is the whole rendering, quotes included, and kUncertain.
// Broken markup is repaired, never fatal. Thread-safe.
CleanedBody CleanHtmlBody(std::string_view html, const MailLexicon& lexicon);

}  // namespace tonewatch
