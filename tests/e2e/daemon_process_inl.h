#pragma once

#include <chrono>
#include <thread>

namespace tonewatch::testing {

template <typename Predicate>
bool Eventually(Predicate predicate, int seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    if (predicate()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return predicate();
}

}  // namespace tonewatch::testing
