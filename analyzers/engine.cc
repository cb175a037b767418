#include "analyzers/engine.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "analyzers/analysis/dictionary.h"
#include "analyzers/analysis/shouting.h"
#include "analyzers/analysis/target.h"
#include "analyzers/analysis/words.h"
#include "analyzers/analysis/you_language.h"
#include "analyzers/lexicon/group_references.h"
#include "analyzers/lexicon/rule_set.h"
#include "analyzers/text/normalized_text.h"
#include "analyzers/text/segmenter.h"
#include "analyzers/text/utf8.h"

namespace tonewatch {
namespace {

// Display context around a finding: this much before and after it, at most.
constexpr size_t kContextBefore = 80;
constexpr size_t kContextAfter = 120;
constexpr std::string_view kCapsRuleId = "intensity.all-caps";
// How far unless_before / unless_after and the contrast check look from a match, in bytes.
constexpr size_t kContextWindow = 200;

// A line this long that ends without a blank line after it was most likely wrapped by the mail
// client, not ended by the writer.
constexpr size_t kWrappedLineBytes = 40;
// A booster word ("really", "at all") boosts the heated words next to it: within this many bytes.
// "It makes me very angry" is boosted; "very few issues need urgent attention" is not.
constexpr size_t kBoostReach = 24;

// `text` with the line breaks of hard-wrapped paragraphs turned into spaces, byte for byte, so ICU
// does not end a sentence at every wrapped line. A break stays when a blank line follows, and when
// the line before is short and the next does not start in lower case (greetings, lists, names).
std::string UnwrapLines(std::string_view text) {
  std::string out(text);
  size_t line_start = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] != '\n') continue;
    size_t end = i;
    if (end > line_start && out[end - 1] == '\r') --end;
    const size_t next = i + 1;
    const bool blank_follows = next >= out.size() || out[next] == '\n' || out[next] == '\r';
    const bool lower_follows = next < out.size() && out[next] >= 'a' && out[next] <= 'z';
    const bool wrapped = end - line_start >= kWrappedLineBytes || lower_follows;
    if (!blank_follows && end > line_start && wrapped) {
      out[i] = ' ';
      if (end < i) out[end] = ' ';
    }
    line_start = next;
  }
  return out;
}

struct Sentence {
  Span original;
  Span normalized;
};

// A finding on its way out, with what the intensity pass needs.
struct Candidate {
  Finding finding;
  size_t sentence = 0;
  int boost_percent = 0;  // intensity only
  int standalone = 0;     // intensity only: its points when no heated finding shares the sentence
  bool alone = false;     // its rule counts without company (Rule::alone)
  bool company = false;   // its rule counts only with company (Rule::company)
  // intensity only: a word inside the sentence ("really", "at all"), which boosts only the heated
  // words next to it; punctuation, capitals and sentence openers ("Frankly,") boost the sentence
  bool near = false;
};

// At most this many capitalized words in a row are a raised voice; a longer run is a heading or
// a notice set in capitals ("IF YOU ARE A DIRECTOR OR OFFICER OF ...").
constexpr size_t kMaxShoutRun = 8;

// Not counted: `note` first, then what the rule says the words would mean.
void HoldBack(Finding& f, std::string_view note) {
  f.points = 0;
  f.why = f.why.empty() ? std::string(note) : std::string(note) + " " + f.why;
}

// True if the sentence `s` of `text` ends with a question mark (closing quotes and spaces aside).
bool IsQuestion(std::string_view text, Span s) {
  size_t end = s.end;
  while (end > s.begin && (text[end - 1] == ' ' || text[end - 1] == '\n' || text[end - 1] == '\r' ||
                           text[end - 1] == '\t' || text[end - 1] == '"' || text[end - 1] == ')')) {
    --end;
  }
  return end > s.begin && text[end - 1] == '?';
}

std::string FillSuggestion(const std::string& templ, const RawMatch& match,
                           const NormalizedText& norm, std::string_view text) {
  return ExpandGroupReferences(templ, [&](int group, std::string& out) {
    const Span g = group == 0 ? match.span : match.groups[group];
    if (g.begin != RawMatch::kAbsent) {
      const Span o = norm.ToOriginal(g);
      out.append(text.substr(o.begin, o.size()));
    }
  });
}

void SetContext(Finding& f, const Sentence& s, std::string_view text) {
  size_t begin = f.span.begin > s.original.begin + kContextBefore ? f.span.begin - kContextBefore
                                                                  : s.original.begin;
  while (begin < f.span.begin && (static_cast<uint8_t>(text[begin]) & 0xC0) == 0x80) ++begin;
  size_t end = std::min(s.original.end, f.span.end + kContextAfter);
  end = std::max(f.span.end, Utf8Floor(text, end));
  while (end > f.span.end && (text[end - 1] == '\n' || text[end - 1] == '\r' ||
                              text[end - 1] == ' ' || text[end - 1] == '\t')) {
    --end;
  }
  f.context = std::string(text.substr(begin, end - begin));
  f.context_offset = f.span.begin - begin;
}

}  // namespace

struct Engine::State {
  Lexicon lexicon;
  RuleSet rules;
  YouLanguage you;
  std::optional<TargetCheck> target;       // set by Create, before any Analyze
  std::unique_ptr<Dictionary> dictionary;  // null when the dictionary is not installed

  State(Lexicon lex, RuleSet set)
      : lexicon(std::move(lex)), rules(std::move(set)), you(lexicon.data) {}

  void LexiconFindings(std::string_view text, const NormalizedText& norm,
                       const std::vector<Sentence>& sentences, std::vector<Candidate>& out) const;
  void YouFindings(std::string_view text, const NormalizedText& norm,
                   const std::vector<Sentence>& sentences, std::vector<Candidate>& out) const;
  void ShoutFindings(std::string_view text, const std::vector<Sentence>& sentences,
                     std::vector<Candidate>& out) const;
  void DropContradictedRepairs(const NormalizedText& norm, const std::vector<Sentence>& sentences,
                               std::vector<Candidate>& candidates) const;
  void CountOverlapsOnce(std::vector<Candidate>& candidates) const;
  void HoldBackLoneStockPhrases(std::vector<Candidate>& candidates) const;
  static std::vector<Finding> ResolveIntensity(std::vector<Candidate> candidates);
};

namespace {

size_t SentenceOf(const std::vector<Sentence>& sentences, size_t original_offset) {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), original_offset,
                             [](size_t off, const Sentence& s) { return off < s.original.begin; });
  return it == sentences.begin() ? 0 : static_cast<size_t>(it - sentences.begin()) - 1;
}

}  // namespace

void Engine::State::LexiconFindings(std::string_view text, const NormalizedText& norm,
                                    const std::vector<Sentence>& sentences,
                                    std::vector<Candidate>& out) const {
  std::vector<RawMatch> raw;
  rules.FindAll(norm.text(), &raw);
  const std::string_view ntext = norm.text();
  const LanguageData& data = lexicon.data;
  for (const RawMatch& m : raw) {
    const Rule& rule = rules.rules()[m.rule];
    const Span original = norm.ToOriginal(m.span);
    const size_t si = SentenceOf(sentences, original.begin);
    const Span sn = sentences[si].normalized;
    const size_t sb = std::min(sn.begin, m.span.begin);
    const std::string_view before = ntext.substr(sb, m.span.begin - sb);
    const std::string_view after =
        m.span.end < sn.end ? ntext.substr(m.span.end, sn.end - m.span.end) : std::string_view();
    // Context checks look at a bounded window, so a huge sentence with many matches stays linear.
    const std::string_view near_before =
        before.substr(before.size() - std::min(before.size(), kContextWindow));
    const std::string_view near_after = after.substr(0, kContextWindow);
    if (rules.BlockedBefore(m.rule, near_before) || rules.BlockedAfter(m.rule, near_after)) {
      continue;
    }
    if (rule.negatable &&
        IsNegated(before, data.negation_window, data.negators, data.clause_breaks)) {
      continue;
    }
    if (rule.category == Category::kAccusation &&
        you.InBenignFrame(ntext.substr(sb, sn.end > sb ? sn.end - sb : 0), m.span.begin - sb)) {
      continue;
    }
    Candidate c;
    c.sentence = si;
    Finding& f = c.finding;
    f.rule = rule.id;
    f.category = rule.category;
    f.points = rule.category == Category::kIntensity ? 0 : rule.points;
    c.boost_percent = rule.category == Category::kIntensity ? rule.points : 0;
    f.span = original;
    f.text = std::string(text.substr(original.begin, original.size()));
    f.why = rule.why;
    if (rule.suggestion) f.suggestion = FillSuggestion(*rule.suggestion, m, norm, text);
    const size_t se = std::max(sn.end, m.span.end);
    const std::string_view note =
        target->HeldBack(rule, ntext.substr(sb, se - sb), {m.span.begin - sb, m.span.end - sb},
                         text, original, IsQuestion(text, sentences[si].original));
    if (!note.empty()) HoldBack(f, note);
    c.alone = rule.alone;
    c.near = rule.category == Category::kIntensity && m.span.begin > sn.begin &&
             std::any_of(f.text.begin(), f.text.end(), [](char ch) { return IsWordByte(ch); });
    c.company = rule.company;
    out.push_back(std::move(c));
  }
}

void Engine::State::YouFindings(std::string_view text, const NormalizedText& norm,
                                const std::vector<Sentence>& sentences,
                                std::vector<Candidate>& out) const {
  const LanguageData& data = lexicon.data;
  if (data.you_subjects.empty() || data.you_blame.empty()) return;
  const size_t lexicon_count = out.size();
  for (size_t si = 0; si < sentences.size(); ++si) {
    const Span sn = sentences[si].normalized;
    const std::string_view sentence = std::string_view(norm.text()).substr(sn.begin, sn.size());
    for (const Span& local : you.Find(sentence)) {
      const Span original = norm.ToOriginal({sn.begin + local.begin, sn.begin + local.end});
      const bool covered =
          std::any_of(out.begin(), out.begin() + lexicon_count, [&](const Candidate& c) {
            return c.finding.category == Category::kAccusation && c.finding.span.Overlaps(original);
          });
      if (covered || IsNegated(sentence.substr(0, local.begin), data.negation_window, data.negators,
                               data.clause_breaks)) {
        continue;
      }
      Candidate c;
      c.sentence = si;
      c.finding.rule = data.you_rule_id;
      c.finding.category = Category::kAccusation;
      c.finding.points = data.you_points;
      c.finding.span = original;
      c.finding.text = std::string(text.substr(original.begin, original.size()));
      c.finding.why = data.you_why;
      if (!data.you_suggestion.empty()) c.finding.suggestion = data.you_suggestion;
      const std::string_view note = target->HeldBackWords(sentence, local, text, original);
      if (!note.empty()) HoldBack(c.finding, note);
      out.push_back(std::move(c));
    }
  }
}

void Engine::State::ShoutFindings(std::string_view text, const std::vector<Sentence>& sentences,
                                  std::vector<Candidate>& out) const {
  const LanguageData& data = lexicon.data;
  const std::vector<CapsWord> words = FindCapsWords(text, data, dictionary.get());
  // Runs of words in capitals in one sentence, with no lower-case letter between them (digits and
  // punctuation may be): one finding per run, over its shouted words.
  struct Run {
    Span span;
    size_t sentence;
    size_t shouted;
    bool emphasis;
  };
  const auto is_lower = [](char ch) { return ch >= 'a' && ch <= 'z'; };
  std::vector<Run> runs;
  // In a long message capitals are emphasis or headings; only a short one shouts on its own.
  size_t word_count = 0;
  for (size_t i = 0; i < text.size() && word_count <= static_cast<size_t>(data.caps_short_words);
       ++i) {
    if (IsWordByte(text[i]) && (i == 0 || !IsWordByte(text[i - 1]))) ++word_count;
  }
  const bool short_text = word_count <= static_cast<size_t>(data.caps_short_words);
  for (size_t i = 0; i < words.size();) {
    const size_t sentence = SentenceOf(sentences, words[i].span.begin);
    size_t j = i + 1;
    while (j < words.size() && SentenceOf(sentences, words[j].span.begin) == sentence &&
           std::none_of(text.begin() + static_cast<long>(words[j - 1].span.end),
                        text.begin() + static_cast<long>(words[j].span.begin), is_lower)) {
      ++j;
    }
    Run run{{0, 0}, sentence, 0, false};
    for (size_t k = i; k < j; ++k) {
      if (!words[k].shouted) continue;
      if (run.shouted++ == 0) run.span.begin = words[k].span.begin;
      run.span.end = words[k].span.end;
      run.emphasis = run.emphasis || words[k].emphasis;
    }
    // A long run, or one ending in a colon ("WHAT YOU NEED TO DO:"), is a heading or a notice set
    // in capitals. Short words in capitals ("TO", "DO") may stand before the colon.
    size_t after = words[j - 1].span.end;
    while (after < text.size() && !is_lower(text[after]) && text[after] != ':' &&
           text[after] != '\n' && text[after] != '.' && text[after] != '!' && text[after] != '?') {
      ++after;
    }
    const bool heading = j - i > kMaxShoutRun || (after < text.size() && text[after] == ':');
    if (run.shouted > 0 && !heading && !target->InCode(text, run.span)) {
      runs.push_back(run);
    }
    i = j;
  }
  // A raised voice counts on its own, even in a calm sentence, when the sentence shouts two words
  // or more and one of them is a word of emphasis ("I DID ALL THIS", "I will NOT do it AGAIN");
  // the sentence's first run carries it. Elsewhere a capitalized word only boosts heated findings.
  for (size_t i = 0; i < runs.size(); ++i) {
    const bool first = i == 0 || runs[i - 1].sentence != runs[i].sentence;
    size_t shouted = 0;
    bool emphasis = false;
    for (size_t k = i; k < runs.size() && runs[k].sentence == runs[i].sentence; ++k) {
      shouted += runs[k].shouted;
      emphasis = emphasis || runs[k].emphasis;
    }
    Candidate c;
    c.sentence = runs[i].sentence;
    c.boost_percent = data.caps_boost;
    c.standalone = first && shouted >= 2 && emphasis && short_text ? data.caps_run_points : 0;
    c.finding.rule = std::string(kCapsRuleId);
    c.finding.category = Category::kIntensity;
    c.finding.span = runs[i].span;
    c.finding.text = std::string(text.substr(c.finding.span.begin, c.finding.span.size()));
    c.finding.why = data.caps_why;
    out.push_back(std::move(c));
  }
}

// A repair cue does not cool when the writer's own words contradict it:
// - "Thank you so much for ignoring my emails": a heated rule reads the whole cue, and more, as
//   sarcasm; words inside a heated finding cannot also cool, so the heated reading wins;
// - "Thanks for the update, but this is unacceptable": a contrast word and then a heated finding
//   later in the sentence take the repair back.
void Engine::State::DropContradictedRepairs(const NormalizedText& norm,
                                            const std::vector<Sentence>& sentences,
                                            std::vector<Candidate>& candidates) const {
  // Most texts have no repair cue: nothing to sort or look up then.
  if (std::none_of(candidates.begin(), candidates.end(),
                   [](const Candidate& c) { return c.finding.category == Category::kRepair; })) {
    return;
  }
  const auto& contrast = lexicon.data.contrast_words;
  const std::string_view ntext = norm.text();
  // Heated spans by start, with the furthest end reached so far: a repair lies inside one of them
  // when the furthest end among those starting at or before it reaches its end. Sorting keeps a
  // long text with thousands of findings from comparing every repair with every finding.
  std::vector<Span> heated;
  for (const Candidate& c : candidates) {
    if (IsHeated(c.finding.category)) heated.push_back(c.finding.span);
  }
  std::sort(heated.begin(), heated.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::vector<size_t> reach(heated.size());
  for (size_t k = 0; k < heated.size(); ++k) {
    reach[k] = std::max(heated[k].end, k == 0 ? 0 : reach[k - 1]);
  }
  const auto inside_heated = [&](const Span& words) {
    const auto after = std::upper_bound(heated.begin(), heated.end(), words.begin,
                                        [](size_t at, const Span& h) { return at < h.begin; });
    return after != heated.begin() &&
           reach[static_cast<size_t>(after - heated.begin()) - 1] >= words.end;
  };
  std::vector<bool> drop(candidates.size(), false);
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& repair = candidates[i];
    if (repair.finding.category != Category::kRepair) continue;
    drop[i] = inside_heated(repair.finding.span);
    if (drop[i] || contrast.empty()) continue;
    const Span sn = sentences[repair.sentence].normalized;
    const size_t from = norm.FromOriginal(repair.finding.span.end);
    const size_t until = std::min(sn.end, from + kContextWindow);
    for (size_t pos = from; pos < until; ++pos) {
      if (AnyPhraseAt(ntext, pos, contrast).empty()) continue;
      const size_t turn = norm.ToOriginal({pos, pos + 1}).begin;
      drop[i] = std::any_of(candidates.begin(), candidates.end(), [&](const Candidate& c) {
        return c.sentence == repair.sentence && IsHeated(c.finding.category) &&
               c.finding.span.begin > turn;
      });
      break;
    }
  }
  size_t kept = 0;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (drop[i]) continue;
    if (kept != i) candidates[kept] = std::move(candidates[i]);
    ++kept;
  }
  candidates.resize(kept);
}

// Mild stock phrases of the company categories ("as you know", "friendly reminder", "no one is"),
// and rules marked `company` ("I can't believe"), are everyday business wording; they read as
// tense only beside a counted finding of another category. Alone, they are listed with 0 points.
void Engine::State::HoldBackLoneStockPhrases(std::vector<Candidate>& candidates) const {
  const LanguageData& data = lexicon.data;
  const auto in_company = [&](const Finding& f) {
    return std::find(data.company_categories.begin(), data.company_categories.end(),
                     CategoryName(f.category)) != data.company_categories.end();
  };
  const auto weak = [&](const Candidate& c) {
    return CountsAsHeat(c.finding) && !c.alone &&
           (c.company || (c.finding.points < data.company_points && in_company(c.finding)));
  };
  for (Candidate& c : candidates) {
    if (!weak(c)) continue;
    const bool company = std::any_of(candidates.begin(), candidates.end(), [&](const Candidate& o) {
      return CountsAsHeat(o.finding) && o.finding.category != c.finding.category && !weak(o);
    });
    if (!company) HoldBack(c.finding, target->Note("company"));
  }
}

// Two findings over the same words count once: the stronger keeps its points, the other is listed
// with 0 and names the one that counts. Heated findings are compared with heated ones, repairs
// with repairs ("I'm sorry for the trouble" and "sorry for the trouble" cool once).
void Engine::State::CountOverlapsOnce(std::vector<Candidate>& candidates) const {
  for (const bool repair : {false, true}) {
    std::vector<size_t> order;
    for (size_t i = 0; i < candidates.size(); ++i) {
      const Finding& f = candidates[i].finding;
      if (repair ? f.category == Category::kRepair && f.points < 0 : CountsAsHeat(f)) {
        order.push_back(i);
      }
    }
    if (order.size() < 2) continue;
    // Strongest first; among equals the longer span, then the earlier one.
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      const Finding& fa = candidates[a].finding;
      const Finding& fb = candidates[b].finding;
      const int pa = std::abs(fa.points);
      const int pb = std::abs(fb.points);
      if (pa != pb) return pa > pb;
      return fa.span.size() > fb.span.size();
    });
    std::vector<size_t> kept;
    for (size_t i : order) {
      Finding& f = candidates[i].finding;
      const auto stronger = std::find_if(kept.begin(), kept.end(), [&](size_t k) {
        return candidates[k].finding.span.Overlaps(f.span);
      });
      if (stronger == kept.end()) {
        kept.push_back(i);
      } else {
        HoldBack(f, target->OverlapNote(candidates[*stronger].finding.rule));
      }
    }
  }
}

// Boosters count only in sentences with heated findings, once per rule and sentence, as a share of
// those findings' points. A run of shouted words counts on its own in a calm sentence.
std::vector<Finding> Engine::State::ResolveIntensity(std::vector<Candidate> candidates) {
  std::map<size_t, int> heated;  // sentence -> points of heated findings
  for (const Candidate& c : candidates) {
    if (IsHeated(c.finding.category)) heated[c.sentence] += c.finding.points;
  }
  // A booster word counts with the heated findings next to it; the others with the whole sentence.
  const auto near_points = [&](const Candidate& booster) {
    int points = 0;
    for (const Candidate& c : candidates) {
      if (c.sentence != booster.sentence || !IsHeated(c.finding.category)) continue;
      const Span a = booster.finding.span;
      const Span b = c.finding.span;
      const size_t gap =
          a.end <= b.begin ? b.begin - a.end : (b.end <= a.begin ? a.begin - b.end : 0);
      if (gap <= kBoostReach) points += c.finding.points;
    }
    return points;
  };
  std::vector<Finding> out;
  std::vector<std::pair<size_t, std::string>> boosted;  // (sentence, rule) already counted
  for (Candidate& c : candidates) {
    if (c.finding.category == Category::kIntensity) {
      const int base = !heated.count(c.sentence) ? 0 : c.near ? near_points(c) : heated[c.sentence];
      const std::pair<size_t, std::string> key{c.sentence, c.finding.rule};
      if ((base <= 0 && c.standalone <= 0) ||
          std::find(boosted.begin(), boosted.end(), key) != boosted.end()) {
        continue;
      }
      boosted.push_back(key);
      c.finding.points =
          base <= 0 ? c.standalone
                    : std::max(1, static_cast<int>(std::lround(base * c.boost_percent / 100.0)));
    }
    out.push_back(std::move(c.finding));
  }
  return out;
}

Result<Engine> Engine::Create(Lexicon lexicon) {
  auto rules = RuleSet::Compile(lexicon.rules);
  if (!rules) return rules.error();
  auto state = std::make_unique<State>(std::move(lexicon), std::move(*rules));
  auto target = TargetCheck::Create(state->lexicon.data);
  if (!target) return target.error();
  state->target.emplace(std::move(*target));
  state->dictionary = Dictionary::Open(state->lexicon.data.caps_dictionary);
  return Engine(std::move(state));
}

Engine::Engine(std::unique_ptr<State> state) : state_(std::move(state)) {}
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;
Engine::~Engine() = default;

const Lexicon& Engine::lexicon() const { return state_->lexicon; }

TextAnalysis Engine::Analyze(std::string_view text) const {
  TextAnalysis result;
  if (text.empty()) return result;
  const NormalizedText norm = NormalizedText::Build(text);
  std::vector<Sentence> sentences;
  for (const Span& s : SentenceSpans(UnwrapLines(text))) {
    sentences.push_back({s, {norm.FromOriginal(s.begin), norm.FromOriginal(s.end)}});
  }
  if (sentences.empty()) sentences.push_back({{0, text.size()}, {0, norm.text().size()}});

  std::vector<Candidate> candidates;
  state_->LexiconFindings(text, norm, sentences, candidates);
  state_->YouFindings(text, norm, sentences, candidates);
  state_->ShoutFindings(text, sentences, candidates);
  for (Candidate& c : candidates) SetContext(c.finding, sentences[c.sentence], text);

  state_->DropContradictedRepairs(norm, sentences, candidates);
  state_->HoldBackLoneStockPhrases(candidates);
  state_->CountOverlapsOnce(candidates);
  result.findings = State::ResolveIntensity(std::move(candidates));
  std::stable_sort(
      result.findings.begin(), result.findings.end(), [](const Finding& a, const Finding& b) {
        return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.rule < b.rule;
      });
  result.heat = HeatOf(result.findings);
  return result;
}

}  // namespace tonewatch
