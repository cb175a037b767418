#include "tests/support/damaged_mail.h"

#include <gtest/gtest.h>

namespace tonewatch::testing {
namespace {

using namespace std::string_literals;  // "...\0..."s keeps the NULs

constexpr const char* kFrom = "Ines Varga <ines@copperfield.example>";
constexpr const char* kSeparator = "From ines@copperfield.example Tue Nov 17 09:00:00 2026\n";

std::string Headers(const std::string& id, const std::string& subject,
                    const std::string& extra = "") {
  return "From: "s + kFrom + "\nTo: Tomas Berg <tomas@lumen.example>\nSubject: " + subject +
         "\nDate: Tue, 17 Nov 2026 09:00:00 +0000\nMessage-ID: <" + id + ">\n" + extra;
}

std::string Plain(const std::string& id, const std::string& subject, const std::string& body) {
  return Headers(id, subject, "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n") +
         "\n" + body;
}

std::string Multipart(const std::string& id, const std::string& subject, const std::string& type,
                      const std::string& boundary, const std::string& parts) {
  return Headers(id, subject,
                 "MIME-Version: 1.0\nContent-Type: multipart/" + type + "; boundary=\"" + boundary +
                     "\"\n") +
         "\n" + parts;
}

}  // namespace

std::string BinaryJunk(size_t size) {
  // A step of 131 visits every byte value; after '\n' (10) comes 141, never '-' or 'F'.
  constexpr unsigned kStep = 131;
  std::string junk(size, '\0');
  for (size_t i = 0; i < size; ++i) junk[i] = static_cast<char>((i * kStep + 7) & 0xFF);
  return junk;
}

std::vector<DamagedMessage> DamagedMessages() {
  std::vector<DamagedMessage> out;
  out.push_back({"good-first", "good-first@copperfield", "Ledger",
                 Plain("good-first@copperfield", "Ledger", "Thanks for the quick call today.\n"),
                 "", ""});
  out.push_back({"raw-binary-attachment", "attachment@copperfield", "Ledger export",
                 Multipart("attachment@copperfield", "Ledger export", "mixed", "=_b1",
                           "--=_b1\nContent-Type: text/plain; charset=utf-8\n\n"
                           "The export is attached. This is unacceptable.\n"
                           "--=_b1\nContent-Type: application/octet-stream\n"
                           "Content-Disposition: attachment; filename=\"ledger.bin\"\n\n" +
                               BinaryJunk(4096) + "\n--=_b1--\n"),
                 "unacceptable", "raw binary attachment 'ledger.bin' (application/octet-stream)"});
  out.push_back(
      {"nul-in-headers", "nul-header@copperfield", "Invoice",
       Headers("nul-header@copperfield", "Invoice\0 overdue"s, "X-Archive-Note: moved\0 twice\n"s) +
           "\nYou never sent the invoice. This is unacceptable.\n",
       "unacceptable", "NUL byte in the headers at byte"});
  out.push_back({"nul-in-body", "nul-body@copperfield", "Se\xC3\xB1or Berg",
                 Plain("nul-body@copperfield", "Se\xC3\xB1or Berg",
                       "Se\xC3\xB1or Berg, I asked twice.\0 This is unacceptable.\n"s),
                 "unacceptable", "1 NUL byte removed from the text"});
  out.push_back({"binary-body", "binary-body@copperfield", "Scan",
                 Headers("binary-body@copperfield", "Scan") + "\n" + BinaryJunk(2000) + "\n", "",
                 "text/plain part holds binary data, not text: NUL byte at offset"});
  out.push_back(
      {"binary-plain-beside-html", "alternative@copperfield", "Status",
       Multipart("alternative@copperfield", "Status", "alternative", "=_a1",
                 "--=_a1\nContent-Type: text/plain; charset=utf-8\n\n" + BinaryJunk(1500) +
                     "\n--=_a1\nContent-Type: text/html; charset=utf-8\n\n"
                     "<html><body><p>You never answered. This is unacceptable.</p></body></html>\n"
                     "--=_a1--\n"),
       "unacceptable", "text/plain part holds binary data, not text"});
  out.push_back({"cut-short", "cut@copperfield", "Contract",
                 Multipart("cut@copperfield", "Contract", "mixed", "=_c1",
                           "--=_c1\nContent-Type: text/plain; charset=utf-8\n\n"
                           "We are still waiting. This is unacceptable.\n"
                           "--=_c1\nContent-Type: application/pdf\n"
                           "Content-Transfer-Encoding: base64\n\n"
                           "JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFIvRmlsdGVyIC9G\n"),
                 "unacceptable", "message cut short"});
  out.push_back({"good-last", "good-last@copperfield", "Follow-up",
                 Plain("good-last@copperfield", "Follow-up",
                       "You never answered my question about the ledger.\n"),
                 "You never", ""});
  return out;
}

DamagedMbox MakeDamagedMbox(const std::vector<DamagedMessage>& messages) {
  DamagedMbox mbox;
  for (const DamagedMessage& m : messages) {
    mbox.separators.push_back(mbox.bytes.size());
    mbox.bytes += kSeparator + m.bytes;
    // The empty line that ends an mbox message; the message cut short lost it.
    if (m.name != "cut-short") mbox.bytes += "\n";
  }
  return mbox;
}

DamagedMessage DamagedMessageNamed(const std::string& name) {
  for (DamagedMessage& m : DamagedMessages()) {
    if (m.name == name) return m;
  }
  ADD_FAILURE() << "no damaged message named " << name;
  return {};
}

}  // namespace tonewatch::testing
