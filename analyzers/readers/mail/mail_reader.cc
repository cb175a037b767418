#include "analyzers/readers/mail/mail_reader.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "analyzers/readers/mail/gmime_handles.h"
#include "analyzers/readers/mail/mbox_splitter.h"

namespace tonewatch {
namespace {

// mboxrd escapes body lines starting with "From " (and ">From ", ...) by one more '>'.
void UnescapeFromLines(std::string& text) {
  size_t line = 0;
  while (line < text.size()) {
    size_t p = line;
    while (p < text.size() && text[p] == '>') ++p;
    if (p > line && text.compare(p, 5, "From ") == 0) text.erase(line, 1);
    const size_t nl = text.find('\n', line);
    if (nl == std::string::npos) break;
    line = nl + 1;
  }
}

// A "message" with none of these headers is damage, not mail.
bool HasMailHeaders(const ParsedMail& parsed) {
  const DocMessage& m = parsed.message;
  return !m.author.empty() || !m.id.empty() || !m.subject.empty() || m.start_ms.has_value() ||
         !m.recipients.empty();
}

// Parses one message from `stream` (a whole file, or an mbox entry's substream).
GObjectPtr<GMimeMessage> ParseOne(GMimeStream* stream) {
  GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream));
  g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
  return GObjectPtr<GMimeMessage>(g_mime_parser_construct_message(parser.get(), nullptr));
}

Result<size_t> ReadMbox(GMimeStream* stream, const std::string& name,
                        const std::function<void(ParsedMail&&)>& on_message,
                        std::vector<Notice>* errors, int64_t start = 0) {
  MboxSplitter splitter(stream, start);
  size_t count = 0;
  size_t damaged = 0;
  while (const std::optional<MboxEntry> entry = splitter.Next()) {
    const std::string where = fmt::format("{}:byte {}", name, entry->separator);
    GObjectPtr<GMimeStream> part(g_mime_stream_substream(stream, entry->begin, entry->end));
    GObjectPtr<GMimeMessage> mime = ParseOne(part.get());
    std::optional<ParsedMail> parsed;
    if (mime) parsed = ReadMime(mime.get(), where, errors);
    if (!parsed || !HasMailHeaders(*parsed)) {
      ++damaged;
      errors->push_back({fmt::format("{}:bytes {}-{}", name, entry->separator, entry->end),
                         "not a mail message (no headers); skipped, the rest of the mbox is read"});
      continue;
    }
    parsed->message.source_offset = static_cast<uint64_t>(entry->separator);
    if (!parsed->body.html) UnescapeFromLines(parsed->body.text);
    ++count;
    on_message(std::move(*parsed));
  }
  if (count == 0 && !(start > 0 && damaged == 0)) {
    return Err(ErrorCode::kBadInput, name,
               damaged > 0 ? "no readable message in this mbox" : "empty mbox");
  }
  return count;
}

Result<size_t> ReadStream(GMimeStream* stream, const std::string& name, MailFormat format,
                          const std::function<void(ParsedMail&&)>& on_message,
                          std::vector<Notice>* errors, int64_t start = 0) {
  if (format == MailFormat::kMbox) return ReadMbox(stream, name, on_message, errors, start);
  GObjectPtr<GMimeMessage> mime = ParseOne(stream);
  if (!mime) return Err(ErrorCode::kBadInput, name, "not a mail message");
  ParsedMail parsed = ReadMime(mime.get(), name, errors);
  if (!HasMailHeaders(parsed))
    return Err(ErrorCode::kBadInput, name, "not a mail message (no headers)");
  on_message(std::move(parsed));
  return 1;
}

}  // namespace

Result<size_t> ReadMailFile(const std::string& path, MailFormat format,
                            const std::function<void(ParsedMail&&)>& on_message,
                            std::vector<Notice>* errors, int64_t start_offset) {
  EnsureGMime();
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    return Err(err == ENOENT ? ErrorCode::kNotFound : ErrorCode::kUnreadable, path,
               std::strerror(err));
  }
  // The stream owns the descriptor from here on.
  GObjectPtr<GMimeStream> stream(g_mime_stream_fs_new(fd));
  return ReadStream(stream.get(), path, format, on_message, errors, start_offset);
}

Result<size_t> ReadMailBytes(std::string bytes, const std::string& name, MailFormat format,
                             const std::function<void(ParsedMail&&)>& on_message,
                             std::vector<Notice>* errors) {
  EnsureGMime();
  GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size()));
  return ReadStream(stream.get(), name, format, on_message, errors);
}

}  // namespace tonewatch
