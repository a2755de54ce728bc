#include "ockam/identity/purpose_key_attestation.hpp"

#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "ockam/identity/constants.hpp"
#include "ockam/identity/versioned_data.hpp"

namespace ockam::identity {
namespace {

Bytes hex(std::string_view text) {
  return from_hex(text).value();
}
std::string repeat(std::string_view byte, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    out += byte;
  }
  return out;
}

PurposeKeyAttestationData sample_data() {
  PurposeKeyAttestationData data;
  std::array<std::uint8_t, 32> subject{};
  subject.fill(0x01);
  data.subject = Identifier(subject);
  data.subject_latest_change_hash.fill(0x02);
  vault::X25519PublicKey key{};
  key.fill(0x03);
  data.public_key = key;
  data.created_at = 1;
  data.expires_at = 2;
  return data;
}

const std::string kSampleDataHex = "855820" + repeat("01", 32) + "5820" + repeat("02", 32) +
                                   "8200815820" + repeat("03", 32) + "0102";

TEST(PurposeKeyAttestationTest, EncodesASecureChannelKeyAsOckamDoes) {
  EXPECT_EQ(to_hex(encode_purpose_key_attestation_data(sample_data())), kSampleDataHex);
  auto decoded = decode_purpose_key_attestation_data(hex(kSampleDataHex));
  ASSERT_TRUE(decoded);
  EXPECT_EQ(*decoded, sample_data());
}

TEST(PurposeKeyAttestationTest, CredentialSigningKeysRoundTrip) {
  for (auto key : {vault::VerifyingPublicKey{vault::SigningKeyType::kEd25519, Bytes(32, 5)},
                   vault::VerifyingPublicKey{vault::SigningKeyType::kP256, Bytes(65, 4)}}) {
    PurposeKeyAttestationData data = sample_data();
    data.public_key = key;
    Bytes encoded = encode_purpose_key_attestation_data(data);
    // [1 CredentialSigning, [[0 Ed25519 | 1 P-256, [bytes(32 | 65)]]]]
    std::string expected_key =
        key.type == vault::SigningKeyType::kEd25519 ? "8201818200815820" : "8201818201815841";
    EXPECT_NE(to_hex(encoded).find(expected_key), std::string::npos);
    auto decoded = decode_purpose_key_attestation_data(encoded);
    ASSERT_TRUE(decoded);
    EXPECT_EQ(*decoded, data);
  }
}

TEST(PurposeKeyAttestationTest, AttestationRoundTripsAndOpensItsData) {
  PurposeKeyAttestation attestation;
  attestation.data = encode_versioned_data(kPurposeKeyAttestationDataType,
                                           encode_purpose_key_attestation_data(sample_data()));
  attestation.signature.type = vault::SigningKeyType::kP256;
  attestation.signature.bytes.fill(9);
  Bytes encoded = encode_purpose_key_attestation(attestation);
  EXPECT_EQ(to_hex(encoded).substr(0, 4), "8258");
  auto decoded = decode_purpose_key_attestation(encoded);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(*decoded, attestation);
  auto data = decoded->decode_data();
  ASSERT_TRUE(data);
  EXPECT_EQ(*data, sample_data());
}

TEST(PurposeKeyAttestationTest, DecodeDataRejectsAnotherDataType) {
  PurposeKeyAttestation attestation;
  attestation.data = encode_versioned_data(kCredentialDataType,
                                           encode_purpose_key_attestation_data(sample_data()));
  auto data = attestation.decode_data();
  ASSERT_FALSE(data);
  EXPECT_EQ(data.error().kind(), Kind::kInvalid);
}

TEST(PurposeKeyAttestationTest, RejectsMalformedData) {
  std::string head = "855820" + repeat("01", 32) + "5820" + repeat("02", 32);
  const std::string rejected[] = {
      head + "8202815820" + repeat("03", 32) + "0102",         // unknown purpose
      head + "8200815818" + repeat("03", 24) + "0102",         // short X25519 key
      head + "820081820081581f" + repeat("03", 31) + "0102",   // nested enum where bytes expected
      head + "8200815820" + repeat("03", 32) + "01",           // missing expires_at
      head + "8200815820" + repeat("03", 32) + "0102" + "00",  // trailing byte
      "845820" + repeat("01", 32) + "5820" + repeat("02", 32) + "8200815820" + repeat("03", 32) +
          "01",  // array(4)
  };
  for (const std::string& item : rejected) {
    auto data = decode_purpose_key_attestation_data(hex(item));
    ASSERT_FALSE(data) << item;
    EXPECT_EQ(data.error().kind(), Kind::kParse);
  }
}

TEST(PurposeKeyAttestationTest, RejectsEveryTruncatedAttestation) {
  PurposeKeyAttestation attestation;
  attestation.data = {1, 2, 3};
  Bytes whole = encode_purpose_key_attestation(attestation);
  for (std::size_t size = 0; size < whole.size(); ++size) {
    EXPECT_FALSE(decode_purpose_key_attestation(ByteView(whole).first(size))) << size;
  }
}

TEST(PurposeKeyAttestationTest, SkipsUnknownTrailingFields) {
  std::string data = kSampleDataHex;
  data[1] = '6';  // array(6)
  auto decoded = decode_purpose_key_attestation_data(hex(data + "f5"));
  ASSERT_TRUE(decoded);
  EXPECT_EQ(*decoded, sample_data());
}

}  // namespace
}  // namespace ockam::identity
