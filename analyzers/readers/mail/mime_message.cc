#include "analyzers/readers/mail/mime_message.h"

#include <fmt/format.h>

#include <mutex>

#include "analyzers/readers/mail/gmime_handles.h"
#include "analyzers/readers/mail/part_content.h"
#include "analyzers/readers/sniff.h"
#include "analyzers/text/charset.h"
#include "analyzers/text/utf8.h"

namespace tonewatch {

void EnsureGMime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

namespace {

std::string Utf8(const char* s) { return s == nullptr ? std::string() : SanitizeUtf8(s).text; }

std::vector<std::string> Addresses(InternetAddressList* list) {
  std::vector<std::string> out;
  if (list == nullptr) return out;
  for (int i = 0; i < internet_address_list_length(list); ++i) {
    GCharPtr text(
        internet_address_to_string(internet_address_list_get_address(list, i), nullptr, FALSE));
    if (text) out.push_back(Utf8(text.get()));
  }
  return out;
}

std::vector<std::string> MessageIds(const char* header) {
  std::vector<std::string> out;
  if (header == nullptr) return out;
  ReferencesPtr refs(g_mime_references_parse(nullptr, header));
  if (!refs) return out;
  for (int i = 0; i < g_mime_references_length(refs.get()); ++i) {
    out.push_back(Utf8(g_mime_references_get_message_id(refs.get(), i)));
  }
  return out;
}

// How much of a part the binary check looks at (BinaryReason reads 8 KiB).
constexpr size_t kPartSample = 8192;

std::string TextOf(GMimeTextPart* part, const std::string& where, std::vector<Notice>* errors) {
  const char* charset = g_mime_text_part_get_charset(part);
  std::string bytes = PartContent(GMIME_PART(part));
  if (!IsWideCharset(charset ? charset : "")) {
    if (const size_t nuls = RemoveNuls(bytes); nuls > 0) {
      errors->push_back(
          {where, fmt::format("{} NUL byte{} removed from the text", nuls, nuls == 1 ? "" : "s")});
    }
  }
  const DecodedText decoded = DecodeCharset(bytes, charset ? charset : "");
  if (decoded.damaged) {
    errors->push_back({where, fmt::format("text part in charset '{}' could not be fully decoded; "
                                          "bad bytes replaced with U+FFFD",
                                          charset ? charset : decoded.charset)});
  } else if (decoded.guessed && charset != nullptr) {
    errors->push_back({where, fmt::format("declared charset '{}' did not fit; read as {}", charset,
                                          decoded.charset)});
  }
  return decoded.text;
}

// "blob.bin (application/octet-stream)", or the type alone for a part without a file name.
std::string PartLabel(GMimePart* part, const std::string& mime_type) {
  const char* name = g_mime_part_get_filename(part);
  return name != nullptr ? fmt::format("'{}' ({})", Utf8(name), mime_type) : mime_type;
}

struct Walk {
  const std::string& where;
  std::vector<Notice>* errors;
  MailBody body;
  GMimeTextPart* plain = nullptr;
  GMimeTextPart* html = nullptr;

  void Visit(GMimeObject* object) {
    if (GMIME_IS_MESSAGE_PART(object)) {
      body.forwarded_message = true;  // forwarded mail: someone else's words
      return;
    }
    if (GMIME_IS_MULTIPART(object)) {
      GMimeMultipart* multi = GMIME_MULTIPART(object);
      for (int i = 0; i < g_mime_multipart_get_count(multi); ++i) {
        Visit(g_mime_multipart_get_part(multi, i));
      }
      return;
    }
    if (!GMIME_IS_PART(object)) return;
    GMimePart* part = GMIME_PART(object);
    GMimeContentType* type = g_mime_object_get_content_type(object);
    GCharPtr mime_type(g_mime_content_type_get_mime_type(type));
    const bool is_text = GMIME_IS_TEXT_PART(object);
    if (g_mime_part_is_attachment(part) || !is_text) {
      const char* name = g_mime_part_get_filename(part);
      body.attachments.push_back(Utf8(name != nullptr ? name : mime_type.get()));
      NoteRawBinary(part, mime_type.get());
      return;
    }
    const char* subtype = g_mime_content_type_get_media_subtype(type);
    std::string sub = subtype != nullptr ? subtype : "plain";
    for (char& c : sub) c = g_ascii_tolower(c);
    GMimeTextPart** slot = nullptr;
    if (sub == "html") {
      slot = &html;
    } else if (sub == "plain" || sub == "enriched" || sub == "richtext") {
      slot = &plain;
    }
    if (slot == nullptr || *slot != nullptr || HoldsBinary(part, mime_type.get())) return;
    *slot = GMIME_TEXT_PART(object);
  }

  // Attachments are never analyzed. One carried as raw binary bytes rather than base64 is what
  // put NUL bytes into the file, so it is said (the others are the normal case, and quiet).
  void NoteRawBinary(GMimePart* part, const std::string& mime_type) {
    if (!CarriedRaw(part)) return;
    const std::string reason = BinaryReason(PartContentHead(part, kPartSample));
    if (reason.empty()) return;
    errors->push_back({where, fmt::format("raw binary attachment {}: {} of the part; not "
                                          "analyzed, the rest of the message is read",
                                          PartLabel(part, mime_type), reason)});
  }

  // A text part whose bytes are binary data (a raw attachment without its headers, a damaged
  // stretch of the file) is skipped and said; the message is read from its other parts.
  bool HoldsBinary(GMimePart* part, const std::string& mime_type) {
    const char* charset = g_mime_object_get_content_type_parameter(GMIME_OBJECT(part), "charset");
    if (IsWideCharset(charset ? charset : "")) return false;
    const std::string reason = BinaryReason(PartContentHead(part, kPartSample));
    if (reason.empty()) return false;
    errors->push_back({where, fmt::format("{} part holds binary data, not text: {} of the part; "
                                          "skipped, the rest of the message is read",
                                          PartLabel(part, mime_type), reason)});
    body.attachments.push_back(mime_type);
    return true;
  }
};

}  // namespace

ParsedMail ReadMime(GMimeMessage* mime, const std::string& where, std::vector<Notice>* errors) {
  ParsedMail out;
  DocMessage& m = out.message;
  m.id = Utf8(g_mime_message_get_message_id(mime));
  const std::vector<std::string> from = Addresses(g_mime_message_get_from(mime));
  if (!from.empty()) m.author = from.front();
  for (GMimeAddressType t : {GMIME_ADDRESS_TYPE_TO, GMIME_ADDRESS_TYPE_CC}) {
    for (auto& a : Addresses(g_mime_message_get_addresses(mime, t))) m.recipients.push_back(a);
  }
  m.subject = Utf8(g_mime_message_get_subject(mime));
  if (GDateTime* date = g_mime_message_get_date(mime)) {
    m.start_ms = static_cast<int64_t>(g_date_time_to_unix(date)) * 1000;
    GCharPtr iso(g_date_time_format_iso8601(date));
    m.time = Utf8(iso.get());
  }
  GMimeObject* root = GMIME_OBJECT(mime);
  auto in_reply_to = MessageIds(g_mime_object_get_header(root, "In-Reply-To"));
  if (!in_reply_to.empty()) m.in_reply_to = in_reply_to.front();
  m.references = MessageIds(g_mime_object_get_header(root, "References"));

  Walk walk{where, errors, {}, nullptr, nullptr};
  if (GMimeObject* part = g_mime_message_get_mime_part(mime)) walk.Visit(part);
  out.body = std::move(walk.body);
  if (walk.plain != nullptr) {
    out.body.text = TextOf(walk.plain, where, errors);
  } else if (walk.html != nullptr) {
    out.body.text = TextOf(walk.html, where, errors);
    out.body.html = true;
  }
  return out;
}

}  // namespace tonewatch
