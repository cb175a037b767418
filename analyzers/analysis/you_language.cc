#include "analyzers/analysis/you_language.h"

#include <algorithm>

#include "analyzers/analysis/words.h"

namespace tonewatch {
namespace {

// How many filler words may stand between subject and blame ("you have just never").
constexpr int kMaxFillers = 2;

bool Contains(const std::vector<std::string>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

}  // namespace

YouLanguage::YouLanguage(const LanguageData& data) : data_(data), subjects_(data.you_subjects) {
  std::stable_sort(subjects_.begin(), subjects_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  for (const std::string& s : subjects_) {
    if (!s.empty() && first_bytes_.find(s[0]) == std::string::npos) first_bytes_.push_back(s[0]);
  }
}

std::string_view YouLanguage::SubjectAt(std::string_view sentence, size_t pos) const {
  return AnyPhraseAt(sentence, pos, subjects_);
}

bool YouLanguage::InBenignFrame(std::string_view sentence, size_t pos) const {
  const std::string_view subject = SubjectAt(sentence, pos);
  if (subject.empty()) return false;
  if (Contains(data_.you_benign_before, WordBefore(sentence, pos))) return true;
  const size_t next = NextWordStart(sentence, pos + subject.size());
  return next != std::string_view::npos &&
         !AnyPhraseAt(sentence, next, data_.you_benign_after).empty();
}

std::vector<Span> YouLanguage::Find(std::string_view sentence) const {
  std::vector<Span> out;
  for (size_t pos = 0; pos < sentence.size(); ++pos) {
    // Most positions start no subject: test the first byte before comparing phrases.
    if (first_bytes_.find(sentence[pos]) == std::string::npos) continue;
    if (pos > 0 && IsWordByte(sentence[pos - 1])) continue;
    const std::string_view subject = SubjectAt(sentence, pos);
    if (subject.empty() || InBenignFrame(sentence, pos)) continue;
    size_t at = NextWordStart(sentence, pos + subject.size());
    for (int fillers = 0; at != std::string_view::npos; ++fillers) {
      const std::string_view blame = AnyPhraseAt(sentence, at, data_.you_blame);
      if (!blame.empty()) {
        out.push_back({pos, at + blame.size()});
        break;
      }
      const size_t end = WordEnd(sentence, at);
      if (fillers == kMaxFillers || !Contains(data_.you_fillers, sentence.substr(at, end - at))) {
        break;
      }
      at = NextWordStart(sentence, end);
    }
    if (!out.empty() && out.back().begin == pos) pos = out.back().end;
  }
  return out;
}

}  // namespace tonewatch
