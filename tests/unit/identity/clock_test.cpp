#include "ockam/identity/clock.hpp"

#include <gtest/gtest.h>

namespace ockam::identity {
namespace {

TEST(ClockTest, SystemNowIsSecondsSinceTheUnixEpoch) {
  TimestampInSeconds now = system_now();
  EXPECT_GT(now, 1'700'000'000u);  // after November 2023
  EXPECT_LT(now, 4'102'444'800u);  // before 2100
}

}  // namespace
}  // namespace ockam::identity
