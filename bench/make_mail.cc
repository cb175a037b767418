// Generates mail for the whole-run benchmarks, from the corpus sentences this project wrote:
//   make_mail maildir DIR COUNT [FIRST]   COUNT messages in DIR/cur, threads of five with
//                                         References, numbered from FIRST (default 0): a second
//                                         Maildir from FIRST = the first's COUNT is new mail
//   make_mail mbox FILE MIB       an mbox of about MIB MiB, same messages
//   make_mail realistic DIR COUNT [SEED] [--first N] [--new] [--ids FILE] [--quiet]
//                                 a Maildir shaped like a real client mailbox (mail_shapes.h):
//                                 messages N to N+COUNT-1 (default 0) of the corpus for SEED
//                                 (default 1), ordered by date, into DIR/cur; with --new,
//                                 delivered into DIR/new (written in DIR/tmp, then renamed), so
//                                 --first COUNT --new is the mail that arrives after the first
//                                 COUNT. Prints the corpus shape on stderr (not with --quiet);
//                                 --ids writes each Message-ID, one a line.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "bench/corpus.h"
#include "bench/mail_shapes.h"

namespace {

constexpr int kThreadLength = 5;

std::string MakeMessage(long i) {
  const long thread = i / kThreadLength;
  const long position = i % kThreadLength;
  const bool client = position % 2 == 0;
  std::string refs;
  for (long p = 0; p < position; ++p)
    refs += "<m" + std::to_string(thread * kThreadLength + p) + "@bench.example> ";
  std::string m;
  m += client ? "From: Client " + std::to_string(thread % 97) + " <client" +
                    std::to_string(thread % 97) + "@customer.example>\n"
              : "From: Dana Okafor <dana@brightline.example>\n";
  m += "To: someone@example.com\n";
  m += "Subject: " + std::string(position > 0 ? "Re: " : "") + "Ticket " + std::to_string(thread) +
       "\n";
  m += "Date: Tue, 17 Nov 2026 09:" + std::to_string(10 + position * 5) + ":00 +0000\n";
  m += "Message-ID: <m" + std::to_string(i) + "@bench.example>\n";
  if (position > 0) {
    m += "In-Reply-To: <m" + std::to_string(i - 1) + "@bench.example>\n";
    m += "References: " + refs + "\n";
  }
  m += "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n";
  m += tonewatch::bench::MakeCorpus(600, static_cast<uint32_t>(i + 1));
  m += "\nBest regards,\nThe sender\n";
  return m;
}

int Usage() {
  std::fprintf(stderr,
               "usage: make_mail maildir DIR COUNT [FIRST] | make_mail mbox FILE MIB |\n"
               "       make_mail realistic DIR COUNT [SEED] [--first N] [--new] [--ids FILE] "
               "[--quiet]\n");
  return 2;
}

int Realistic(int argc, char** argv) {
  if (argc < 4) return Usage();
  const std::filesystem::path dir = argv[2];
  char* end = nullptr;
  const long count = std::strtol(argv[3], &end, 10);
  if (count <= 0 || *end != '\0') return Usage();
  unsigned long long seed = 1;
  long first = 0;
  bool deliver = false, quiet = false;
  std::string ids_path;
  for (int i = 4; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--first" && i + 1 < argc) {
      first = std::strtol(argv[++i], &end, 10);
      if (first < 0 || *end != '\0') return Usage();
    } else if (arg == "--new") {
      deliver = true;
    } else if (arg == "--quiet") {
      quiet = true;
    } else if (arg == "--ids" && i + 1 < argc) {
      ids_path = argv[++i];
    } else if (i == 4 && !arg.empty() && arg[0] != '-') {
      seed = std::strtoull(argv[i], &end, 10);
      if (*end != '\0') return Usage();
    } else {
      return Usage();
    }
  }
  for (const char* sub : {"cur", "new", "tmp"}) std::filesystem::create_directories(dir / sub);
  std::ofstream ids;
  if (!ids_path.empty()) ids.open(ids_path);
  tonewatch::bench::MailShape shape;
  bool ok = true;
  tonewatch::bench::GenerateRealisticMail(
      seed, first, count, [&](tonewatch::bench::RealisticMessage&& m) {
        const std::string base = std::to_string(m.time) + ".M" + std::to_string(m.number) + "P" +
                                 std::to_string(seed) + ".realistic";
        const std::filesystem::path target =
            deliver ? dir / "new" / base : dir / "cur" / (base + ":2,S");
        const std::filesystem::path written = deliver ? dir / "tmp" / base : target;
        {
          std::ofstream out(written, std::ios::binary);
          out.write(m.bytes.data(), static_cast<std::streamsize>(m.bytes.size()));
          ok = ok && out.good();
        }
        if (deliver) std::filesystem::rename(written, target);
        if (ids.is_open()) ids << m.message_id << '\n';
        shape.Add(m);
      });
  if (!quiet) std::fputs(shape.Describe().c_str(), stderr);
  if (!ok) std::fprintf(stderr, "make_mail: could not write every message under %s\n", argv[2]);
  return ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && std::string_view(argv[1]) == "realistic") return Realistic(argc, argv);
  if (argc != 4 && argc != 5) return Usage();
  const std::string mode = argv[1];
  const long n = std::strtol(argv[3], nullptr, 10);
  const long first = argc == 5 ? std::strtol(argv[4], nullptr, 10) : 0;
  if (n <= 0 || first < 0) return Usage();
  if (mode == "maildir") {
    const std::filesystem::path cur = std::filesystem::path(argv[2]) / "cur";
    std::filesystem::create_directories(cur);
    std::filesystem::create_directories(std::filesystem::path(argv[2]) / "new");
    std::filesystem::create_directories(std::filesystem::path(argv[2]) / "tmp");
    for (long i = first; i < first + n; ++i) {
      std::ofstream(cur /
                    (std::to_string(1700000000 + i) + ".M" + std::to_string(i) + ".bench:2,S"))
          << MakeMessage(i);
    }
    return 0;
  }
  if (mode == "mbox") {
    std::ofstream out(argv[2], std::ios::binary);
    const long long target = static_cast<long long>(n) << 20;
    long long written = 0;
    for (long i = 0; written < target; ++i) {
      const std::string m =
          "From bench@example.com Tue Nov 17 09:00:00 2026\n" + MakeMessage(i) + "\n";
      out << m;
      written += static_cast<long long>(m.size());
    }
    return 0;
  }
  return Usage();
}
