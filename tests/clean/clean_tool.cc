// tonewatch_clean_tool: reads one message body from FILE (or stdin with "-") and prints what the
// cleaner keeps, followed by nothing else; the stripping verdict and byte counts go to stderr.
// For measuring and for looking at one body by hand; not installed.
//
//   tonewatch_clean_tool [--html] [--quoted] [--lexicons DIR] FILE
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

#include "analyzers/clean/cleaner.h"

namespace {

constexpr int kUsageError = 2;

struct Args {
  bool html = false;
  bool quoted = false;
  std::string lexicons = TONEWATCH_SOURCE_LEXICONS;
  std::string file;
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
    } else if (args.file.empty() && (arg == "-" || !arg.starts_with("--"))) {
      args.file = std::string(arg);
    } else {
      return false;
    }
  }
  return !args.file.empty();
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

}  // namespace

int main(int argc, char** argv) {
  Args args;
  if (!Parse(argc, argv, args)) {
    std::fputs("usage: tonewatch_clean_tool [--html] [--quoted] [--lexicons DIR] FILE\n", stderr);
    return kUsageError;
  }
  auto lexicon = tonewatch::LoadMailLexicon(args.lexicons);
  if (!lexicon) {
    std::fputs(fmt::format("{}\n", lexicon.error().ToString()).c_str(), stderr);
    return kUsageError;
  }
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
