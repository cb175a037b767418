#pragma once

#include <string_view>

namespace tonewatch {

// True if `head` (the start of a source, UTF-8 BOM removed) is a call transcript the transcript
// readers handle: WebVTT, SRT, a JSON transcript, or UTF-16/32 text (only captions come so).
bool LooksLikeTranscript(std::string_view head);

}  // namespace tonewatch
