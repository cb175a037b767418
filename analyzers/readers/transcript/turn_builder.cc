#include "analyzers/readers/transcript/turn_builder.h"

#include <fmt/format.h>

#include <algorithm>

#include "analyzers/readers/transcript/cue_text.h"
#include "analyzers/readers/transcript/timestamp.h"

namespace tonewatch {
namespace {

std::string Who(const std::string& speaker) {
  return speaker.empty() ? std::string("an unknown speaker") : speaker;
}

}  // namespace

void TurnBuilder::CheckTiming(Cue& cue) {
  if (cue.start_ms && cue.end_ms && *cue.end_ms < *cue.start_ms) {
    log_.AtLine(cue.line,
                fmt::format("cue ends at {}, before it starts at {}; taken as ending "
                            "when it starts",
                            FormatTimestamp(*cue.end_ms), FormatTimestamp(*cue.start_ms)));
    cue.end_ms = cue.start_ms;
  }
  if (!cue.start_ms) return;
  if (previous_) {
    if (*cue.start_ms < *previous_->start_ms) {
      log_.AtLine(cue.line, fmt::format("cue starts at {}, before the previous cue (line {}) "
                                        "started at {}; kept in file order",
                                        FormatTimestamp(*cue.start_ms), previous_->line,
                                        FormatTimestamp(*previous_->start_ms)));
    } else if (previous_->speaker == cue.speaker && previous_->end_ms &&
               *cue.start_ms < *previous_->end_ms) {
      log_.AtLine(cue.line, fmt::format("cue starts at {}, before the previous cue of {} (line {}) "
                                        "ended at {}; kept",
                                        FormatTimestamp(*cue.start_ms), Who(cue.speaker),
                                        previous_->line, FormatTimestamp(*previous_->end_ms)));
    }
  }
  previous_ = Cue{cue.speaker, cue.start_ms, cue.end_ms, {}, cue.line};
}

void TurnBuilder::Add(Cue&& cue) {
  if (cue.text.empty()) return;
  CheckTiming(cue);
  // A turn without an end (a text transcript's stamps give starts only) ends where this cue starts.
  if (open_end_ && current_ && cue.start_ms &&
      (!current_->start_ms || *cue.start_ms >= *current_->start_ms)) {
    current_->end_ms = std::max(current_->end_ms.value_or(*cue.start_ms), *cue.start_ms);
    open_end_ = false;
  }
  if (current_ && current_->author == cue.speaker &&
      current_->text.size() + 1 + cue.text.size() <= max_turn_bytes_) {
    current_->text.push_back(' ');
    current_->text += cue.text;
    if (!current_->start_ms) current_->start_ms = cue.start_ms;
    if (cue.end_ms)
      current_->end_ms = std::max(current_->end_ms.value_or(*cue.end_ms), *cue.end_ms);
    open_end_ = !cue.end_ms;
    return;
  }
  Emit();
  Start(std::move(cue));
}

void TurnBuilder::Start(Cue&& cue) {
  std::string_view text = cue.text;
  bool first = true;
  for (;;) {
    const size_t cut =
        text.size() > max_turn_bytes_ ? TextCutPoint(text, max_turn_bytes_) : text.size();
    DocMessage turn;
    turn.author = cue.speaker;
    turn.source_offset = cue.line;
    turn.text.assign(text.substr(0, cut));
    while (!turn.text.empty() && turn.text.back() == ' ') turn.text.pop_back();
    if (first) {
      turn.start_ms = cue.start_ms;
      turn.end_ms = cue.end_ms;
    }
    text.remove_prefix(cut);
    current_ = std::move(turn);
    open_end_ = first && !cue.end_ms;
    first = false;
    if (text.empty()) return;
    Emit();  // a cut piece is complete: the rest continues in a new turn
  }
}

void TurnBuilder::Emit() {
  if (!current_) return;
  current_->id = fmt::format("turn-{}", ++turns_);
  DocMessage turn = std::move(*current_);
  current_.reset();
  on_turn_(std::move(turn));
}

void TurnBuilder::Finish() { Emit(); }

}  // namespace tonewatch
