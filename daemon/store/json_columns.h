#pragma once

// nlohmann-json's seam for the store: the few columns that hold small structures as JSON text.
// Encoding never throws (text that is not UTF-8 is written with U+FFFD); decoding returns an Error
// naming the column instead of throwing.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/base/result.h"
#include "analyzers/report/report.h"

namespace tonewatch::daemon {

std::string EncodeStrings(const std::vector<std::string>& strings);
std::string EncodeMoveOffEmail(const MoveOffEmail& move);
std::string EncodeUnanswered(const Unanswered& unanswered);
std::string EncodeReplyPlan(const ReplyPlan& plan);
std::string EncodeNotices(const std::vector<Notice>& notices);

// Each decodes what the matching Encode wrote. `column` names the column and row for the error
// ("threads.reply_plan of thread t1").
Result<std::vector<std::string>> DecodeStrings(std::string_view text, std::string_view column);
Result<MoveOffEmail> DecodeMoveOffEmail(std::string_view text, std::string_view column);
Result<Unanswered> DecodeUnanswered(std::string_view text, std::string_view column);
Result<ReplyPlan> DecodeReplyPlan(std::string_view text, std::string_view column);
Result<std::vector<Notice>> DecodeNotices(std::string_view text, std::string_view column);

}  // namespace tonewatch::daemon
