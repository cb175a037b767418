#pragma once

// The words of the realistic corpus (mail_shapes.h): sentences, names, companies, subjects,
// signatures, footers and each language's mail-client conventions (attribution lines, Outlook's
// header labels, reply prefixes, date names). All of it was written for this project.
//
// Templates hold placeholders that mail_shapes.cc fills: {first} (the addressee's first name),
// {day} (a weekday in the language), {n} (the thread's order or ticket number), {n2} (a small
// number), {amount} (the thread's sum of money), {colleague}, {company}, {city}, {regno}.

#include <array>
#include <string_view>
#include <vector>

namespace tonewatch::bench::words {

using Words = std::vector<std::string_view>;

struct Lang {
  std::string_view code;                              // "en", "de", ...
  std::string_view content_language;                  // Outlook's Content-Language
  bool latin1 = false;                                // every text of this language fits ISO-8859-1
  std::array<std::string_view, 7> wd_short, wd_long;  // Sunday first
  std::array<std::string_view, 12> mon_short, mon_long;
  // Date templates: {wd} {WD} {d} {dd} {mon} {MON} {mm} {y} {H} {HH} {MM} {SS} {h12} {AP} {tz},
  // and {name} {email} for the attribution lines.
  std::string_view gmail_attribution;   // Gmail's "On <date>, <name> wrote:"
  std::string_view client_attribution;  // Thunderbird's
  std::string_view outlook_date;        // after Outlook's "Sent:"
  std::string_view gmail_forward_date;  // after "Date:" in Gmail's forwarded block
  std::string_view original_message;    // "-----Original Message-----"
  std::string_view l_from, l_sent, l_to, l_cc, l_subject;  // Outlook's header labels
  std::string_view l_date;                                 // Gmail's forwarded block
  std::string_view re_gmail, re_outlook, fw_gmail, fw_outlook;
  std::string_view forwarded;        // Gmail's forwarded-message line
  std::string_view sent_from_phone;  // the mobile client's signature
  std::string_view money;            // "{units}" is the amount with thousands separators
  char thousands = ',';
  Words greetings;      // {first}
  Words greetings_all;  // to several people
  Words openers, info, requests, heated, repair, closers, signoffs, short_replies;
  Words topics;  // subjects; {n}
  Words titles, first_names, last_names, companies, cities;
  Words footers;  // legal notices; {company} {city} {regno}
};

// [0] is English; the others are German, French, Spanish, Swedish, Portuguese, Italian, Dutch and
// Polish.
const std::vector<Lang>& Langs();

const Words& AccentedEnglishFirstNames();  // for the few English-speaking clients named so
const Words& CompanyPrefixes();            // English company names: prefix + suffix
const Words& CompanySuffixes();
const Words& EnvironmentLines();  // one-line footers ("consider the environment", virus scans)
const Words& LogLines();          // a technical excerpt: {n} {n2}
const Words& LogIntros();         // the sentence before it
const Words& PasteIntros();       // before a long pasted export
const Words& ForwardNotes();      // the note above a forwarded message
const Words& InlineAnswers();     // answers written between quoted paragraphs
const Words& Attachments();       // file names; {n}
const Words& ForeignAttachments();

}  // namespace tonewatch::bench::words
