#include "ockam/identity/change_history.hpp"

#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "ockam/identity/constants.hpp"

namespace ockam::identity {
namespace {

Bytes hex(std::string_view text) {
  return from_hex(text).value();
}

// Ockam's identity.rs test_display history: one Ed25519 change.
constexpr std::string_view kData =
    "830101583285f68200815820f405e06d988fa8039cce1cd0ae607e46847c1b64bc459ca9d89dd9b21ae30681f41a"
    "654cebe91a7818eee9";
constexpr std::string_view kSignature =
    "494c9b70e8a9ad5593fceb478f722a513b4bd39fa70f4265d584253bc24617d0eb498ce532273f6d0d5326921e01"
    "3696fce57c20cc6c4008f74b816810f0b009";

// The signature as its CBOR enum: [0 Ed25519, [bytes(64)]].
const std::string kSignatureItem = "8200815840" + std::string(kSignature);

std::string history_hex() {
  return "81825837" + std::string(kData) + kSignatureItem;  // [[bytes(55) data, signature]]
}

TEST(ChangeHistoryTest, DecodesOckamsHistory) {
  auto history = decode_change_history(hex(history_hex()));
  ASSERT_TRUE(history);
  ASSERT_EQ(history->changes.size(), 1u);
  const Change& change = history->changes[0];
  EXPECT_EQ(to_hex(change.data), kData);
  EXPECT_EQ(change.signature.type, vault::SigningKeyType::kEd25519);
  EXPECT_EQ(to_hex(change.signature.bytes), kSignature);
  EXPECT_FALSE(change.previous_signature);
  EXPECT_EQ(to_hex(change.hash()),
            "923829d0397a06fa862be5a87b7966959b8ef99ab6455b843ca9131a747b4819");

  auto data = change.decode_data();
  ASSERT_TRUE(data);
  EXPECT_FALSE(data->previous_change);
  EXPECT_EQ(data->primary_public_key.type, vault::SigningKeyType::kEd25519);
  EXPECT_EQ(to_hex(data->primary_public_key.key),
            "f405e06d988fa8039cce1cd0ae607e46847c1b64bc459ca9d89dd9b21ae30681");
  EXPECT_FALSE(data->revoke_all_purpose_keys);
  EXPECT_EQ(data->attestations_valid_from, 0x654cebe9u);
  EXPECT_EQ(data->attestations_valid_until, 0x7818eee9u);
}

TEST(ChangeHistoryTest, EncodesBackToTheSameBytes) {
  Bytes original = hex(history_hex());
  auto history = decode_change_history(original);
  ASSERT_TRUE(history);
  EXPECT_EQ(encode_change_history(*history), original);
  auto data = history->changes[0].decode_data();
  ASSERT_TRUE(data);
  EXPECT_EQ(to_hex(encode_change_data(*data)), std::string(kData).substr(10));
}

TEST(ChangeHistoryTest, ChangeDataRoundTripsWithAPreviousChangeAndAP256Key) {
  ChangeData data;
  data.previous_change = ChangeHash{};
  data.previous_change->fill(0xab);
  data.primary_public_key = {vault::SigningKeyType::kP256, Bytes(65, 4)};
  data.revoke_all_purpose_keys = true;
  data.attestations_valid_from = 1;
  data.attestations_valid_until = 0x1'0000'0000;
  Bytes encoded = encode_change_data(data);
  EXPECT_EQ(to_hex(encoded).substr(0, 6), "855820");
  auto decoded = decode_change_data(encoded);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(*decoded, data);
}

TEST(ChangeHistoryTest, APreviousSignatureRoundTrips) {
  Change change;
  change.data = {1, 2};
  change.signature.type = vault::SigningKeyType::kP256;
  change.previous_signature = vault::Signature{};
  change.previous_signature->bytes[0] = 7;
  ChangeHistory history{{change, change}};
  Bytes encoded = encode_change_history(history);
  EXPECT_EQ(to_hex(encoded).substr(0, 6), "828342");
  auto decoded = decode_change_history(encoded);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(*decoded, history);
}

TEST(ChangeHistoryTest, ANullOrUnknownPreviousSignatureReadsAsAbsent) {
  // [[h'0102', sig, null]] and [[h'0102', sig, [7, [h'00']]]]
  for (const std::string& third : {std::string("f6"), std::string("8207814100")}) {
    auto history = decode_change_history(hex("8183420102" + kSignatureItem + third));
    ASSERT_TRUE(history) << third;
    EXPECT_FALSE(history->changes[0].previous_signature) << third;
  }
}

TEST(ChangeHistoryTest, UnknownTrailingFieldsAreSkipped) {
  auto history = decode_change_history(hex("8184420102" + kSignatureItem + "f6" + "6378797a"));
  ASSERT_TRUE(history);
  EXPECT_EQ(to_hex(history->changes[0].data), "0102");
}

TEST(ChangeHistoryTest, RejectsMalformedSignaturesAndKeys) {
  std::string short_signature = "8200815830" + std::string(kSignature).substr(0, 96);
  std::string unknown_signature = "8202815840" + std::string(kSignature);
  std::string enum_of_three = "830081584000" + std::string(kSignature).substr(2);
  const std::string rejected[] = {
      "8182420102" + short_signature,
      "8182420102" + unknown_signature,
      "8182420102" + enum_of_three,
      "8181420102",                   // no signature
      "8182620102" + kSignatureItem,  // data is text
  };
  for (const std::string& item : rejected) {
    auto history = decode_change_history(hex(item));
    ASSERT_FALSE(history) << item;
    EXPECT_EQ(history.error().kind(), Kind::kParse);
  }
  // A P-256 key must have 65 bytes: give it the 32 of an Ed25519 key.
  std::string data = std::string(kData).substr(10);
  std::string p256_with_short_key = data.substr(0, 6) + "01" + data.substr(8);
  EXPECT_FALSE(decode_change_data(hex(p256_with_short_key)));
}

TEST(ChangeHistoryTest, RejectsEveryTruncationAndTrailingBytes) {
  Bytes whole = hex(history_hex());
  for (std::size_t size = 0; size < whole.size(); ++size) {
    EXPECT_FALSE(decode_change_history(ByteView(whole).first(size))) << size;
  }
  Bytes trailing = whole;
  trailing.push_back(0);
  auto decoded = decode_change_history(trailing);
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().kind(), Kind::kParse);
}

TEST(ChangeHistoryTest, RejectsMoreThanTheMaximumNumberOfChanges) {
  Change change;
  change.data = {1};
  ChangeHistory history;
  history.changes.assign(kMaxChanges, change);
  EXPECT_TRUE(decode_change_history(encode_change_history(history)));
  history.changes.push_back(change);
  EXPECT_FALSE(decode_change_history(encode_change_history(history)));
}

TEST(ChangeHistoryTest, DecodeDataRejectsAnotherDataType) {
  Change change;
  change.data = hex("8301024180");  // [1, 2 (attestation type), h'80']
  auto data = change.decode_data();
  ASSERT_FALSE(data);
  EXPECT_EQ(data.error().kind(), Kind::kInvalid);
}

}  // namespace
}  // namespace ockam::identity
