#include "ockam/core/result.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace ockam {
namespace {

const Error kNotFound(Origin::kNode, Kind::kNotFound, "no worker at the destination address");

Result<int> parse_positive(int value) {
  if (value <= 0) {
    return Error(Origin::kCore, Kind::kInvalid, "value must be positive");
  }
  return value;
}

TEST(ResultTest, HoldsAValue) {
  Result<int> r = parse_positive(3);
  ASSERT_TRUE(r.has_value());
  EXPECT_TRUE(static_cast<bool>(r));
  EXPECT_EQ(*r, 3);
  EXPECT_EQ(r.value(), 3);
  EXPECT_EQ(r.value_or(9), 3);
}

TEST(ResultTest, HoldsAnError) {
  Result<int> r = parse_positive(-1);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().origin(), Origin::kCore);
  EXPECT_EQ(r.error().kind(), Kind::kInvalid);
  EXPECT_STREQ(r.error().message(), "value must be positive");
  EXPECT_EQ(r.value_or(9), 9);
}

TEST(ResultTest, ValueThrowsTheError) {
  Result<std::string> r = kNotFound;
  try {
    (void)r.value();
    FAIL() << "value() returned on an error";
  } catch (const Error& e) {
    EXPECT_EQ(e, kNotFound);
    EXPECT_STREQ(e.what(), "no worker at the destination address");
  }
}

TEST(ResultTest, VoidResultValueThrowsTheError) {
  Result<void> failed = kNotFound;
  EXPECT_FALSE(failed);
  EXPECT_THROW(failed.value(), Error);
  Result<void> good = ok();
  EXPECT_TRUE(good);
  EXPECT_NO_THROW(good.value());
}

TEST(ResultTest, MovesOutMoveOnlyValues) {
  Result<std::unique_ptr<int>> r = std::make_unique<int>(7);
  std::unique_ptr<int> taken = std::move(r).value();
  ASSERT_NE(taken, nullptr);
  EXPECT_EQ(*taken, 7);
}

TEST(ResultTest, ArrowReachesTheValue) {
  Result<std::string> r = std::string("abc");
  EXPECT_EQ(r->size(), 3u);
}

TEST(ErrorTest, ToStringNamesOriginKindAndMessage) {
  EXPECT_EQ(kNotFound.to_string(), "node/not found: no worker at the destination address");
}

TEST(ErrorTest, EqualityComparesOriginAndKindOnly) {
  EXPECT_EQ(kNotFound, Error(Origin::kNode, Kind::kNotFound, "other text"));
  EXPECT_FALSE(kNotFound == Error(Origin::kCore, Kind::kNotFound, "no worker"));
  EXPECT_FALSE(kNotFound == Error(Origin::kNode, Kind::kTimeout, "no worker"));
}

}  // namespace
}  // namespace ockam
