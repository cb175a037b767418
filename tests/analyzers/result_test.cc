#include "analyzers/base/result.h"

#include <gtest/gtest.h>

namespace tonewatch {
namespace {

Result<int> Half(int n) {
  if (n % 2 != 0) return Err(ErrorCode::kUsage, "half", "odd number", "pass an even one");
  return n / 2;
}

TEST(Result, CarriesValue) {
  auto r = Half(8);
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, 4);
}

TEST(Result, CarriesErrorWithWhereAndHint) {
  auto r = Half(3);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kUsage);
  EXPECT_EQ(r.error().ToString(), "half: odd number (pass an even one)");
}

TEST(Result, VoidResult) {
  Result<void> ok = Ok();
  EXPECT_TRUE(ok);
  Result<void> bad = Err(ErrorCode::kInternal, "", "boom");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().ToString(), "boom");
}

}  // namespace
}  // namespace tonewatch
