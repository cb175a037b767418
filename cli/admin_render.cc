// Text of the results about the daemon itself and its suppressions (status, suppress,
// unsuppress, suppressions, reload). Read straight from the JSON: there is no core type for them.
#include <fmt/chrono.h>

#include <ctime>

#include "cli/daemon_render.h"
#include "cli/paint.h"

namespace tonewatch::cli {
namespace {

// Width of the label column of `status`.
constexpr int kLabelWidth = 14;

std::string Row(const TextStyle& style, std::string_view label, std::string_view value) {
  return fmt::format("  {}{:{}}{}\n", Paint(style, label, kAnsiBold), "",
                     kLabelWidth - static_cast<int>(label.size()), value);
}

// Continuation lines under a Row, aligned with its value.
std::string Indented(std::string_view value) {
  return fmt::format("  {:{}}{}\n", "", kLabelWidth, value);
}

// The daemon's progress since it started (a field added within protocol v1; older daemons do not
// send it), for following a first index of a large folder.
std::string ProgressRow(const Json& r, const TextStyle& style) {
  const auto it = r.find("progress");
  if (it == r.end() || !it->is_object()) return "";
  const Json& p = *it;
  return Row(style, "progress",
             fmt::format("{}{} being read; {} files read, {} messages stored since start",
                         p.at("scanning").get<bool>() ? "scanning the folders; " : "",
                         p.at("in_progress").get<int64_t>(), p.at("files_read").get<int64_t>(),
                         p.at("messages_stored").get<int64_t>()));
}

std::string StatusOut(const Json& r, const TextStyle& style) {
  std::string out = fmt::format("tonewatchd is running (protocol {}, database schema {})\n",
                                r.at("protocol").get<int>(), r.at("schema").get<int>());
  out += Row(style, "messages",
             fmt::format("{} in {} threads", r.at("messages").get<int64_t>(),
                         r.at("threads").get<int64_t>()));
  out += Row(style, "queued", fmt::format("{} files waiting", r.at("queued").get<int64_t>()));
  out += ProgressRow(r, style);
  const int64_t failed = r.at("failed_files").get<int64_t>();
  out += Row(style, "files",
             fmt::format("{} read, {}", r.at("files").get<int64_t>(),
                         failed == 0 ? std::string("none failed")
                                     : Paint(style, fmt::format("{} failed", failed), kAnsiRed) +
                                           " (retried when they change)"));
  // The first failures with their errors (status.failures).
  if (const auto it = r.find("failures"); it != r.end() && it->is_array()) {
    for (const Json& f : *it) {
      // The daemon's errors usually name the file already.
      const std::string path = OrEmpty(f, "path");
      const std::string error = OrEmpty(f, "error");
      out += Indented(error.rfind(path, 0) == 0 ? error : fmt::format("{}: {}", path, error));
    }
  }
  out += Row(style, "suppressions", fmt::format("{}", r.at("suppressions").get<int64_t>()));
  const std::string lexicon = OrEmpty(r, "lexicon");
  out += Row(style, "lexicon", lexicon.empty() ? "(none loaded)" : lexicon);
  const Json& watching = r.at("watching");
  if (watching.empty()) out += Row(style, "watching", "(no folders)");
  for (size_t i = 0; i < watching.size(); ++i) {
    const std::string folder = watching.at(i).get<std::string>();
    out += i == 0 ? Row(style, "watching", folder) : Indented(folder);
  }
  return out;
}

// "rule X everywhere", "rule X in thread T", "finding F", plus the note.
std::string Describe(const Json& s) {
  const std::string kind = s.at("kind").get<std::string>();
  std::string what;
  if (kind == "finding") {
    what = fmt::format("finding {}", OrEmpty(s, "fingerprint"));
  } else if (kind == "thread-rule") {
    what = fmt::format("rule {} in thread {}", OrEmpty(s, "rule"), OrEmpty(s, "thread"));
  } else {
    what = fmt::format("rule {} everywhere", OrEmpty(s, "rule"));
  }
  const std::string note = OrEmpty(s, "note");
  return note.empty() ? what : fmt::format("{} (note: {})", what, note);
}

std::string Date(int64_t unix_ms) {
  const std::time_t seconds = static_cast<std::time_t>(unix_ms / 1000);
  return fmt::format("{:%Y-%m-%d %H:%M} UTC", fmt::gmtime(seconds));
}

std::string ChangeOut(const Json& r, bool removed, const TextStyle& style) {
  const Json& s = r.at("suppression");
  const int64_t id = s.at("id").get<int64_t>();
  std::string out;
  if (removed) {
    out =
        fmt::format("{} suppression {}: {}\n", Paint(style, "removed", kAnsiBold), id, Describe(s));
  } else if (r.at("created").get<bool>()) {
    out = fmt::format("{} {} (suppression {})\n", Paint(style, "suppressed", kAnsiBold),
                      Describe(s), id);
  } else {
    out = fmt::format("already suppressed: {} (suppression {})\n", Describe(s), id);
  }
  const Json& threads = r.at("affected_threads");
  out += fmt::format("  {} message(s) in {} thread(s) changed\n",
                     r.at("affected_messages").get<int64_t>(), threads.size());
  if (!removed) out += fmt::format("  undo with: tonewatch unsuppress {}\n", id);
  return out;
}

}  // namespace

Result<std::string> StatusText(const Json& result, const TextStyle& style,
                               const std::string& where) {
  return GuardRender("status", where, [&] { return StatusOut(result, style); });
}

Result<std::string> SuppressionChangeText(const Json& result, bool removed, const TextStyle& style,
                                          const std::string& where) {
  return GuardRender(removed ? "unsuppress" : "suppress", where,
                     [&] { return ChangeOut(result, removed, style); });
}

Result<std::string> SuppressionsText(const Json& result, const TextStyle& style,
                                     const std::string& where) {
  return GuardRender("suppressions", where, [&] {
    const Json& list = result.at("suppressions");
    if (list.empty()) return std::string("no suppressions\n");
    std::string out;
    for (const Json& s : list) {
      out += fmt::format("{}  {}  {}\n",
                         Paint(style, fmt::format("{:>4}", s.at("id").get<int64_t>()), kAnsiBold),
                         Date(s.at("created_ms").get<int64_t>()), Describe(s));
    }
    return out;
  });
}

Result<std::string> ReloadText(const Json& result, const TextStyle& style,
                               const std::string& where) {
  return GuardRender("reload", where, [&] {
    return fmt::format("{} lexicon {}\n  {} messages will be analyzed again in the background\n",
                       Paint(style, "reloaded:", kAnsiBold),
                       result.at("lexicon").get<std::string>(),
                       result.at("stale_messages").get<int64_t>());
  });
}

}  // namespace tonewatch::cli
