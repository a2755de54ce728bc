#include "ockam/identity/credential.hpp"

#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "ockam/identity/constants.hpp"
#include "ockam/identity/identity.hpp"
#include "ockam/identity/versioned_data.hpp"
#include "refresh_credentials_vector.hpp"

namespace ockam::identity {
namespace {

Bytes hex(std::string_view text) {
  return from_hex(text).value();
}
Bytes text(std::string_view s) {
  return to_bytes(s);
}

TEST(CredentialTest, DecodesTheCredentialRustSentAndReencodesItExactly) {
  testing::RefreshCredentialsVector vector;
  ASSERT_NO_FATAL_FAILURE(testing::load_refresh_credentials_vector(vector));
  EXPECT_EQ(encode_credential_and_purpose_key(vector.decoded),
            Bytes(vector.credential.begin(), vector.credential.end()));

  auto data = vector.decoded.credential.decode_data();
  ASSERT_TRUE(data);
  auto subject = Identity::import(vector.change_history);
  ASSERT_TRUE(subject);
  ASSERT_TRUE(data->subject);
  EXPECT_EQ(*data->subject, subject->identifier());
  EXPECT_EQ(data->subject_latest_change_hash, subject->latest_change_hash());
  EXPECT_EQ(data->subject_attributes.schema, 1u);
  EXPECT_EQ(data->subject_attributes.map.size(), 4u);
  EXPECT_EQ(data->subject_attributes.map.at(text("ockam-relay")), text("*"));
  EXPECT_EQ(data->subject_attributes.map.at(text("ockam-role")), text("enroller"));
  EXPECT_EQ(data->created_at, 0x659ca3cfu);
  EXPECT_EQ(data->expires_at, 0x659ca3edu);
  EXPECT_EQ(vector.decoded.credential.signature.type, vault::SigningKeyType::kEd25519);

  auto issuer_key = vector.decoded.purpose_key_attestation.decode_data();
  ASSERT_TRUE(issuer_key);
  const auto* signing_key = std::get_if<vault::VerifyingPublicKey>(&issuer_key->public_key);
  ASSERT_NE(signing_key, nullptr);
  EXPECT_EQ(signing_key->type, vault::SigningKeyType::kEd25519);
}

CredentialData sample_data() {
  CredentialData data;
  std::array<std::uint8_t, 32> subject{};
  subject.fill(7);
  data.subject = Identifier(subject);
  data.subject_attributes.schema = 1;
  data.subject_attributes.map[text("b")] = text("2");
  data.subject_attributes.map[text("a")] = text("1");
  data.created_at = 10;
  data.expires_at = 20;
  return data;
}

TEST(CredentialTest, CredentialDataRoundTripsWithSortedAttributesAndNulls) {
  CredentialData data = sample_data();
  Bytes encoded = encode_credential_data(data);
  std::string expected =
      "855820" + to_hex(data.subject->bytes()) + "f6" + "8201a2" + "4161413141624132" + "0a14";
  EXPECT_EQ(to_hex(encoded), expected);
  auto decoded = decode_credential_data(encoded);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(*decoded, data);

  data.subject.reset();
  data.subject_latest_change_hash = ChangeHash{};
  auto without_subject = decode_credential_data(encode_credential_data(data));
  ASSERT_TRUE(without_subject);
  EXPECT_EQ(*without_subject, data);
}

TEST(CredentialTest, RejectsRepeatedAttributeKeysAndMalformedAttributes) {
  std::string head = "85f6f6";
  const std::string rejected[] = {
      head + "8201a2" + "41614131" + "41614132" + "0a14",  // key "a" twice
      head + "8201a1" + "6161" + "4131" + "0a14",          // text key
      head + "8201a1" + "4161" + "0a14",                   // missing value
      head + "8101" + "0a14",                              // attributes without map
      head + "8201a0" + "0a",                              // missing expires_at
  };
  for (const std::string& item : rejected) {
    auto data = decode_credential_data(hex(item));
    ASSERT_FALSE(data) << item;
    EXPECT_EQ(data.error().kind(), Kind::kParse);
  }
  EXPECT_TRUE(decode_credential_data(hex(head + "8201a0" + "0a14")));
}

TEST(CredentialTest, RejectsMoreThanTheMaximumNumberOfAttributes) {
  CredentialData data = sample_data();
  data.subject_attributes.map.clear();
  for (std::size_t i = 0; i <= kMaxAttributes; ++i) {
    data.subject_attributes.map[text(std::to_string(i))] = {};
  }
  EXPECT_FALSE(decode_credential_data(encode_credential_data(data)));
  data.subject_attributes.map.erase(data.subject_attributes.map.begin());
  EXPECT_TRUE(decode_credential_data(encode_credential_data(data)));
}

TEST(CredentialTest, DecodeDataChecksTheVersionedDataType) {
  Credential credential;
  credential.data =
      encode_versioned_data(kCredentialDataType, encode_credential_data(sample_data()));
  auto data = credential.decode_data();
  ASSERT_TRUE(data);
  EXPECT_EQ(*data, sample_data());
  credential.data = encode_versioned_data(kChangeDataType, encode_credential_data(sample_data()));
  EXPECT_EQ(credential.decode_data().error().kind(), Kind::kInvalid);
}

TEST(CredentialTest, RejectsEveryTruncationAndTrailingBytes) {
  testing::RefreshCredentialsVector vector;
  ASSERT_NO_FATAL_FAILURE(testing::load_refresh_credentials_vector(vector));
  Bytes whole(vector.credential.begin(), vector.credential.end());
  for (std::size_t size = 0; size < whole.size(); ++size) {
    EXPECT_FALSE(decode_credential_and_purpose_key(ByteView(whole).first(size))) << size;
  }
  whole.push_back(0);
  EXPECT_EQ(decode_credential_and_purpose_key(whole).error().kind(), Kind::kParse);
}

}  // namespace
}  // namespace ockam::identity
