#include "analyzers/pipeline/text_pipeline.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "analyzers/base/hash.h"
#include "analyzers/readers/sniff.h"
#include "analyzers/readers/text_reader.h"
#include "analyzers/text/charset.h"
#include "analyzers/text/utf8.h"

namespace tonewatch {
namespace {

// This many invalid sequences at the start of a text mean it is in another charset.
constexpr size_t kMinDamageForCharset = 8;

void NoteDamage(const SanitizedText& clean, const std::string& name, uint64_t base,
                std::vector<Notice>& out) {
  for (const Utf8Damage& d : clean.damage) {
    out.push_back({fmt::format("{}:byte {}", name, base + d.offset),
                   d.nul ? std::string("NUL byte replaced with U+FFFD")
                         : fmt::format("invalid UTF-8 ({} byte{}) replaced with U+FFFD", d.length,
                                       d.length == 1 ? "" : "s")});
  }
  if (clean.damage_count > clean.damage.size()) {
    out.push_back({name, fmt::format("{} more damaged places replaced with U+FFFD",
                                     clean.damage_count - clean.damage.size())});
  }
}

}  // namespace

Result<ThreadReport> AnalyzeTextSource(const Engine& engine, ByteSource& source,
                                       size_t piece_bytes) {
  ThreadReport thread;
  thread.source = source.name();
  MessageReport message;
  PieceReader reader(source, std::min(piece_bytes, Engine::kMaxTextBytes));
  std::string piece;
  uint64_t offset = 0;
  size_t analyzed_bytes = 0;  // offsets of later pieces continue after earlier ones
  Fnv1a hash;
  bool first = true;
  std::string charset;  // empty: UTF-8
  for (;;) {
    auto more = reader.Next(&piece, &offset);
    if (!more) return more.error();
    if (!*more) break;
    if (first) {
      if (std::string reason = BinaryReason(piece); !reason.empty()) {
        return Err(ErrorCode::kBadInput, source.name(),
                   fmt::format("looks like binary data ({})", reason), "not analyzed");
      }
    }
    SanitizedText clean;
    std::optional<DecodedText> decoded;
    if (charset.empty()) {
      clean = SanitizeUtf8(piece);
      // Not UTF-8 from the start: a legacy 8-bit or CJK charset, detected with ICU and used for
      // every piece (a charset does not change within a file). A few stray bad bytes in UTF-8
      // text are damage, not another charset: they become U+FFFD and are reported.
      if (first && clean.damage_count >= kMinDamageForCharset) {
        DecodedText detected = DetectAndDecode(piece);
        if (detected.charset != "UTF-8" && !detected.damaged) {
          charset = detected.charset;
          thread.errors.push_back(
              {source.name(), fmt::format("not UTF-8; read as {} (detected)", charset)});
          decoded = std::move(detected);
        }
      }
    } else {
      decoded = DecodeCharset(piece, charset);
    }
    if (decoded) {
      clean = SanitizedText{};
      clean.text = std::move(decoded->text);
      if (decoded->damaged) {
        thread.errors.push_back(
            {fmt::format("{}:byte {}", source.name(), offset),
             fmt::format("bytes not valid in {} replaced with U+FFFD", charset)});
      }
    } else {
      NoteDamage(clean, source.name(), offset, thread.errors);
    }
    hash.Add(clean.text);
    TextAnalysis analysis = engine.Analyze(clean.text);
    for (Finding& f : analysis.findings) {
      if (message.findings.size() >= kMaxFindingsPerMessage) {
        ++message.omitted_findings;
        continue;
      }
      f.span.begin += analyzed_bytes;
      f.span.end += analyzed_bytes;
      message.findings.push_back(std::move(f));
    }
    analyzed_bytes += clean.text.size();
    first = false;
  }
  if (message.omitted_findings > 0) {
    thread.errors.push_back(
        {source.name(), fmt::format("{} findings past the first {} not listed",
                                    message.omitted_findings, kMaxFindingsPerMessage)});
  }
  message.heat = HeatOf(message.findings);
  thread.thread = fmt::format("t{}", hash.Hex());
  message.id = fmt::format("m{}", hash.Hex());
  thread.heat = message.heat;
  thread.messages.push_back(std::move(message));
  return thread;
}

Result<void> AnalyzeLines(const Engine& engine, ByteSource& source, size_t max_line,
                          const std::function<void(const LineResult&)>& sink) {
  max_line = std::min(max_line, Engine::kMaxTextBytes);
  LineReader reader(source, max_line);
  Line line;
  for (;;) {
    auto more = reader.Next(&line);
    if (!more) return more.error();
    if (!*more) return Ok();
    LineResult result;
    result.line = line.number;
    if (line.too_long) {
      result.skipped = true;
      result.errors.push_back({fmt::format("{}:{}", source.name(), line.number),
                               fmt::format("line is {} bytes; lines over {} bytes are not analyzed",
                                           line.length, max_line)});
    } else {
      SanitizedText clean = SanitizeUtf8(line.text);
      NoteDamage(clean, source.name(), line.offset, result.errors);
      result.analysis = engine.Analyze(clean.text);
    }
    sink(result);
  }
}

}  // namespace tonewatch
