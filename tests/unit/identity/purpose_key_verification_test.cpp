#include "ockam/identity/purpose_key_verification.hpp"

#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "ockam/crypto/sha256.hpp"
#include "ockam/identity/constants.hpp"
#include "ockam/identity/identities.hpp"
#include "ockam/identity/versioned_data.hpp"

namespace ockam::identity {
namespace {

constexpr TimestampInSeconds kNow = 1'700'000'000;

class PurposeKeyVerificationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    identity_ = std::make_unique<Identity>(identities_.create_identity().value());
    key_.fill(0x42);
  }

  PurposeKeyAttestation attest(TimestampInSeconds created_at, TimestampInSeconds expires_at) {
    return identities_.attest_purpose_key(identity_->identifier(), key_, created_at, expires_at)
        .value();
  }

  void expect_rejected(const PurposeKeyAttestation& attestation, TimestampInSeconds now,
                       const std::string& message) {
    auto verified = verify_secure_channel_purpose_key(*identity_, attestation, now);
    ASSERT_FALSE(verified) << message;
    EXPECT_EQ(verified.error().kind(), Kind::kInvalid);
    EXPECT_EQ(std::string(verified.error().message()), message);
  }

  std::shared_ptr<vault::Vault> vault_ = std::make_shared<vault::Vault>();
  Identities identities_{vault_, [] { return kNow; }};
  std::unique_ptr<Identity> identity_;
  vault::X25519PublicKey key_{};
};

TEST_F(PurposeKeyVerificationTest, AcceptsAValidAttestationAndReturnsTheKey) {
  PurposeKeyAttestation attestation = attest(kNow, kNow + 100);
  auto key = verify_secure_channel_purpose_key(*identity_, attestation, kNow);
  ASSERT_TRUE(key);
  EXPECT_EQ(*key, key_);
  auto data = verify_purpose_key_attestation(*identity_, attestation, kNow + 100);
  ASSERT_TRUE(data);
  EXPECT_EQ(data->subject, identity_->identifier());
  EXPECT_EQ(data->expires_at, kNow + 100);
}

TEST_F(PurposeKeyVerificationTest, RejectsAnExpiredPurposeKey) {
  PurposeKeyAttestation attestation = attest(kNow, kNow + 100);
  EXPECT_TRUE(verify_secure_channel_purpose_key(*identity_, attestation, kNow + 100));
  expect_rejected(attestation, kNow + 101, "the purpose key has expired");
}

TEST_F(PurposeKeyVerificationTest, RejectsAPurposeKeyCreatedTooFarInTheFuture) {
  PurposeKeyAttestation attestation = attest(kNow + 1000, kNow + 2000);
  EXPECT_TRUE(verify_secure_channel_purpose_key(*identity_, attestation, kNow + 1000 - 60));
  expect_rejected(attestation, kNow + 1000 - 61, "the purpose key is created in the future");
}

TEST_F(PurposeKeyVerificationTest, RejectsAnAttestationForAnotherIdentity) {
  Identity other = identities_.create_identity().value();
  PurposeKeyAttestation attestation =
      identities_.attest_purpose_key(other.identifier(), key_, kNow, kNow + 100).value();
  expect_rejected(attestation, kNow, "the purpose key is attested for another identity");
}

TEST_F(PurposeKeyVerificationTest, RejectsAnAttestationOfAnEarlierKey) {
  PurposeKeyAttestation attestation = attest(kNow, kNow + 100);
  identity_ = std::make_unique<Identity>(identities_.rotate_key(identity_->identifier()).value());
  expect_rejected(attestation, kNow, "the purpose key does not name the identity's latest change");
}

TEST_F(PurposeKeyVerificationTest, RejectsValidityOutsideTheIdentityKeysAttestations) {
  const ChangeData& latest = identity_->latest_change_data();
  expect_rejected(attest(kNow, latest.attestations_valid_until + 1), kNow,
                  "the purpose key outlives the identity key's attestations");
  expect_rejected(attest(latest.attestations_valid_from - 1, kNow + 100), kNow,
                  "the purpose key predates the identity key's attestations");
}

TEST_F(PurposeKeyVerificationTest, RejectsABadSignature) {
  PurposeKeyAttestation attestation = attest(kNow, kNow + 100);
  attestation.signature.bytes[0] ^= 1;
  expect_rejected(attestation, kNow, "the purpose key attestation signature is invalid");
}

TEST_F(PurposeKeyVerificationTest, RejectsDataSignedByAnotherKey) {
  PurposeKeyAttestation attestation = attest(kNow, kNow + 100);
  vault::Vault stranger_vault;
  auto stranger = stranger_vault.generate_signing_key(vault::SigningKeyType::kEd25519).value();
  attestation.signature = stranger_vault.sign(stranger, crypto::sha256(attestation.data)).value();
  expect_rejected(attestation, kNow, "the purpose key attestation signature is invalid");
}

TEST_F(PurposeKeyVerificationTest, RejectsACredentialSigningKeyWhereASecureChannelKeyIsExpected) {
  vault::VerifyingPublicKey signing_key{vault::SigningKeyType::kEd25519, Bytes(32, 1)};
  PurposeKeyAttestation attestation =
      identities_.attest_purpose_key(identity_->identifier(), signing_key, kNow, kNow + 100)
          .value();
  EXPECT_TRUE(verify_purpose_key_attestation(*identity_, attestation, kNow));
  expect_rejected(attestation, kNow, "the purpose key is not a secure channel key");
}

TEST_F(PurposeKeyVerificationTest, RejectsMalformedOrMistypedData) {
  PurposeKeyAttestation attestation = attest(kNow, kNow + 100);
  auto payload = decode_versioned_data(attestation.data, kPurposeKeyAttestationDataType);
  ASSERT_TRUE(payload);
  PurposeKeyAttestation mistyped = attestation;
  mistyped.data = encode_versioned_data(kChangeDataType, *payload);
  EXPECT_EQ(verify_purpose_key_attestation(*identity_, mistyped, kNow).error().kind(),
            Kind::kInvalid);
  PurposeKeyAttestation truncated = attestation;
  truncated.data.pop_back();
  EXPECT_EQ(verify_purpose_key_attestation(*identity_, truncated, kNow).error().kind(),
            Kind::kParse);
}

}  // namespace
}  // namespace ockam::identity
