// tonewatch: a thin main. Parses the command line with CLI11 (its one seam: parse errors are caught
// here) and dispatches to one function per command. The commands that query the daemon register
// themselves (daemon_commands.h) and map errors to exit codes their own way (exit code 6).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>

#include "cli/commands.h"
#include "cli/daemon_commands.h"
#include "cli/exit_codes.h"

namespace {

using tonewatch::cli::AnalyzeOptions;

// Prints a failure and maps it to an exit code: ExitCodeFor, or ExitCodeForDaemon for the commands
// that query the daemon.
int Finish(const tonewatch::Result<void>& result,
           int (*exit_code_for)(tonewatch::ErrorCode) = tonewatch::cli::ExitCodeFor) {
  if (result) return tonewatch::cli::kExitOk;
  std::fprintf(stderr, "tonewatch: %s\n", result.error().ToString().c_str());
  return exit_code_for(result.error().code);
}

int Run(int argc, char** argv) {
  CLI::App app{
      "tonewatch: flags where a client conversation is heating up, says why, and offers calmer "
      "wording.",
      "tonewatch"};
  app.footer(tonewatch::cli::kExitCodesHelp);
  bool version = false;
  std::string version_lexicons;
  app.add_flag("--version", version, "Print the version, the lexicon folder in use and its hash");
  app.add_option("--lexicons", version_lexicons,
                 "Lexicon folder for every command (a command's own --lexicons wins)");

  AnalyzeOptions analyze;
  CLI::App* cmd_analyze =
      app.add_subcommand("analyze",
                         "Analyze texts, mail (a message, an mbox, a Maildir) and call "
                         "transcripts from files,\nfolders or stdin, and print the findings. "
                         "With --each-line every line is its own text.");
  cmd_analyze->add_option("inputs", analyze.inputs,
                          "Files or folders to read; none or '-' reads stdin");
  cmd_analyze->add_option("--format", analyze.format, "Output: text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd_analyze->add_option("--color", analyze.color, "Colour: auto (default), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd_analyze->add_flag("--each-line", analyze.each_line,
                        "Treat every input line as an independent text; with --format=json print "
                        "one {\"line\",\"heat\",\"findings\"} object per line, in order");
  cmd_analyze->add_option("--lexicons", analyze.lexicons,
                          "Lexicon folder (else $TONEWATCH_LEXICONS, else the installed one, else "
                          "the source tree's)");
  cmd_analyze
      ->add_option("--min-heat", analyze.min_heat,
                   "Only print texts with at least this heat (0-100); --each-line JSON "
                   "still prints every line")
      ->check(CLI::Range(0, 100));
  // One value per --me: otherwise "--me ana@example.com thread.eml" would take the file as a
  // second address and read stdin instead.
  cmd_analyze
      ->add_option("--me", analyze.me,
                   "Your address, name or speaker name (repeatable: --me A --me B): your own "
                   "messages and turns are told apart from the counterpart's")
      ->allow_extra_args(false);
  cmd_analyze
      ->add_option("--input-format", analyze.input_format,
                   "What every input is, instead of recognizing it by content: auto (default), "
                   "plain, mail, mbox, vtt, srt, speaker (\"Name: text\" lines), json")
      ->check(CLI::IsMember({"auto", "plain", "mail", "mbox", "vtt", "srt", "speaker", "json"}));
  cmd_analyze
      ->add_option("--unanswered-hours", analyze.unanswered_hours,
                   "Report a hot message from the counterpart with no reply from you after this "
                   "many hours (default 4)")
      ->check(CLI::Range(0.0, 24.0 * 365));
  cmd_analyze->add_flag("--plan", analyze.plan,
                        "Add a reply plan for the hottest message: its concerns in order, with "
                        "advice, then the steps of a calm reply");
  cmd_analyze
      ->add_option("--jobs", analyze.jobs,
                   "Threads that analyze mail side by side (default 0: one per core); the output "
                   "is the same for any number")
      ->check(CLI::Range(0U, 256U));
  cmd_analyze
      ->add_option("--max-line-bytes", analyze.max_line_bytes,
                   "With --each-line, lines longer than this are reported, not analyzed "
                   "(default 1 MiB, at most 16 MiB)")
      ->check(CLI::Range(static_cast<size_t>(1), tonewatch::Engine::kMaxTextBytes));

  std::string check_dir;
  CLI::App* cmd_check = app.add_subcommand(
      "check-lexicon",
      "Load a lexicon, compile it, run every rule's match/no_match examples and check that every "
      "suggestion is cooler than its rule");
  cmd_check->add_option("dir", check_dir,
                        "Lexicon folder (default: the search order of --lexicons)");

  tonewatch::cli::DaemonCommands daemon(app);

  app.require_subcommand(0, 1);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? tonewatch::cli::kExitOk : tonewatch::cli::kExitUsage;
  }
  if (analyze.lexicons.empty()) analyze.lexicons = version_lexicons;
  if (check_dir.empty()) check_dir = version_lexicons;
  if (version) return Finish(tonewatch::cli::CmdVersion(version_lexicons));
  if (*cmd_analyze) return Finish(tonewatch::cli::CmdAnalyze(analyze));
  if (*cmd_check) return Finish(tonewatch::cli::CmdCheckLexicon(check_dir));
  if (auto ran = daemon.Run()) return Finish(*ran, tonewatch::cli::ExitCodeForDaemon);
  std::fprintf(stderr, "%s", app.help().c_str());
  return tonewatch::cli::kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "tonewatch: internal error: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "tonewatch: internal error\n");
  }
  return tonewatch::cli::kExitInternal;
}
