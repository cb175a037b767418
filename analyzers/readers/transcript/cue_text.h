#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tonewatch {

// A stretch of cue text and the voice that speaks it.
struct VoiceText {
  std::string speaker;  // from <v Speaker>; empty when the text has no voice tag
  std::string text;
};

// The text of one WebVTT cue without its markup: tags (<c.x>, <i>, <b>, <u>, <ruby>, <rt>,
// <lang en>, timestamps <00:01.000>, their closing forms) dropped; character references (&amp;
// &lt; &gt; &quot; &apos; &nbsp; &lrm; &rlm; &#NN; &#xNN;) decoded; lines joined with a space.
// A <v Speaker> or <v.class Speaker> tag starts a new stretch spoken by Speaker; text before the
// first voice tag belongs to `voice` (the voice of the previous piece of the same cue, or empty).
// Stretches without text are dropped. A '<' that does not open a tag is kept.
std::vector<VoiceText> CleanVttCue(const std::vector<std::string>& lines, std::string voice);

// The text of one SRT cue without its markup: HTML-like tags (<i>, <b>, <u>, <s>, <font ...> and
// their closing forms, any <letters...>) and ASS overrides ({\an8}) dropped; lines joined with a
// space. "2<3,5>1" is text, not a tag, and stays.
std::string CleanSrtCue(const std::vector<std::string>& lines);

// Where to cut `text`, longer than `max` bytes, into a first part of at most `max`: after the
// last space in its second half, else at the last UTF-8 character boundary. Never 0 for max > 3.
size_t TextCutPoint(std::string_view text, size_t max);

// Appends `piece` to `text` with one space between them, dropping white space at both ends of
// `piece` and collapsing runs of spaces and tabs inside it.
void AppendWords(std::string_view piece, std::string* text);

}  // namespace tonewatch
