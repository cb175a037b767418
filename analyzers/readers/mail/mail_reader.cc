#include "analyzers/readers/mail/mail_reader.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>

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

constexpr const char* kCutShort =
    "message cut short: it ends inside its headers or a MIME part; read as far as it goes";

// What GMime's parser said about one message that matters to the user.
struct ParseNotes {
  bool truncated = false;  // the stream ended inside the headers or a MIME part
};

void OnParserWarning(gint64 /*offset*/, GMimeParserWarning code, const gchar* /*item*/,
                     gpointer notes) {
  if (code == GMIME_WARN_TRUNCATED_MESSAGE) static_cast<ParseNotes*>(notes)->truncated = true;
}

struct ParserOptionsFree {
  void operator()(GMimeParserOptions* options) const { g_mime_parser_options_free(options); }
};

// Parses one message from `stream` (a whole file, or an mbox entry's substream).
GObjectPtr<GMimeMessage> ParseOne(GMimeStream* stream, ParseNotes* notes) {
  std::unique_ptr<GMimeParserOptions, ParserOptionsFree> options(g_mime_parser_options_new());
  g_mime_parser_options_set_warning_callback(options.get(), OnParserWarning, notes);
  GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream));
  g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
  return GObjectPtr<GMimeMessage>(g_mime_parser_construct_message(parser.get(), options.get()));
}

// The offset in `stream` of the first NUL byte of the header block at its start, if any. GMime
// cuts a header value at a NUL; the user is told where. Leaves the stream at its start.
std::optional<int64_t> NulInHeaders(GMimeStream* stream) {
  constexpr size_t kMaxHeaderBytes = 256 * 1024;  // a header block this long is damage anyway
  constexpr size_t kBlock = 4096;
  std::string block(kBlock, '\0');
  int64_t offset = 0;
  char previous = '\n';
  g_mime_stream_reset(stream);
  std::optional<int64_t> found;
  while (!found && static_cast<size_t>(offset) < kMaxHeaderBytes) {
    const ssize_t n = g_mime_stream_read(stream, block.data(), kBlock);
    if (n <= 0) break;
    bool end_of_headers = false;
    for (ssize_t i = 0; i < n && !found && !end_of_headers; ++i) {
      const char c = block[static_cast<size_t>(i)];
      if (c == '\0') found = offset + i;
      end_of_headers = c == '\n' && previous == '\n';
      if (c != '\r') previous = c;
    }
    if (end_of_headers) break;
    offset += n;
  }
  g_mime_stream_reset(stream);
  return found;
}

// Parses the message in `stream` (which starts at byte `base` of the file) and reads it, with
// the damage found on the way in `errors`; nullopt when it is not a message at all.
std::optional<ParsedMail> ReadOne(GMimeStream* stream, int64_t base, const std::string& where,
                                  std::vector<Notice>* errors, ParseNotes* notes) {
  if (const std::optional<int64_t> nul = NulInHeaders(stream)) {
    errors->push_back({where, fmt::format("NUL byte in the headers at byte {}; the header is cut "
                                          "there, the rest of the message is read",
                                          base + *nul)});
  }
  GObjectPtr<GMimeMessage> mime = ParseOne(stream, notes);
  if (!mime) return std::nullopt;
  return ReadMime(mime.get(), where, errors);
}

Result<size_t> ReadMbox(GMimeStream* stream, const std::string& name,
                        const std::function<void(ParsedMail&&)>& on_message,
                        std::vector<Notice>* errors, int64_t start = 0) {
  MboxSplitter splitter(stream, start);
  size_t count = 0;
  size_t damaged = 0;
  while (const std::optional<MboxEntry> entry = splitter.Next()) {
    const std::string where = fmt::format("{}:byte {}", name, entry->separator);
    const std::string range = fmt::format("{}:bytes {}-{}", name, entry->separator, entry->end);
    GObjectPtr<GMimeStream> part(g_mime_stream_substream(stream, entry->begin, entry->end));
    ParseNotes notes;
    std::optional<ParsedMail> parsed = ReadOne(part.get(), entry->begin, where, errors, &notes);
    if (!parsed || !HasMailHeaders(*parsed)) {
      ++damaged;
      errors->push_back({range, notes.truncated && !parsed
                                    ? "message cut short inside its headers; skipped, the rest "
                                      "of the mbox is read"
                                    : "not a mail message (no headers); skipped, the rest of the "
                                      "mbox is read"});
      continue;
    }
    if (entry->cut_short || notes.truncated) {
      errors->push_back({range, entry->cut_short
                                    ? "message cut short: the next \"From \" line follows "
                                      "without an empty line; read as far as it goes"
                                    : kCutShort});
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
  ParseNotes notes;
  std::optional<ParsedMail> parsed = ReadOne(stream, 0, name, errors, &notes);
  if (!parsed) {
    return Err(ErrorCode::kBadInput, name,
               notes.truncated ? "not a mail message (cut short inside its headers)"
                               : "not a mail message");
  }
  if (!HasMailHeaders(*parsed))
    return Err(ErrorCode::kBadInput, name, "not a mail message (no headers)");
  if (notes.truncated) errors->push_back({name, kCutShort});
  on_message(std::move(*parsed));
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
