#include "analyzers/readers/transcript_sniff.h"

#include "analyzers/readers/transcript/transcript_format.h"

namespace tonewatch {

bool LooksLikeTranscript(std::string_view head) { return DetectTranscriptFormat(head).has_value(); }

}  // namespace tonewatch
