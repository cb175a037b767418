// tonewatch_clean_tool: reads one message body from FILE (or stdin with "-") and prints what the
// cleaner keeps, followed by nothing else; the stripping verdict and byte counts go to stderr.
// For measuring and for looking at one body by hand; not installed.
//
//   tonewatch_clean_tool [--html] [--quoted] [--lexicons DIR] FILE
//   tonewatch_clean_tool [--lexicons DIR] --each LIST
//
// --each cleans many bodies in one run, to compare two builds of the cleaner on a corpus: LIST
// holds one body a line, "plain<TAB>FILE" or "html<TAB>FILE", and for each the tool prints
// "FILE<TAB>stripping<TAB>text hash<TAB>quoted hash<TAB>signature<TAB>disclaimer<TAB>dropped"
// (hashes are FNV-1a of the cleaned text and of the quoted text; the others are byte counts).
//
// Exit status: 0 on success, 2 on a usage error, an unreadable file or a broken mail lexicon.
#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>

#include "analyzers/base/hash.h"
#include "analyzers/clean/cleaner.h"

namespace {

constexpr int kUsageError = 2;

struct Args {
  bool html = false;
  bool quoted = false;
  std::string lexicons = TONEWATCH_SOURCE_LEXICONS;
  std::string file;
  std::string each;  // --each LIST
};

bool Parse(int argc, char** argv, Args& args) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--html") {
      args.html = true;
    } else if (arg == "--quoted") {
      args.quoted = true;
    } else if (arg == "--lexicons" && i + 1 < argc) {
      args.lexicons = argv[++i];
    } else if (arg == "--each" && i + 1 < argc) {
      args.each = argv[++i];
    } else if (args.file.empty() && (arg == "-" || !arg.starts_with("--"))) {
      args.file = std::string(arg);
    } else {
      return false;
    }
  }
  return args.file.empty() != args.each.empty();
}

bool Read(const std::string& file, std::string& out) {
  std::ostringstream buffer;
  if (file == "-") {
    buffer << std::cin.rdbuf();
  } else {
    std::ifstream in(file, std::ios::binary);
    if (!in) return false;
    buffer << in.rdbuf();
  }
  out = buffer.str();
  return true;
}

std::string Hash(std::string_view text) {
  tonewatch::Fnv1a hash;
  hash.Add(text);
  return hash.Hex();
}

int CleanEach(const std::string& list, const tonewatch::MailLexicon& lexicon) {
  std::ifstream in(list);
  if (!in) {
    std::fputs(fmt::format("{}: cannot read\n", list).c_str(), stderr);
    return kUsageError;
  }
  std::string line;
  std::string body;
  while (std::getline(in, line)) {
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    const std::string file = line.substr(tab + 1);
    if (!Read(file, body)) {
      std::fputs(fmt::format("{}: cannot read\n", file).c_str(), stderr);
      return kUsageError;
    }
    const bool html = line.compare(0, tab, "html") == 0;
    const tonewatch::CleanedBody cleaned =
        html ? tonewatch::CleanHtmlBody(body, lexicon) : tonewatch::CleanPlainBody(body, lexicon);
    std::fputs(fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\n", file,
                           tonewatch::StrippingName(cleaned.stripping), Hash(cleaned.text),
                           Hash(cleaned.quoted), cleaned.signature_bytes, cleaned.disclaimer_bytes,
                           cleaned.dropped_bytes)
                   .c_str(),
               stdout);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  if (!Parse(argc, argv, args)) {
    std::fputs(
        "usage: tonewatch_clean_tool [--html] [--quoted] [--lexicons DIR] FILE\n"
        "       tonewatch_clean_tool [--lexicons DIR] --each LIST\n",
        stderr);
    return kUsageError;
  }
  auto lexicon = tonewatch::LoadMailLexicon(args.lexicons);
  if (!lexicon) {
    std::fputs(fmt::format("{}\n", lexicon.error().ToString()).c_str(), stderr);
    return kUsageError;
  }
  if (!args.each.empty()) return CleanEach(args.each, *lexicon);
  std::string body;
  if (!Read(args.file, body)) {
    std::fputs(fmt::format("{}: cannot read\n", args.file).c_str(), stderr);
    return kUsageError;
  }
  const tonewatch::CleanedBody cleaned = args.html ? tonewatch::CleanHtmlBody(body, *lexicon)
                                                   : tonewatch::CleanPlainBody(body, *lexicon);
  const std::string& shown = args.quoted ? cleaned.quoted : cleaned.text;
  std::fwrite(shown.data(), 1, shown.size(), stdout);
  std::fputs("\n", stdout);
  std::fputs(fmt::format("stripping={} quoted={} signature={} disclaimer={} dropped={}\n",
                         tonewatch::StrippingName(cleaned.stripping), cleaned.quoted.size(),
                         cleaned.signature_bytes, cleaned.disclaimer_bytes, cleaned.dropped_bytes)
                 .c_str(),
             stderr);
  return 0;
}
