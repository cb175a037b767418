#pragma once

#include <string>

#include "tests/support/test_support.h"

namespace tonewatch::testing {

// Writes `bytes` to dir/name (creating folders) and returns the full path.
std::string WriteIn(const TempDir& dir, const std::string& name, const std::string& bytes);

// A small RFC 5322 message; `extra_headers` and `body` are inserted as given.
std::string Message(const std::string& id, const std::string& from, const std::string& subject,
                    const std::string& body, const std::string& extra_headers = "");

}  // namespace tonewatch::testing
