// nlohmann-json's seam for transcripts: its SAX parser runs inside one try block (ReadJsonCues);
// nothing it throws leaves this file.
#include "analyzers/readers/transcript/json_transcript_reader.h"

#include <fmt/format.h>

#include <cmath>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>

#include "analyzers/readers/transcript/timestamp.h"
#include "analyzers/text/utf8.h"

namespace tonewatch {
namespace {

using json = nlohmann::json;

// Seconds past this (about 300 years) are not a recording time but damage.
constexpr double kMaxSeconds = 1e10;

// The decoded, cleaned lines of the source as one stream of characters for the parser, with the
// line of the current character. Stops early (looks like the end) on a read error, and when one
// value runs past kMaxJsonValueBytes since the last parser event.
class JsonChars {
 public:
  JsonChars(TranscriptLines& lines, size_t max_value_bytes)
      : lines_(lines), max_value_bytes_(max_value_bytes) {}

  bool AtEnd() {
    if (overlong_) return true;
    while (pos_ >= buffer_.size()) {
      if (stopped_ || !Fetch()) return true;
    }
    return false;
  }
  char Current() const { return buffer_[pos_]; }
  void Advance() {
    ++pos_;
    if (++since_event_ > max_value_bytes_) stopped_ = overlong_ = true;
  }
  void MarkEvent() { since_event_ = 0; }

  uint64_t line() const { return line_; }
  bool overlong() const { return overlong_; }
  bool exhausted() const { return exhausted_; }
  const std::optional<Error>& error() const { return error_; }

 private:
  bool Fetch() {
    TextLine line;
    auto more = lines_.Next(&line);
    if (!more) error_ = more.error();
    if (!more || !*more) {
      stopped_ = true;
      exhausted_ = more.has_value();
      return false;
    }
    // Lines are joined with the line break they had; the pieces of one long line are not.
    buffer_.clear();
    if (line_ > 0 && !line.continued) buffer_.push_back('\n');
    buffer_.append(line.text);
    pos_ = 0;
    line_ = line.number;
    return true;
  }

  TranscriptLines& lines_;
  const size_t max_value_bytes_;
  std::string buffer_;
  size_t pos_ = 0;
  uint64_t line_ = 0;
  size_t since_event_ = 0;
  bool stopped_ = false;
  bool overlong_ = false;
  bool exhausted_ = false;  // the source ended (not a read error, not a value too long)
  std::optional<Error> error_;
};

// The input iterator nlohmann-json reads JsonChars through; the default one is the end.
struct JsonCharIterator {
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = char;

  JsonChars* chars = nullptr;

  char operator*() const { return chars->Current(); }
  JsonCharIterator& operator++() {
    chars->Advance();
    return *this;
  }
  bool AtEnd() const { return chars == nullptr || chars->AtEnd(); }
  bool operator==(const JsonCharIterator& other) const { return AtEnd() == other.AtEnd(); }
};

// One element of the array, as read so far.
struct Element {
  uint64_t index = 0;  // 1-based
  uint64_t line = 0;
  bool object = false;
  std::string key;
  std::string speaker;
  std::optional<std::string> text;
  std::optional<int64_t> start_ms;
  std::optional<int64_t> end_ms;
};

// Turns SAX events into cues. Depth 0 is outside everything, 1 inside the array, 2 inside an
// element, deeper inside a value we ignore.
class TurnsHandler : public nlohmann::json_sax<json> {
 public:
  TurnsHandler(JsonChars& chars, NoticeLog& log, const CueSink& sink, size_t max_value_bytes)
      : chars_(chars), log_(log), sink_(sink), max_value_bytes_(max_value_bytes) {}

  bool null() override { return Scalar(std::nullopt, "null"); }
  bool boolean(bool) override { return Scalar(std::nullopt, "a boolean"); }
  bool number_integer(number_integer_t value) override {
    return Number(static_cast<double>(value), std::to_string(value));
  }
  bool number_unsigned(number_unsigned_t value) override {
    return Number(static_cast<double>(value), std::to_string(value));
  }
  bool number_float(number_float_t value, const string_t& raw) override {
    return Number(value, raw);
  }
  bool string(string_t& value) override { return Scalar(std::move(value), "a string"); }
  bool binary(binary_t&) override { return Scalar(std::nullopt, "binary"); }
  bool key(string_t& value) override {
    chars_.MarkEvent();
    if (depth_ == 2) element_.key = std::move(value);
    return true;
  }
  bool start_object(std::size_t) override { return Open(true); }
  bool start_array(std::size_t) override { return Open(false); }
  bool end_object() override { return Close(); }
  bool end_array() override { return Close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override;

  const CueStats& stats() const { return stats_; }
  const std::optional<std::string>& fatal() const { return fatal_; }

 private:
  bool Open(bool object);
  bool Close();
  bool Number(double seconds, std::string raw);
  bool Scalar(std::optional<std::string> value, std::string_view kind);
  void Field(const std::optional<std::string>& value, std::optional<double> seconds,
             std::string_view kind);
  void FinishElement();
  void Problem(std::string message) {
    log_.AtLine(element_.line, fmt::format("element {}: {}", element_.index, message));
  }

  JsonChars& chars_;
  NoticeLog& log_;
  const CueSink& sink_;
  const size_t max_value_bytes_;
  CueStats stats_;
  int depth_ = 0;
  bool array_closed_ = false;
  uint64_t elements_ = 0;
  Element element_;
  std::optional<std::string> fatal_;
};

bool TurnsHandler::Open(bool object) {
  chars_.MarkEvent();
  if (depth_ == 0 && object) {
    fatal_ = "expected a JSON array of turns, found an object";
    return false;
  }
  if (depth_ == 1) {
    element_ = Element{++elements_, chars_.line(), object, {}, {}, {}, {}, {}};
    if (!object) {
      ++stats_.unusable;
      Problem("an array, not an object; skipped");
    }
  } else if (depth_ == 2) {
    Field(std::nullopt, std::nullopt, object ? "an object" : "an array");
  }
  ++depth_;
  return true;
}

bool TurnsHandler::Close() {
  chars_.MarkEvent();
  --depth_;
  if (depth_ == 1 && element_.object) {
    FinishElement();
    element_.object = false;
  }
  if (depth_ == 0) array_closed_ = true;
  return true;
}

bool TurnsHandler::Number(double seconds, std::string raw) {
  chars_.MarkEvent();
  if (depth_ != 2) return Scalar(std::nullopt, "a number");
  Field(raw, seconds, "a number");
  return true;
}

bool TurnsHandler::Scalar(std::optional<std::string> value, std::string_view kind) {
  chars_.MarkEvent();
  if (depth_ == 0) {
    fatal_ = fmt::format("expected a JSON array of turns, found {}", kind);
    return false;
  }
  if (depth_ == 1) {
    element_ = Element{++elements_, chars_.line(), false, {}, {}, {}, {}, {}};
    ++stats_.unusable;
    Problem(fmt::format("{}, not an object; skipped", kind));
  } else if (depth_ == 2) {
    Field(value, std::nullopt, kind);
  }
  return true;
}

// A value of the current element: `value` is a string's or number's text, `seconds` a number's
// value.
void TurnsHandler::Field(const std::optional<std::string>& value, std::optional<double> seconds,
                         std::string_view kind) {
  const std::string& key = element_.key;
  const bool is_string = kind == "a string";
  if (key == "speaker") {
    if (value && (is_string || seconds)) element_.speaker = SanitizeUtf8(*value).text;
    if (!value && kind != "null") Problem(fmt::format("\"speaker\" is {}; ignored", kind));
  } else if (key == "text") {
    if (is_string) element_.text = *value;
    if (!is_string && kind != "null") Problem(fmt::format("\"text\" is {}, not a string", kind));
  } else if (key == "start" || key == "end") {
    std::optional<int64_t> ms;
    if (seconds && std::isfinite(*seconds) && *seconds >= 0 && *seconds < kMaxSeconds) {
      ms = std::llround(*seconds * 1000);
    } else if (is_string) {
      ms = ParseTimestamp(*value);
    }
    if (!ms && kind != "null") {
      Problem(fmt::format("\"{}\" is not seconds nor a timestamp ({}); ignored", key,
                          value ? *value : std::string(kind)));
    }
    (key == "start" ? element_.start_ms : element_.end_ms) = ms;
  }
}

void TurnsHandler::FinishElement() {
  if (!element_.text) {
    Problem("no \"text\"; skipped");
    return;
  }
  SanitizedText clean = SanitizeUtf8(*element_.text);
  if (clean.damage_count > 0) Problem("NUL characters in \"text\" replaced with U+FFFD");
  const size_t begin = clean.text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) {
    Problem("turn without text; skipped");
    return;
  }
  clean.text.erase(0, begin);
  clean.text.erase(clean.text.find_last_not_of(" \t\r\n") + 1);
  Cue cue{std::move(element_.speaker), element_.start_ms, element_.end_ms, std::move(clean.text),
          element_.line};
  ++stats_.cues;
  sink_(std::move(cue));
}

bool TurnsHandler::parse_error(std::size_t, const std::string&,
                               const nlohmann::detail::exception& e) {
  if (!array_closed_) ++stats_.unusable;
  if (chars_.overlong()) {
    log_.AtLine(chars_.line(), fmt::format("a JSON value longer than {}; stopped reading here",
                                           max_value_bytes_ % (1 << 20) == 0
                                               ? fmt::format("{} MiB", max_value_bytes_ >> 20)
                                               : fmt::format("{} bytes", max_value_bytes_)));
  } else if (array_closed_) {
    log_.AtLine(chars_.line(), "text after the closing ']' ignored");
  } else if (chars_.exhausted() && chars_.AtEnd()) {
    log_.AtLine(chars_.line(), fmt::format("the JSON ends before the array is closed (truncated?); "
                                           "{} turns read",
                                           stats_.cues));
  } else {
    // nlohmann's message: "[json.exception.parse_error.101] parse error at line 3, column 5: ...".
    std::string_view what = e.what();
    if (const size_t colon = what.find(": "); colon != std::string_view::npos) {
      what.remove_prefix(colon + 2);
    }
    log_.AtLine(chars_.line(), fmt::format("JSON syntax error ({}); stopped reading here", what));
  }
  return false;
}

}  // namespace

Result<CueStats> ReadJsonCues(TranscriptLines& lines, NoticeLog& log, const CueSink& sink,
                              size_t max_value_bytes) {
  JsonChars chars(lines, max_value_bytes);
  TurnsHandler handler(chars, log, sink, max_value_bytes);
  try {
    json::sax_parse(JsonCharIterator{&chars}, JsonCharIterator{}, &handler);
  } catch (const json::exception& e) {
    log.AtLine(chars.line(), fmt::format("JSON reader stopped: {}", e.what()));
  }
  if (chars.error()) return *chars.error();
  if (handler.fatal()) {
    return Err(ErrorCode::kBadInput, fmt::format("{}:{}", log.source(), chars.line()),
               *handler.fatal(),
               "a JSON transcript is an array of {\"speaker\", \"text\"} objects");
  }
  return handler.stats();
}

}  // namespace tonewatch
