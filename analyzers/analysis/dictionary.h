#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

struct Hunhandle;

namespace tonewatch {

// A spelling dictionary (hunspell's .aff/.dic pair from Debian's hunspell-en-us), asked one
// question: is this a word of the language? Used to tell a shouted word ("NOT", "AGAIN") from an
// acronym or a name in capitals ("FPGA", "UBS"), which carry no tone.
//
// Open may fail (no such files): callers then fall back to their acronym list. IsWord is const and
// thread-safe (hunspell itself is not, so calls are serialized; they are rare: only words in
// capitals are asked about).
class Dictionary {
 public:
  // `base` is the path without extension ("/usr/share/hunspell/en_US"). nullptr when either file
  // is missing or unreadable.
  static std::unique_ptr<Dictionary> Open(const std::string& base);

  ~Dictionary();
  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;

  // True if `word` (ASCII; any case) is a word in lower case: "not", "again", but not "fpga".
  bool IsWord(std::string_view word) const;

 private:
  explicit Dictionary(Hunhandle* handle) : handle_(handle) {}
  Hunhandle* handle_;
  mutable std::mutex mutex_;
};

}  // namespace tonewatch
