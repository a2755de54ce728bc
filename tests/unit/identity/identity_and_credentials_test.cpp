#include "ockam/identity/identity_and_credentials.hpp"

#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "ockam/identity/constants.hpp"
#include "ockam/identity/identities.hpp"
#include "ockam/identity/purpose_key_verification.hpp"
#include "refresh_credentials_vector.hpp"

namespace ockam::identity {
namespace {

constexpr TimestampInSeconds kNow = 1'700'000'000;

class IdentityAndCredentialsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(testing::load_refresh_credentials_vector(vector_));
    Identity identity = identities_.create_identity().value();
    payload_.change_history = identity.export_bytes();
    payload_.purpose_key_attestation =
        identities_.create_secure_channel_purpose_key(identity.identifier()).value().attestation;
    payload_.credentials = {vector_.decoded};
  }

  testing::RefreshCredentialsVector vector_;
  Identities identities_{std::make_shared<vault::Vault>(), [] { return kNow; }};
  IdentityAndCredentials payload_;
};

TEST_F(IdentityAndCredentialsTest, RoundTripsAndKeepsTheChangeHistoryBytes) {
  Bytes encoded = encode_identity_and_credentials(payload_);
  EXPECT_EQ(encoded[0], 0x83);
  auto decoded = decode_identity_and_credentials(encoded);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(*decoded, payload_);
  auto identity = Identity::import(decoded->change_history);
  ASSERT_TRUE(identity);
  EXPECT_TRUE(verify_secure_channel_purpose_key(*identity, decoded->purpose_key_attestation, kNow));
}

TEST_F(IdentityAndCredentialsTest, CarriesARustChangeHistoryVerbatim) {
  payload_.change_history.assign(vector_.change_history.begin(), vector_.change_history.end());
  payload_.credentials.clear();
  auto decoded = decode_identity_and_credentials(encode_identity_and_credentials(payload_));
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->change_history, payload_.change_history);
  EXPECT_TRUE(decoded->credentials.empty());
}

TEST_F(IdentityAndCredentialsTest, RejectsEveryTruncationAndTrailingBytes) {
  Bytes whole = encode_identity_and_credentials(payload_);
  for (std::size_t size = 0; size < whole.size(); ++size) {
    EXPECT_FALSE(decode_identity_and_credentials(ByteView(whole).first(size))) << size;
  }
  whole.push_back(0);
  auto decoded = decode_identity_and_credentials(whole);
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().kind(), Kind::kParse);
}

TEST_F(IdentityAndCredentialsTest, RejectsAMalformedChangeHistory) {
  payload_.change_history = {0x81, 0x80};  // a history whose change is an empty array
  EXPECT_FALSE(decode_identity_and_credentials(encode_identity_and_credentials(payload_)));
}

TEST_F(IdentityAndCredentialsTest, RejectsTooManyCredentials) {
  payload_.credentials.assign(kMaxCredentials, vector_.decoded);
  EXPECT_TRUE(decode_identity_and_credentials(encode_identity_and_credentials(payload_)));
  payload_.credentials.push_back(vector_.decoded);
  EXPECT_FALSE(decode_identity_and_credentials(encode_identity_and_credentials(payload_)));
}

TEST_F(IdentityAndCredentialsTest, SkipsUnknownTrailingFields) {
  payload_.credentials.clear();
  Bytes encoded = encode_identity_and_credentials(payload_);
  encoded[0] = 0x84;
  encoded.push_back(0xf6);
  auto decoded = decode_identity_and_credentials(encoded);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(*decoded, payload_);
}

}  // namespace
}  // namespace ockam::identity
