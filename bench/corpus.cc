#include "bench/corpus.h"

#include <array>
#include <string_view>

namespace tonewatch::bench {
namespace {

constexpr std::array<std::string_view, 16> kSentences = {
    "Thanks for the update on the migration, the new dashboard looks great.",
    "Could you send over the revised quote when you have a moment?",
    "Let me know if you have any questions about the rollout plan.",
    "You never sent the report you promised last Tuesday.",
    "This is the third time I am asking for the same invoice correction.",
    "Per my last email, the deadline was Friday and nothing has arrived.",
    "I understand the delay and I appreciate your patience with us.",
    "Your team dropped the ball on the release and we lost a whole day.",
    "If this is not fixed by Monday we will have to escalate to your manager.",
    "The meeting notes are attached; see you at the review on Thursday.",
    "Frankly this is UNACCEPTABLE and a complete waste of our time!!!",
    "Sorry for the confusion, here is what I will do next.",
    "We are still waiting for a reply, please respond ASAP.",
    "With all due respect, you clearly didn't read the specification.",
    "Happy to jump on a call tomorrow to walk through the options.",
    "The numbers for the third quarter are in the shared folder.",
};

}  // namespace

std::string MakeCorpus(size_t bytes, uint32_t seed) {
  std::string out;
  out.reserve(bytes + 256);
  uint32_t state = seed;
  size_t in_paragraph = 0;
  while (out.size() < bytes) {
    state = state * 1664525u + 1013904223u;  // LCG: deterministic, no <random> state to seed
    out.append(kSentences[(state >> 16) % kSentences.size()]);
    if (++in_paragraph == 4) {
      out.push_back('\n');
      in_paragraph = 0;
    } else {
      out.push_back(' ');
    }
  }
  const size_t cut = out.rfind('\n', bytes);
  out.resize(cut == std::string::npos ? bytes : cut + 1);
  return out;
}

}  // namespace tonewatch::bench
