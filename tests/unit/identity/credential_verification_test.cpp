#include "ockam/identity/credential_verification.hpp"

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ockam/crypto/sha256.hpp"
#include "ockam/identity/constants.hpp"
#include "ockam/identity/identities.hpp"
#include "ockam/identity/versioned_data.hpp"
#include "refresh_credentials_vector.hpp"

namespace ockam::identity {
namespace {

constexpr TimestampInSeconds kNow = 1'700'000'000;

TEST(CredentialVerificationTest, TheRustCredentialVerifiesWithItsIssuersKey) {
  testing::RefreshCredentialsVector vector;
  ASSERT_NO_FATAL_FAILURE(testing::load_refresh_credentials_vector(vector));
  auto subject = Identity::import(vector.change_history);
  ASSERT_TRUE(subject);
  auto issuer_key = vector.decoded.purpose_key_attestation.decode_data();
  ASSERT_TRUE(issuer_key);
  const Credential& credential = vector.decoded.credential;
  TimestampInSeconds created_at = 0x659ca3cf;
  TimestampInSeconds expires_at = 0x659ca3ed;

  auto data =
      verify_credential_signed_by(credential, *issuer_key, subject->identifier(), created_at);
  ASSERT_TRUE(data);
  EXPECT_EQ(data->subject, subject->identifier());
  EXPECT_TRUE(verify_credential_signed_by(credential, *issuer_key, std::nullopt, expires_at));

  auto expired = verify_credential_signed_by(credential, *issuer_key, std::nullopt, expires_at + 1);
  ASSERT_FALSE(expired);
  EXPECT_STREQ(expired.error().message(), "the credential has expired");
  Identifier someone_else;
  auto other_subject =
      verify_credential_signed_by(credential, *issuer_key, someone_else, created_at);
  ASSERT_FALSE(other_subject);
  EXPECT_STREQ(other_subject.error().message(), "the credential is for another subject");
  Credential tampered = credential;
  tampered.data[20] ^= 1;
  EXPECT_STREQ(verify_credential_signed_by(tampered, *issuer_key, std::nullopt, created_at)
                   .error()
                   .message(),
               "the credential signature is invalid");
}

TEST(CredentialVerificationTest, TheRustCredentialNeedsItsIssuerAmongTheAuthorities) {
  testing::RefreshCredentialsVector vector;
  ASSERT_NO_FATAL_FAILURE(testing::load_refresh_credentials_vector(vector));
  auto subject = Identity::import(vector.change_history);
  ASSERT_TRUE(subject);
  // The subject is not the issuer: with only it as authority the credential is refused.
  std::vector<Identity> authorities = {*subject};
  auto verified = verify_credential(vector.decoded, authorities, std::nullopt, 0x659ca3cf);
  ASSERT_FALSE(verified);
  EXPECT_EQ(verified.error().kind(), Kind::kPermission);
}

class CredentialVerificationWithAuthorityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    authority_ = std::make_unique<Identity>(identities_.create_identity().value());
    subject_ = std::make_unique<Identity>(identities_.create_identity().value());
    signing_key_ = vault_->generate_signing_key(vault::SigningKeyType::kP256).value();
    attestation_ =
        identities_
            .attest_purpose_key(authority_->identifier(),
                                vault_->signing_public_key(signing_key_).value(), kNow, kNow + 1000)
            .value();
  }

  CredentialData data(TimestampInSeconds created_at, TimestampInSeconds expires_at) const {
    CredentialData data;
    data.subject = subject_->identifier();
    data.subject_latest_change_hash = subject_->latest_change_hash();
    data.subject_attributes.schema = 1;
    data.subject_attributes.map[to_bytes("role")] = to_bytes("member");
    data.created_at = created_at;
    data.expires_at = expires_at;
    return data;
  }

  CredentialAndPurposeKey issue(const CredentialData& data) const {
    CredentialAndPurposeKey presented;
    presented.credential.data =
        encode_versioned_data(kCredentialDataType, encode_credential_data(data));
    presented.credential.signature =
        vault_->sign(signing_key_, crypto::sha256(presented.credential.data)).value();
    presented.purpose_key_attestation = attestation_;
    return presented;
  }

  void expect_rejected(const CredentialAndPurposeKey& presented, TimestampInSeconds now,
                       const std::string& message) const {
    std::vector<Identity> authorities = {*authority_};
    auto verified = verify_credential(presented, authorities, subject_->identifier(), now);
    ASSERT_FALSE(verified) << message;
    EXPECT_EQ(verified.error().kind(), Kind::kInvalid);
    EXPECT_EQ(std::string(verified.error().message()), message);
  }

  std::shared_ptr<vault::Vault> vault_ = std::make_shared<vault::Vault>();
  Identities identities_{vault_, [] { return kNow; }};
  std::unique_ptr<Identity> authority_;
  std::unique_ptr<Identity> subject_;
  vault::SigningKeyHandle signing_key_;
  PurposeKeyAttestation attestation_;
};

TEST_F(CredentialVerificationWithAuthorityTest, AcceptsACredentialFromAnAuthority) {
  std::vector<Identity> authorities = {*subject_, *authority_};
  auto verified = verify_credential(issue(data(kNow, kNow + 100)), authorities,
                                    subject_->identifier(), kNow + 50);
  ASSERT_TRUE(verified);
  EXPECT_EQ(verified->data, data(kNow, kNow + 100));
  EXPECT_EQ(verified->issuer_purpose_key.subject, authority_->identifier());
  EXPECT_TRUE(verify_credential(issue(data(kNow, kNow + 100)), authorities, std::nullopt, kNow));
}

TEST_F(CredentialVerificationWithAuthorityTest, RejectsAnIssuerThatIsNotAnAuthority) {
  std::vector<Identity> authorities = {*subject_};
  auto verified = verify_credential(issue(data(kNow, kNow + 100)), authorities, std::nullopt, kNow);
  ASSERT_FALSE(verified);
  EXPECT_EQ(verified.error().kind(), Kind::kPermission);
}

TEST_F(CredentialVerificationWithAuthorityTest, RejectsAnInvalidIssuerAttestation) {
  CredentialAndPurposeKey presented = issue(data(kNow, kNow + 100));
  presented.purpose_key_attestation.signature.bytes[3] ^= 1;
  expect_rejected(presented, kNow, "the purpose key attestation signature is invalid");
  expect_rejected(issue(data(kNow, kNow + 100)), kNow + 1001, "the purpose key has expired");
}

TEST_F(CredentialVerificationWithAuthorityTest, RejectsASecureChannelKeyAsIssuerKey) {
  CredentialAndPurposeKey presented = issue(data(kNow, kNow + 100));
  presented.purpose_key_attestation =
      identities_
          .attest_purpose_key(authority_->identifier(), vault::X25519PublicKey{}, kNow, kNow + 1000)
          .value();
  expect_rejected(presented, kNow, "the issuer's purpose key is not a credential signing key");
}

TEST_F(CredentialVerificationWithAuthorityTest, RejectsValidityOutsideTheIssuerKeys) {
  expect_rejected(issue(data(kNow - 1, kNow + 100)), kNow,
                  "the credential predates the issuer's purpose key");
  expect_rejected(issue(data(kNow, kNow + 1001)), kNow,
                  "the credential outlives the issuer's purpose key");
}

TEST_F(CredentialVerificationWithAuthorityTest, RejectsExpiredAndFutureCredentials) {
  expect_rejected(issue(data(kNow, kNow + 100)), kNow + 101, "the credential has expired");
  expect_rejected(issue(data(kNow + 200, kNow + 300)), kNow + 139,
                  "the credential is created in the future");
  std::vector<Identity> authorities = {*authority_};
  EXPECT_TRUE(verify_credential(issue(data(kNow + 200, kNow + 300)), authorities, std::nullopt,
                                kNow + 140));
}

TEST_F(CredentialVerificationWithAuthorityTest, RejectsACredentialWithoutSubject) {
  CredentialData no_subject = data(kNow, kNow + 100);
  no_subject.subject.reset();
  expect_rejected(issue(no_subject), kNow, "the credential has no subject");
}

TEST_F(CredentialVerificationWithAuthorityTest, RejectsACredentialSignedByAnotherKey) {
  CredentialAndPurposeKey presented = issue(data(kNow, kNow + 100));
  auto other_key = vault_->generate_signing_key(vault::SigningKeyType::kP256).value();
  presented.credential.signature =
      vault_->sign(other_key, crypto::sha256(presented.credential.data)).value();
  expect_rejected(presented, kNow, "the credential signature is invalid");
}

}  // namespace
}  // namespace ockam::identity
