#include "analyzers/pipeline/mail_analysis.h"

#include <fmt/format.h>

#include <algorithm>

#include "analyzers/analysis/words.h"
#include "analyzers/base/hash.h"
#include "analyzers/clean/cleaner.h"
#include "analyzers/text/utf8.h"

namespace tonewatch {
namespace {

// "Dana Smith <dana@x.com>" -> "dana@x.com"; a bare address stays.
std::string AddressOf(const std::string& author) {
  const size_t open = author.rfind('<');
  const size_t close = author.rfind('>');
  if (open != std::string::npos && close != std::string::npos && close > open) {
    return AsciiLower(author.substr(open + 1, close - open - 1));
  }
  return AsciiLower(author);
}

// The display name of "Dana Smith <dana@x.com>", or empty.
std::string NameOf(const std::string& author) {
  const size_t open = author.find('<');
  std::string name = author.substr(0, open == std::string::npos ? 0 : open);
  name.erase(std::remove(name.begin(), name.end(), '"'), name.end());
  while (!name.empty() && name.back() == ' ') name.pop_back();
  return AsciiLower(name);
}

}  // namespace

MailCleaner MailCleanerFor(std::shared_ptr<const MailLexicon> lexicon) {
  return [lexicon](const MailBody& body) {
    const CleanedBody clean =
        body.html ? CleanHtmlBody(body.text, *lexicon) : CleanPlainBody(body.text, *lexicon);
    return MailText{clean.text, std::string(StrippingName(clean.stripping))};
  };
}

bool AuthorIsMe(const std::string& author, const std::vector<std::string>& me) {
  if (author.empty()) return false;
  const std::string address = AddressOf(author);
  const std::string name = NameOf(author);
  const std::string whole = AsciiLower(author);
  return std::any_of(me.begin(), me.end(), [&](const std::string& m) {
    return m == address || (!name.empty() && m == name) || m == whole;
  });
}

MessageReport AnalyzeMail(const Engine& engine, const MailCleaner& clean, const ParsedMail& parsed,
                          const std::string& source, std::vector<Notice>* errors) {
  const DocMessage& doc = parsed.message;
  MailText text = clean(parsed.body);
  if (text.text.size() > Engine::kMaxTextBytes) {
    errors->push_back({fmt::format("{}:byte {}", source, doc.source_offset),
                       fmt::format("message text is {} bytes; only the first {} analyzed",
                                   text.text.size(), Engine::kMaxTextBytes)});
    text.text.resize(Utf8Floor(text.text, Engine::kMaxTextBytes));
  }
  MessageReport r;
  r.id = doc.id;
  if (r.id.empty()) {
    Fnv1a hash;
    hash.Add(source);
    hash.Add(std::to_string(doc.source_offset));
    r.id = fmt::format("m{}", hash.Hex());
  }
  r.author = doc.author;
  r.time = doc.time;
  r.time_ms = doc.start_ms;
  r.recipients = doc.recipients;
  r.stripping = text.stripping;
  r.subject = doc.subject;
  TextAnalysis analysis = engine.Analyze(text.text);
  r.heat = analysis.heat;
  r.findings = std::move(analysis.findings);
  return r;
}

}  // namespace tonewatch
