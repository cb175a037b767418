#include "analyzers/analysis/words.h"

#include <algorithm>

namespace tonewatch {

bool IsWordByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '\'' ||
         u >= 0x80;
}

bool PhraseAt(std::string_view text, size_t pos, std::string_view phrase) {
  if (phrase.empty() || pos > text.size() || text.size() - pos < phrase.size()) return false;
  if (text.compare(pos, phrase.size(), phrase) != 0) return false;
  if (pos > 0 && IsWordByte(text[pos - 1]) && IsWordByte(phrase.front())) return false;
  const size_t end = pos + phrase.size();
  return end == text.size() || !IsWordByte(text[end]) || !IsWordByte(phrase.back());
}

std::string_view AnyPhraseAt(std::string_view text, size_t pos,
                             const std::vector<std::string>& phrases) {
  for (const std::string& phrase : phrases) {
    if (PhraseAt(text, pos, phrase)) return phrase;
  }
  return {};
}

std::string_view WordBefore(std::string_view text, size_t pos) {
  size_t end = std::min(pos, text.size());
  while (end > 0 && text[end - 1] == ' ') --end;
  size_t begin = end;
  while (begin > 0 && IsWordByte(text[begin - 1])) --begin;
  return text.substr(begin, end - begin);
}

size_t NextWordStart(std::string_view text, size_t pos) {
  while (pos < text.size() && text[pos] == ' ') ++pos;
  return pos < text.size() && IsWordByte(text[pos]) ? pos : std::string_view::npos;
}

size_t WordEnd(std::string_view text, size_t pos) {
  while (pos < text.size() && IsWordByte(text[pos])) ++pos;
  return pos;
}

std::vector<std::string_view> ClauseWordsBefore(std::string_view text, int count,
                                                const std::vector<std::string>& clause_breaks) {
  std::vector<std::string_view> words;
  size_t end = text.size();
  while (static_cast<int>(words.size()) < count && end > 0) {
    const char c = text[end - 1];
    if (c == ' ' || c == '"' || c == '(' || c == ')') {
      --end;
      continue;
    }
    if (!IsWordByte(c)) break;  // , ; : . ! ? and the like end the clause
    size_t begin = end;
    while (begin > 0 && IsWordByte(text[begin - 1])) --begin;
    std::string_view word = text.substr(begin, end - begin);
    if (std::find(clause_breaks.begin(), clause_breaks.end(), word) != clause_breaks.end()) break;
    words.push_back(word);
    end = begin;
  }
  return words;
}

bool IsNegated(std::string_view before, int window, const std::vector<std::string>& negators,
               const std::vector<std::string>& clause_breaks) {
  const std::vector<std::string_view> words = ClauseWordsBefore(before, window, clause_breaks);
  for (size_t i = 0; i < words.size(); ++i) {
    // "This not only reflects poorly on your team": "not only" adds, it does not negate.
    if (words[i] == "not" && i > 0 && words[i - 1] == "only") continue;
    if (std::find(negators.begin(), negators.end(), words[i]) != negators.end()) return true;
    if (words[i].size() > 3 && words[i].substr(words[i].size() - 3) == "n't") return true;
  }
  return false;
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string FoldWhitespace(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace tonewatch
