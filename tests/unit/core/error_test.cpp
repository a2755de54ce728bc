#include "ockam/core/error.hpp"

#include <gtest/gtest.h>

#include <string>

namespace ockam {
namespace {

TEST(ErrorTest, WithoutADetailWhatIsTheMessage) {
  Error error(Origin::kTransport, Kind::kIo, "TCP connect failed");
  EXPECT_STREQ(error.what(), "TCP connect failed");
  EXPECT_TRUE(error.detail().empty());
  EXPECT_EQ(error.to_string(), "transport/io: TCP connect failed");
}

TEST(ErrorTest, ADetailFollowsTheMessageInParentheses) {
  Error error = Error(Origin::kTransport, Kind::kIo, "TCP connect failed")
                    .with_detail("127.0.0.1:4000: Connection refused");
  EXPECT_STREQ(error.message(), "TCP connect failed");
  EXPECT_EQ(error.detail(), "127.0.0.1:4000: Connection refused");
  EXPECT_STREQ(error.what(), "TCP connect failed (127.0.0.1:4000: Connection refused)");
  EXPECT_EQ(error.to_string(),
            "transport/io: TCP connect failed (127.0.0.1:4000: Connection refused)");
}

TEST(ErrorTest, CopiesKeepTheDetailAndTheOriginalIsUnchanged) {
  Error plain(Origin::kNode, Kind::kTimeout, "no message arrived before the timeout");
  Error detailed = plain.with_detail("timed out after 30 s");
  Error copy = detailed;
  EXPECT_EQ(copy.detail(), "timed out after 30 s");
  EXPECT_TRUE(plain.detail().empty());
}

TEST(ErrorTest, EqualityComparesOriginAndKindOnly) {
  Error plain(Origin::kNode, Kind::kTimeout, "one message");
  Error detailed = Error(Origin::kNode, Kind::kTimeout, "another").with_detail("timed out");
  EXPECT_EQ(plain, detailed);
  EXPECT_NE(plain, Error(Origin::kNode, Kind::kIo, "one message"));
  EXPECT_NE(plain, Error(Origin::kChannel, Kind::kTimeout, "one message"));
}

TEST(ErrorTest, TimedOutAfterSaysSecondsOrMilliseconds) {
  EXPECT_EQ(timed_out_after(std::chrono::seconds(10)), "timed out after 10 s");
  EXPECT_EQ(timed_out_after(std::chrono::milliseconds(250)), "timed out after 250 ms");
}

}  // namespace
}  // namespace ockam
