#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "analyzers/base/result.h"
#include "analyzers/lexicon/lexicon.h"
#include "analyzers/text/span.h"

namespace tonewatch {

// Whether a cue's words are aimed at someone, and are the writer's prose at all.
//
// A cue counts only when the words carry tone toward the reader: "send it ASAP" is pressure on the
// reader, "we'll send it ASAP" is the writer's promise; "this is a waste of time" in the writer's
// own voice is frustration, the same words inside a quoted news story are someone else's; "ASAP"
// in `time_spec_t::ASAP` is a constant. The sentence decides:
// - reader: it has a second-person word, a request word ("please"), a demand frame ("I need"), or
//   a clause that opens with an order ("send", "fix");
// - writer: else, it has a first-person word;
// - the exchange: else, it points at "this" or "that" ("this is unacceptable");
// - nobody: else (a thing, a third party, a headline).
// A rule asks for the reader, for the reader or the exchange, for a person (any of the three), or
// for nothing (lexicons/README.md,
// "Targets"); its category's default comes from language.toml. All word lists and patterns come
// from language.toml's [target] section.
//
// Immutable after Create; thread-safe.
class TargetCheck {
 public:
  // Compiles the [target] patterns. Fails (kBadLexicon) naming the pattern that does not compile.
  static Result<TargetCheck> Create(const LanguageData& data);

  TargetCheck(TargetCheck&&) noexcept;
  TargetCheck& operator=(TargetCheck&&) noexcept;
  ~TargetCheck();

  // Why a finding of `rule` does not count, or an empty view when it does. `sentence` is the
  // normalized sentence, `local` the match within it; `original` is the whole original text and
  // `span` the match in it (for code and log lines, which only the raw bytes show); `question`
  // says the sentence ends with a question mark. The reason is one of the [target.notes] texts.
  std::string_view HeldBack(const Rule& rule, std::string_view sentence, Span local,
                            std::string_view original, Span span, bool question) const;

  // The same for the built-in you-statement (aimed at the reader by construction): only quotation
  // and code hold it back.
  std::string_view HeldBackWords(std::string_view sentence, Span local, std::string_view original,
                                 Span span) const;

  // True when `span` of `original` is glued into code ("time_spec_t::ASAP", "0x???") or sits on a
  // line of code or a log.
  bool InCode(std::string_view original, Span span) const;

  // The note for a finding over the same words as a stronger one, with `rule` filled in.
  std::string OverlapNote(std::string_view rule) const;

  // The [target.notes] text for `reason` ("company", ...), or a plain "Not counted."
  std::string_view Note(std::string_view reason) const;

 private:
  struct State;
  explicit TargetCheck(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace tonewatch
