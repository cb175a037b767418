#include "analyzers/lexicon/example_check.h"

#include <fmt/format.h>

#include <algorithm>

#include "analyzers/lexicon/group_references.h"

namespace tonewatch {
namespace {

const Finding* FindingOf(const TextAnalysis& analysis, const std::string& rule) {
  const auto it = std::find_if(analysis.findings.begin(), analysis.findings.end(),
                               [&](const Finding& f) { return f.rule == rule; });
  return it == analysis.findings.end() ? nullptr : &*it;
}

// The suggestion as the lexicon's author wrote it, each "{N}" (the reader's own words) read as the
// "..." the lexicon uses for "fill in here".
std::string WithBlanks(const std::string& suggestion) {
  return ExpandGroupReferences(suggestion, [](int, std::string& out) { out += "..."; });
}

bool Fires(const Engine& engine, const std::string& text, const std::string& rule) {
  return FindingOf(engine.Analyze(text), rule) != nullptr;
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

std::vector<std::string> CheckSuggestions(const Engine& engine) {
  std::vector<std::string> problems;
  for (const Rule& rule : engine.lexicon().rules) {
    // Intensity and repair rules add a share or cool; only heated rules have advice to check.
    if (!rule.suggestion || !IsHeated(rule.category)) continue;
    const std::string advice = WithBlanks(*rule.suggestion);
    const TextAnalysis advised = engine.Analyze(advice);
    if (FindingOf(advised, rule.id) != nullptr) {
      problems.push_back(
          fmt::format("{}: suggestion \"{}\" fires the rule again", rule.Where(), advice));
    } else if (advised.heat >= rule.points) {
      problems.push_back(
          fmt::format("{}: suggestion \"{}\" has heat {}, not below the rule's {} points",
                      rule.Where(), advice, advised.heat, rule.points));
    }
  }
  return problems;
}

}  // namespace tonewatch
