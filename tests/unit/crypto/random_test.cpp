#include "ockam/crypto/random.hpp"

#include <gtest/gtest.h>

namespace ockam::crypto {
namespace {

TEST(RandomTest, RandomBytesHasTheRequestedLength) {
  EXPECT_EQ(random_bytes(0).size(), 0u);
  EXPECT_EQ(random_bytes(33).size(), 33u);
}

TEST(RandomTest, TwoDrawsDiffer) {
  EXPECT_NE(random_bytes(32), random_bytes(32));
}

TEST(RandomTest, RandomFillOverwritesTheWholeBuffer) {
  Bytes buffer(64, 0);
  random_fill(buffer);
  EXPECT_NE(buffer, Bytes(64, 0));
}

}  // namespace
}  // namespace ockam::crypto
