#include "ockam/core/log_limit.hpp"

#include <gtest/gtest.h>

namespace ockam::log {
namespace {

TEST(LogLimitTest, EscapedWritesControlCharactersAndNonAsciiAsHex) {
  EXPECT_EQ(escaped("echoer"), "echoer");
  EXPECT_EQ(escaped("\x1b[31mred\x1b[0m"), "\\x1b[31mred\\x1b[0m");
  EXPECT_EQ(escaped("line\nbreak\r"), "line\\x0abreak\\x0d");
  EXPECT_EQ(escaped("back\\slash"), "back\\\\slash");
  EXPECT_EQ(escaped(std::string_view("\0\x7f\xff", 3)), "\\x00\\x7f\\xff");
}

TEST(LogLimitTest, RateLimitAdmitsOneLinePerPeriodAndCountsTheRest) {
  RateLimit limit(std::chrono::milliseconds(200));
  auto first = limit.admit();
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(*first, 0u);
  for (int i = 0; i < 1000; ++i) {
    EXPECT_FALSE(limit.admit().has_value());
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  std::optional<std::uint64_t> next;
  while (!next && std::chrono::steady_clock::now() < deadline) {
    next = limit.admit();
  }
  ASSERT_TRUE(next.has_value());
  EXPECT_GE(*next, 1000u);
}

}  // namespace
}  // namespace ockam::log
