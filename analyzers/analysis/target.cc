#include "analyzers/analysis/target.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>

#include "analyzers/analysis/words.h"

namespace tonewatch {
namespace {

// Memory budget for each [target] pattern, as for a rule's context pattern.
constexpr int64_t kPatternMemory = 1 << 20;
// How much of a match's line the code check reads on each side, so a 1 MiB line stays cheap.
constexpr size_t kLineWindow = 300;
// A cue's words in capitals and this short are an acronym ("LAX"), not the word.
constexpr size_t kMaxAcronymLetters = 4;

// Whom a sentence names: any of the reader, the writer and the matter at hand, or nobody.
struct Aim {
  bool reader = false;
  bool writer = false;
  bool exchange = false;
};

std::unique_ptr<RE2> Compile(const std::string& pattern, std::string_view name,
                             std::vector<std::string>& problems) {
  if (pattern.empty()) return nullptr;
  RE2::Options options(RE2::Quiet);
  options.set_max_mem(kPatternMemory);
  auto re = std::make_unique<RE2>(pattern, options);
  if (!re->ok()) {
    problems.push_back(fmt::format("target.{} does not compile: {}", name, re->error()));
    return nullptr;
  }
  return re;
}

bool Contains(const std::vector<std::string>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool IsClauseMark(char c) { return c == ',' || c == ';' || c == ':' || c == '(' || c == '-'; }

// Bytes that glue a word into an identifier, a path or a number: "time_spec_t::ASAP", "0x???".
bool IsCodeByte(char c) {
  return c == '_' || c == '/' || c == '\\' || c == '$' || c == '@' || c == '#' || c == '<' ||
         c == '>' || c == '=' || c == '[' || c == ']' || c == '{' || c == '}' || c == '(';
}

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

struct TargetCheck::State {
  const LanguageData* data = nullptr;
  std::unique_ptr<RE2> commitment;
  std::unique_ptr<RE2> reported;
  std::unique_ptr<RE2> technical;
  // Sentence gates: a sentence matching `re` holds back findings of `categories` for `reason`
  // ("If you are interested, let me know by COB" is optional; "to each of you" is a broadcast).
  struct Gate {
    std::unique_ptr<RE2> re;
    const std::vector<std::string>* categories;
    std::string_view reason;
  };
  std::vector<Gate> gates;

  std::string_view Note(std::string_view reason) const {
    auto it = data->target_notes.find(reason);
    return it == data->target_notes.end() ? std::string_view("Not counted.")
                                          : std::string_view(it->second);
  }

  // Who `sentence` (normalized) speaks to or about.
  Aim AimOf(std::string_view sentence) const {
    Aim aim;
    bool clause_start = true;
    for (size_t i = 0; i < sentence.size();) {
      if (!IsWordByte(sentence[i])) {
        if (IsClauseMark(sentence[i])) clause_start = true;
        ++i;
        continue;
      }
      const size_t end = WordEnd(sentence, i);
      const std::string_view word = sentence.substr(i, end - i);
      if (Contains(data->reader_words, word) || Contains(data->request_words, word) ||
          (clause_start && Contains(data->imperative_verbs, word)) ||
          !AnyPhraseAt(sentence, i, data->demand_frames).empty()) {
        aim.reader = true;
        return aim;
      }
      aim.writer = aim.writer || Contains(data->writer_words, word);
      aim.exchange = aim.exchange || Contains(data->exchange_words, word);
      clause_start = false;
      i = end;
    }
    return aim;
  }

  // True when the match sits inside double quotes within its sentence, or the sentence reports
  // someone else's words ("...," said the analyst).
  bool Reported(std::string_view sentence, Span local) const {
    const size_t quotes_before = static_cast<size_t>(
        std::count(sentence.begin(), sentence.begin() + static_cast<long>(local.begin), '"'));
    if (quotes_before % 2 == 1 && sentence.find('"', local.end) != std::string_view::npos) {
      return true;
    }
    return reported && RE2::PartialMatch(sentence, *reported);
  }

  // True when the match's words are glued into code ("time_spec_t::ASAP", "0x???", "/asap/"), or
  // its line is code or a log line.
  bool InCode(std::string_view original, Span span) const {
    const char before = span.begin > 0 ? original[span.begin - 1] : ' ';
    const char after = span.end < original.size() ? original[span.end] : ' ';
    if (IsCodeByte(before) || IsCodeByte(after) ||
        (before == ':' && span.begin >= 2 && original[span.begin - 2] == ':')) {
      return true;
    }
    if (span.begin >= 2 && original.substr(span.begin - 2, 2) == "0x") return true;
    if ((before == '.' && span.begin >= 2 && IsAlnum(original[span.begin - 2])) ||
        (after == '.' && span.end + 1 < original.size() && IsAlnum(original[span.end + 1]))) {
      return true;
    }
    if (!technical) return false;
    const size_t from = span.begin > kLineWindow ? span.begin - kLineWindow : 0;
    const size_t line_begin = original.rfind('\n', span.begin);
    const size_t begin =
        line_begin == std::string_view::npos || line_begin < from ? from : line_begin + 1;
    const size_t line_end = original.find('\n', span.end);
    const size_t end = std::min({line_end == std::string_view::npos ? original.size() : line_end,
                                 span.end + kLineWindow, original.size()});
    return RE2::PartialMatch(original.substr(begin, end - begin), *technical);
  }
};

Result<TargetCheck> TargetCheck::Create(const LanguageData& data) {
  auto state = std::make_unique<State>();
  state->data = &data;
  std::vector<std::string> problems;
  state->commitment = Compile(data.commitment_pattern, "commitment", problems);
  state->reported = Compile(data.reported_pattern, "reported", problems);
  state->technical = Compile(data.technical_pattern, "technical", problems);
  state->gates.push_back({Compile(data.optional_pattern, "optional", problems),
                          &data.optional_categories, "optional"});
  state->gates.push_back({Compile(data.broadcast_pattern, "broadcast", problems),
                          &data.broadcast_categories, "broadcast"});
  if (!problems.empty()) {
    std::string message;
    for (const auto& p : problems) message += (message.empty() ? "" : "\n") + p;
    return Err(ErrorCode::kBadLexicon, "language.toml", message);
  }
  return TargetCheck(std::move(state));
}

TargetCheck::TargetCheck(std::unique_ptr<State> state) : state_(std::move(state)) {}
TargetCheck::TargetCheck(TargetCheck&&) noexcept = default;
TargetCheck& TargetCheck::operator=(TargetCheck&&) noexcept = default;
TargetCheck::~TargetCheck() = default;

std::string_view TargetCheck::HeldBackWords(std::string_view sentence, Span local,
                                            std::string_view original, Span span) const {
  if (state_->InCode(original, span)) return state_->Note("code");
  if (state_->Reported(sentence, local)) return state_->Note("reported");
  return {};
}

std::string_view TargetCheck::HeldBack(const Rule& rule, std::string_view sentence, Span local,
                                       std::string_view original, Span span, bool question) const {
  if (!IsHeated(rule.category)) return {};
  const LanguageData& data = *state_->data;
  // A rule's words as a short word in capitals are an acronym ("LAX" the airport, not "lax"),
  // unless the rule is about that acronym ("ASAP", "EOD" from the caps.acronyms list).
  const std::string_view words = original.substr(span.begin, span.size());
  if (words.size() >= 2 && words.size() <= kMaxAcronymLetters && !Contains(data.acronyms, words) &&
      std::all_of(words.begin(), words.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    return state_->Note("acronym");
  }
  if (std::string_view words = HeldBackWords(sentence, local, original, span); !words.empty()) {
    return words;
  }
  const std::string_view category = CategoryName(rule.category);
  if (question && Contains(data.question_categories, category)) return state_->Note("question");
  if (state_->commitment && Contains(data.commitment_categories, category)) {
    // The clause before the match: "we will get it out ASAP" is the writer's promise.
    const std::string_view before = sentence.substr(0, local.begin);
    if (RE2::PartialMatch(before, *state_->commitment)) return state_->Note("commitment");
  }
  for (const State::Gate& gate : state_->gates) {
    if (gate.re && Contains(*gate.categories, category) && RE2::PartialMatch(sentence, *gate.re)) {
      return state_->Note(gate.reason);
    }
  }
  RuleTarget target = rule.target;
  if (target == RuleTarget::kDefault) {
    auto it = data.category_targets.find(category);
    target = it == data.category_targets.end() ? RuleTarget::kAny : it->second;
  }
  if (target == RuleTarget::kAny) return {};
  const Aim aim = state_->AimOf(sentence);
  if (aim.reader) return {};
  if (target == RuleTarget::kPerson && (aim.writer || aim.exchange)) return {};
  if (target == RuleTarget::kExchange && aim.exchange) return {};
  return state_->Note(aim.writer ? "writer" : "nobody");
}

bool TargetCheck::InCode(std::string_view original, Span span) const {
  return state_->InCode(original, span);
}

std::string_view TargetCheck::Note(std::string_view reason) const { return state_->Note(reason); }

std::string TargetCheck::OverlapNote(std::string_view rule) const {
  std::string note(state_->Note("overlap"));
  const size_t at = note.find("{rule}");
  if (at != std::string::npos) note.replace(at, 6, rule);
  return note;
}

}  // namespace tonewatch
