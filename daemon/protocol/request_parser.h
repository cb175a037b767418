#pragma once

// Frames the socket's byte stream into request lines. Requests are JSON lines: one JSON text per
// line, ended by "\n" (a "\r" before it is dropped). Bytes arrive in pieces of any size; the
// parser keeps what it has seen of the current line, up to a bound, so a client that never ends
// its line costs at most that bound.

#include <cstddef>
#include <string>
#include <string_view>

namespace tonewatch::daemon {

// The longest request line accepted, without its newline.
inline constexpr size_t kMaxRequestBytes = 64 * 1024;

class RequestParser {
 public:
  enum class Status {
    kGood,      // a complete line is in line()
    kBad,       // the stream cannot be a request stream (see error()); close after replying
    kNeedMore,  // every byte given was consumed; the line is not complete yet
  };

  struct Step {
    Status status;
    size_t consumed;  // bytes of the input used; with kGood, the rest belongs to the next lines
  };

  explicit RequestParser(size_t max_line_bytes = kMaxRequestBytes);

  // Reads `data` up to the end of the first complete line. Blank lines (nothing but spaces and
  // tabs) are skipped, not returned. kBad when the line grows past the bound — as soon as it does,
  // without waiting for its end — or holds a control byte other than tab and CR, which no JSON text
  // contains unescaped (a client speaking another protocol, or binary garbage).
  //
  // After kGood, line() holds the line until the next call. After kBad the parser stays bad and
  // consumes nothing until Reset(): the stream has lost its framing.
  Step Parse(std::string_view data);

  const std::string& line() const { return line_; }
  // Why the last kBad: "request line longer than 65536 bytes", "control byte 0x00 at byte 3".
  const std::string& error() const { return error_; }

  // Forgets any partial line and a bad state.
  void Reset();

 private:
  Step Fail(std::string error, size_t consumed);

  size_t max_line_bytes_;
  std::string line_;
  bool complete_ = false;  // line_ is a complete line already returned
  bool bad_ = false;
  std::string error_;
};

}  // namespace tonewatch::daemon
