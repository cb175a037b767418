#include "analyzers/lexicon/example_check.h"

#include <fmt/format.h>

#include <algorithm>

namespace tonewatch {
namespace {

bool Fires(const Engine& engine, const std::string& text, const std::string& rule) {
  const TextAnalysis analysis = engine.Analyze(text);
  return std::any_of(analysis.findings.begin(), analysis.findings.end(),
                     [&](const Finding& f) { return f.rule == rule; });
}

}  // namespace

std::vector<std::string> CheckExamples(const Engine& engine) {
  std::vector<std::string> problems;
  for (const Rule& rule : engine.lexicon().rules) {
    for (const std::string& example : rule.match) {
      if (!Fires(engine, example, rule.id)) {
        problems.push_back(
            fmt::format("{}: match example \"{}\" did not fire", rule.Where(), example));
      }
    }
    for (const std::string& example : rule.no_match) {
      if (Fires(engine, example, rule.id)) {
        problems.push_back(fmt::format("{}: no_match example \"{}\" fired", rule.Where(), example));
      }
    }
  }
  return problems;
}

}  // namespace tonewatch
