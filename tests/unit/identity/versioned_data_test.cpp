#include "ockam/identity/versioned_data.hpp"

#include <string_view>

#include <gtest/gtest.h>

#include "ockam/identity/constants.hpp"

namespace ockam::identity {
namespace {

Bytes hex(std::string_view text) {
  return from_hex(text).value();
}

TEST(VersionedDataTest, EncodesVersionTypeAndPayload) {
  EXPECT_EQ(to_hex(encode_versioned_data(kChangeDataType, Bytes{1, 2, 3})), "83010143010203");
}

TEST(VersionedDataTest, DecodeReturnsThePayloadOfTheExpectedType) {
  Bytes encoded = encode_versioned_data(kCredentialDataType, Bytes{9});
  auto payload = decode_versioned_data(encoded, kCredentialDataType);
  ASSERT_TRUE(payload);
  EXPECT_EQ(to_hex(*payload), "09");
}

TEST(VersionedDataTest, DecodeRejectsAnotherVersionOrType) {
  auto version = decode_versioned_data(hex("83020141ff"), 1);
  ASSERT_FALSE(version);
  EXPECT_EQ(version.error().kind(), Kind::kUnsupported);
  auto type = decode_versioned_data(hex("83010241ff"), 1);
  ASSERT_FALSE(type);
  EXPECT_EQ(type.error().kind(), Kind::kInvalid);
}

TEST(VersionedDataTest, DecodeRejectsMalformedInput) {
  const char* rejected[] = {"830101",     "83010141",   "83010141ff00",
                            "82010141ff", "8301016141", "831901000141ff"};
  for (const char* item : rejected) {
    auto payload = decode_versioned_data(hex(item), 1);
    ASSERT_FALSE(payload) << item;
    EXPECT_EQ(payload.error().kind(), Kind::kParse) << item;
  }
}

TEST(VersionedDataTest, DecodeSkipsUnknownTrailingFields) {
  Bytes encoded = hex("84010141ff63616263");  // [1, 1, h'ff', "abc"]
  auto payload = decode_versioned_data(encoded, 1);
  ASSERT_TRUE(payload);
  EXPECT_EQ(to_hex(*payload), "ff");
}

}  // namespace
}  // namespace ockam::identity
