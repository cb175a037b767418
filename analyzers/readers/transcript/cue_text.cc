#include "analyzers/readers/transcript/cue_text.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>

#include "analyzers/text/utf8.h"

namespace tonewatch {
namespace {

// A character reference is at most this long between '&' and ';' ("&#x10FFFF;").
constexpr size_t kMaxReference = 10;

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The length of the tag at line[at] ('<' ... '>'), or 0 when the '<' does not open one. A tag
// starts with a letter or '/' (or, in WebVTT, a digit: a timestamp tag) and ends at the next '>'
// with no '<' before it.
size_t TagLength(std::string_view line, size_t at, bool digits) {
  if (at + 1 >= line.size()) return 0;
  const char first = line[at + 1];
  if (!IsAsciiLetter(first) && first != '/' && !(digits && IsDigit(first))) return 0;
  const size_t close = line.find('>', at + 1);
  if (close == std::string_view::npos) return 0;
  if (line.substr(at + 1, close - at - 1).find('<') != std::string_view::npos) return 0;
  return close - at + 1;
}

void AppendCodePoint(UChar32 c, std::string* out) {
  std::array<uint8_t, U8_MAX_LENGTH> bytes{};
  int32_t n = 0;
  U8_APPEND_UNSAFE(bytes.data(), n, c);
  out->append(reinterpret_cast<const char*>(bytes.data()), static_cast<size_t>(n));
}

// Decodes the character reference at line[at] ('&') into *out; returns its length, or 0 when it
// is not one we know (the '&' is then text).
size_t DecodeReference(std::string_view line, size_t at, std::string* out) {
  const size_t semicolon = line.find(';', at + 1);
  if (semicolon == std::string_view::npos || semicolon - at - 1 > kMaxReference) return 0;
  const std::string_view name = line.substr(at + 1, semicolon - at - 1);
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kNamed = {{
      {"amp", "&"},
      {"lt", "<"},
      {"gt", ">"},
      {"quot", "\""},
      {"apos", "'"},
      {"nbsp", " "},  // a plain space: analysis treats both alike
      {"lrm", ""},
      {"rlm", ""},  // direction marks carry no words
  }};
  for (const auto& [entity, text] : kNamed) {
    if (name == entity) {
      out->append(text);
      return name.size() + 2;
    }
  }
  if (name.size() < 2 || name[0] != '#') return 0;
  const bool hex = name[1] == 'x' || name[1] == 'X';
  const std::string_view digits = name.substr(hex ? 2 : 1);
  uint32_t value = 0;
  const auto [end, error] =
      std::from_chars(digits.data(), digits.data() + digits.size(), value, hex ? 16 : 10);
  if (error != std::errc() || end != digits.data() + digits.size() || value == 0 ||
      value > 0x10FFFF || U_IS_SURROGATE(value)) {
    return 0;
  }
  AppendCodePoint(static_cast<UChar32>(value), out);
  return name.size() + 2;
}

// "v Speaker Name" or "v.loud.fast Speaker Name": the speaker, or nullopt for another tag.
std::optional<std::string> VoiceOf(std::string_view tag) {
  if (tag.empty() || tag[0] != 'v') return std::nullopt;
  if (tag.size() > 1 && tag[1] != '.' && tag[1] != ' ' && tag[1] != '\t') return std::nullopt;
  const size_t space = tag.find_first_of(" \t");
  if (space == std::string_view::npos) return std::string();
  std::string speaker;
  AppendWords(tag.substr(space + 1), &speaker);
  return speaker;
}

// The length of an ASS override ("{\an8}") at line[at], or 0.
size_t OverrideLength(std::string_view line, size_t at) {
  if (at + 1 >= line.size() || line[at + 1] != '\\') return 0;
  const size_t close = line.find('}', at);
  return close == std::string_view::npos ? 0 : close - at + 1;
}

}  // namespace

size_t TextCutPoint(std::string_view text, size_t max) {
  const std::string_view window = text.substr(0, max);
  if (const size_t space = window.rfind(' '); space != std::string_view::npos && space >= max / 2) {
    return space + 1;
  }
  const size_t cut = Utf8CutPoint(text, max);
  return cut > 0 ? cut : max;
}

void AppendWords(std::string_view piece, std::string* text) {
  bool space = !text->empty();  // a space before the first word of `piece`
  bool in_word = false;
  for (char c : piece) {
    if (c == ' ' || c == '\t') {
      if (in_word) space = true;
      in_word = false;
      continue;
    }
    if (space && !text->empty()) text->push_back(' ');
    space = false;
    in_word = true;
    text->push_back(c);
  }
}

std::vector<VoiceText> CleanVttCue(const std::vector<std::string>& lines, std::string voice) {
  std::vector<VoiceText> out;
  out.push_back({std::move(voice), ""});
  for (const std::string& line : lines) {
    std::string plain;
    for (size_t i = 0; i < line.size();) {
      if (line[i] == '<') {
        if (const size_t length = TagLength(line, i, true); length > 0) {
          const auto speaker = VoiceOf(std::string_view(line).substr(i + 1, length - 2));
          if (speaker && !speaker->empty()) {
            AppendWords(plain, &out.back().text);
            plain.clear();
            if (!out.back().text.empty()) out.push_back({});
            out.back().speaker = *speaker;
          }
          i += length;
          continue;
        }
      }
      if (line[i] == '&') {
        if (const size_t length = DecodeReference(line, i, &plain); length > 0) {
          i += length;
          continue;
        }
      }
      plain.push_back(line[i++]);
    }
    AppendWords(plain, &out.back().text);
  }
  std::erase_if(out, [](const VoiceText& v) { return v.text.empty(); });
  return out;
}

std::string CleanSrtCue(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) {
    std::string plain;
    for (size_t i = 0; i < line.size();) {
      size_t skip = 0;
      if (line[i] == '<') skip = TagLength(line, i, false);
      if (line[i] == '{') skip = OverrideLength(line, i);
      if (skip == 0 && line[i] == '&') skip = DecodeReference(line, i, &plain);
      if (skip > 0) {
        i += skip;
        continue;
      }
      plain.push_back(line[i++]);
    }
    AppendWords(plain, &text);
  }
  return text;
}

}  // namespace tonewatch
