#include "analyzers/pipeline/held_reports.h"

#include "analyzers/report/report_codec.h"

namespace tonewatch {

HeldReports::HeldReports() : file_(std::tmpfile()) {}

size_t HeldReports::Add(const MessageReport& report) {
  std::string line = EncodeMessageReport(report);
  if (file_) {
    if (std::fseek(file_.get(), static_cast<long>(end_), SEEK_SET) == 0 &&
        std::fwrite(line.data(), 1, line.size(), file_.get()) == line.size()) {
      entries_.push_back({end_, static_cast<uint32_t>(line.size()), false});
      end_ += line.size();
      return entries_.size() - 1;
    }
    // The disk is full or failing: keep this one, and the rest, in memory.
    file_.reset();
  }
  entries_.push_back({in_memory_.size(), static_cast<uint32_t>(line.size()), true});
  in_memory_.push_back(std::move(line));
  return entries_.size() - 1;
}

std::optional<MessageReport> HeldReports::Get(size_t handle) {
  const Entry& e = entries_.at(handle);
  if (e.in_memory) return DecodeMessageReport(in_memory_[e.offset]);
  if (!file_) return std::nullopt;
  std::string line(e.length, '\0');
  if (std::fseek(file_.get(), static_cast<long>(e.offset), SEEK_SET) != 0 ||
      std::fread(line.data(), 1, line.size(), file_.get()) != line.size()) {
    return std::nullopt;
  }
  return DecodeMessageReport(line);
}

void HeldReports::Clear() {
  entries_.clear();
  in_memory_.clear();
  end_ = 0;
  file_.reset(std::tmpfile());
}

}  // namespace tonewatch
