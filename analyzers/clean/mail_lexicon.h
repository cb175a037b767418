#pragma once

// The data the mail cleaner decides with: quote separators, attribution lines, Outlook header
// fields, sign-offs, mobile footers and disclaimer openers, per language, loaded from
// lexicons/mail/*.toml (format: lexicons/mail/README.md). Nothing here is compiled in.

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/base/result.h"
#include "analyzers/clean/mail_pattern_set.h"

namespace tonewatch {

// One pattern as written in a mail lexicon file.
struct MailPattern {
  std::string kind;          // the table it came from: "separator", "attribution", ...
  std::string language;      // ISO 639-1 code, or "any"
  std::string pattern;       // RE2 syntax, matched case-insensitively
  bool needs_quote = false;  // attribution only: counts only when a '>' quote follows it
  std::vector<std::string> match;
  std::vector<std::string> no_match;
  std::string file;  // where it was written, for error messages
  int line = 0;
};

// The patterns of one kind, as a part of the lexicon's MailPatternSet.
//
// kWhole patterns must match the whole text given; kPrefix patterns must match at its start
// (disclaimer openers: the first words of a paragraph); kContains patterns may match anywhere in it
// (footer terms). Matching is case-insensitive and linear in the text (RE2): a line kind's patterns
// run as one anchored set, a window kind's only when the text holds their atoms
// (MailPatternSet). Immutable after LoadMailLexicon; safe to call from many threads. The cleaner
// does not call these on each line: it classifies a body's lines once with a LineScan; these are
// for one text at a time.
class LinePatterns {
 public:
  using Anchor = MailAnchor;

  LinePatterns() = default;
  LinePatterns(LinePatterns&&) = default;
  LinePatterns& operator=(LinePatterns&&) = default;

  // Texts longer than this are never tested (MailPatternSet::kMaxTestedBytes).
  static constexpr size_t kMaxTestedBytes = MailPatternSet::kMaxTestedBytes;

  // Returns true when some pattern matches `text` (already trimmed by the caller).
  bool Matches(std::string_view text) const { return FirstMatch(text) >= 0; }
  // Returns the index of the first pattern that matches `text`, or -1. Texts that are empty or
  // longer than kMaxTestedBytes match nothing.
  int FirstMatch(std::string_view text) const;

  size_t size() const { return patterns_.size(); }
  const MailPattern& pattern(size_t i) const { return patterns_[i]; }
  MailKind kind() const { return kind_; }
  Anchor anchor() const { return anchor_; }

 private:
  friend class MailLexiconBuilder;

  MailKind kind_ = MailKind::kSeparator;
  Anchor anchor_ = Anchor::kWhole;
  std::vector<MailPattern> patterns_;
  std::vector<int> ids_;                       // per pattern, its id in set_
  std::shared_ptr<const MailPatternSet> set_;  // null when nothing was loaded
};

struct MailLexicon {
  LinePatterns separators;          // a line that starts quoted or forwarded text
  LinePatterns attributions;        // "On <date>, <name> wrote:" (one to three lines joined)
  LinePatterns quote_attributions;  // attributions that count only above a '>' quote
  LinePatterns header_from;         // the "From:" line of a header block, localized
  LinePatterns header_fields;       // the other fields: "Sent:", "To:", "Subject:", ...
  LinePatterns signoffs;            // "Best regards," on a line of its own
  LinePatterns mobile_footers;      // "Sent from my iPhone"
  LinePatterns disclaimers;         // first words of a confidentiality notice or list footer
  // Words that only a notice or an automatic footer uses ("intended recipient", "unsubscribe@",
  // "scanned for viruses"): a disclaimer opener counts only with one of them in its paragraph.
  LinePatterns footer_terms;
  // Every pattern above in one set with ids: what LineScan classifies a body's lines with. Null in
  // a default-constructed (empty) lexicon.
  std::shared_ptr<const MailPatternSet> patterns;
  std::string hash;  // FNV-1a over the files' names and bytes
  size_t file_count = 0;
};

// The folder the mail lexicon lives in: `lexicons_root`/mail.
std::filesystem::path MailLexiconFolder(const std::filesystem::path& lexicons_root);

// Loads and compiles every *.toml file in `lexicons_root`/mail, and runs every pattern's `match`
// and `no_match` examples. Returns the lexicon, or one kBadLexicon error whose message lists every
// problem found, one per line, as "file:line: reason" (parse errors, missing or unknown fields,
// patterns that do not compile or match the empty string, failing examples, kinds with no
// patterns). Reads files only; safe to call from any thread.
Result<MailLexicon> LoadMailLexicon(const std::filesystem::path& lexicons_root);

// Trims ASCII white space and U+00A0 from both ends.
std::string_view TrimLine(std::string_view line);

}  // namespace tonewatch
