#include "ockam/identity/identities.hpp"

#include <memory>

#include <gtest/gtest.h>

#include "ockam/identity/constants.hpp"
#include "vector_files.hpp"

namespace ockam::identity {
namespace {

constexpr TimestampInSeconds kNow = 1'700'000'000;

class IdentitiesTest : public ::testing::Test {
 protected:
  std::shared_ptr<vault::Vault> vault_ = std::make_shared<vault::Vault>();
  TimestampInSeconds now_ = kNow;
  Identities identities_{vault_, [this] { return now_; }};
};

TEST_F(IdentitiesTest, ReproducesTheVectorIdentitiesFromTheirSeeds) {
  std::size_t reproduced = 0;
  for (const auto& entry : testing::read_vector_entries("identities.json")) {
    if (!entry.contains("secret_key")) {
      continue;
    }
    auto vector_identity = Identity::import_hex(entry.at("change_history"));
    ASSERT_TRUE(vector_identity);
    const ChangeData& data = vector_identity->latest_change_data();
    auto key = vault_->import_signing_key(vault::SigningKeyType::kEd25519,
                                          SecretBytes(from_hex(entry.at("secret_key")).value()));
    ASSERT_TRUE(key);
    auto identity = identities_.create_identity_with_key(*key, data.attestations_valid_from,
                                                         data.attestations_valid_until);
    ASSERT_TRUE(identity);
    EXPECT_EQ(identity->export_hex(), entry.at("change_history"));
    EXPECT_EQ(identity->identifier().to_string(), entry.at("identifier"));
    ++reproduced;
  }
  EXPECT_EQ(reproduced, 4u);
}

TEST_F(IdentitiesTest, CreatesAnIdentityValidForTenYearsFromNow) {
  for (vault::SigningKeyType type :
       {vault::SigningKeyType::kEd25519, vault::SigningKeyType::kP256}) {
    auto identity = identities_.create_identity(type);
    ASSERT_TRUE(identity);
    const ChangeData& data = identity->latest_change_data();
    EXPECT_EQ(data.primary_public_key.type, type);
    EXPECT_EQ(data.attestations_valid_from, kNow);
    EXPECT_EQ(data.attestations_valid_until, kNow + 10ull * 365 * 24 * 3600);
    EXPECT_FALSE(data.previous_change);
    EXPECT_TRUE(vault_->signing_key_handle(data.primary_public_key));
    auto reimported = Identity::import(identity->export_bytes());
    ASSERT_TRUE(reimported);
    EXPECT_EQ(reimported->identifier(), identity->identifier());
  }
}

TEST_F(IdentitiesTest, CreationWithAnUnknownKeyFails) {
  auto identity = identities_.create_identity_with_key(vault::SigningKeyHandle(Bytes(32, 1)), 0, 1);
  ASSERT_FALSE(identity);
  EXPECT_EQ(identity.error().kind(), Kind::kNotFound);
}

TEST_F(IdentitiesTest, RemembersCreatedAndImportedIdentities) {
  auto created = identities_.create_identity();
  ASSERT_TRUE(created);
  auto found = identities_.get(created->identifier());
  ASSERT_TRUE(found);
  EXPECT_EQ(*found, *created);

  auto entries = testing::read_vector_entries("identities.json");
  auto imported = identities_.import_hex(entries[0].at("change_history"));
  ASSERT_TRUE(imported);
  auto identifier = Identifier::parse(entries[0].at("identifier")).value();
  EXPECT_EQ(identities_.get(identifier)->export_hex(), entries[0].at("change_history"));

  Identifier unknown;
  auto missing = identities_.get(unknown);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind(), Kind::kNotFound);
  EXPECT_EQ(missing.error().detail(), unknown.to_string());
  EXPECT_EQ(identities_.import_hex("00").error().kind(), Kind::kParse);
}

TEST_F(IdentitiesTest, RotateKeyAppendsAChangeSignedByBothKeys) {
  auto original = identities_.create_identity();
  ASSERT_TRUE(original);
  now_ += 100;
  auto rotated = identities_.rotate_key(original->identifier(),
                                        RotateKeyOptions{vault::SigningKeyType::kP256, true});
  ASSERT_TRUE(rotated);
  EXPECT_EQ(rotated->identifier(), original->identifier());
  ASSERT_EQ(rotated->change_history().changes.size(), 2u);
  const ChangeData& data = rotated->latest_change_data();
  EXPECT_EQ(data.previous_change, original->latest_change_hash());
  EXPECT_EQ(data.primary_public_key.type, vault::SigningKeyType::kP256);
  EXPECT_TRUE(data.revoke_all_purpose_keys);
  EXPECT_EQ(data.attestations_valid_from, kNow + 100);
  // The exported history verifies on its own, the old key is gone and the new one is held.
  auto reimported = Identity::import(rotated->export_bytes());
  ASSERT_TRUE(reimported);
  EXPECT_EQ(reimported->compare_to(*original), HistoryComparison::kNewer);
  EXPECT_EQ(vault_->signing_key_handle(original->primary_public_key()).error().kind(),
            Kind::kNotFound);
  EXPECT_TRUE(vault_->signing_key_handle(rotated->primary_public_key()));
  EXPECT_EQ(*identities_.get(original->identifier()), *rotated);
}

TEST_F(IdentitiesTest, RotateKeyKeepsTheKeyTypeByDefault) {
  auto original = identities_.create_identity(vault::SigningKeyType::kP256);
  ASSERT_TRUE(original);
  auto rotated = identities_.rotate_key(original->identifier());
  ASSERT_TRUE(rotated);
  EXPECT_EQ(rotated->primary_public_key().type, vault::SigningKeyType::kP256);
  EXPECT_NE(rotated->primary_public_key(), original->primary_public_key());
  EXPECT_FALSE(rotated->latest_change_data().revoke_all_purpose_keys);
}

TEST_F(IdentitiesTest, RotateKeyNeedsAKnownIdentityWhoseKeyIsInTheVault) {
  EXPECT_EQ(identities_.rotate_key(Identifier()).error().kind(), Kind::kNotFound);
  auto entries = testing::read_vector_entries("identities.json");
  auto imported = identities_.import_hex(entries[0].at("change_history"));
  ASSERT_TRUE(imported);
  EXPECT_EQ(identities_.rotate_key(imported->identifier()).error().kind(), Kind::kNotFound);
}

TEST_F(IdentitiesTest, ImportKeepsTheNewestHistoryAndRejectsConflicts) {
  auto original = identities_.create_identity();
  ASSERT_TRUE(original);
  Bytes first_history = original->export_bytes();
  auto rotated = identities_.rotate_key(original->identifier());
  ASSERT_TRUE(rotated);

  // Another node that knew the first history learns the rotation.
  Identities other(std::make_shared<vault::Vault>(), [] { return kNow; });
  ASSERT_TRUE(other.import(first_history));
  ASSERT_TRUE(other.import(rotated->export_bytes()));
  EXPECT_EQ(*other.get(original->identifier()), *rotated);
  // Going back to the older history is refused, and so is a fork.
  auto older = other.import(first_history);
  ASSERT_FALSE(older);
  EXPECT_EQ(older.error().kind(), Kind::kInvalid);
  EXPECT_TRUE(other.import(rotated->export_bytes()));
}

TEST_F(IdentitiesTest, ImportRejectsAForkedHistory) {
  auto seed = SecretBytes(Bytes(32, 7));
  auto shared_vault = std::make_shared<vault::Vault>();
  auto key_here = vault_->import_signing_key(vault::SigningKeyType::kEd25519, seed);
  auto key_there = shared_vault->import_signing_key(vault::SigningKeyType::kEd25519, seed);
  ASSERT_TRUE(key_here);
  ASSERT_TRUE(key_there);
  Identities there(shared_vault, [] { return kNow; });
  auto here_identity = identities_.create_identity_with_key(*key_here, kNow, kNow + 1000);
  auto there_identity = there.create_identity_with_key(*key_there, kNow, kNow + 1000);
  ASSERT_TRUE(here_identity);
  ASSERT_TRUE(there_identity);
  ASSERT_EQ(*here_identity, *there_identity);
  auto here_rotated = identities_.rotate_key(here_identity->identifier());
  auto there_rotated = there.rotate_key(there_identity->identifier());
  ASSERT_TRUE(here_rotated);
  ASSERT_TRUE(there_rotated);
  auto fork = identities_.import(there_rotated->export_bytes());
  ASSERT_FALSE(fork);
  EXPECT_EQ(fork.error().kind(), Kind::kInvalid);
}

TEST_F(IdentitiesTest, CreatesASecureChannelPurposeKeyValidForFiveYears) {
  auto identity = identities_.create_identity();
  ASSERT_TRUE(identity);
  auto purpose_key = identities_.create_secure_channel_purpose_key(identity->identifier());
  ASSERT_TRUE(purpose_key);
  EXPECT_EQ(purpose_key->subject, identity->identifier());
  EXPECT_EQ(purpose_key->expires_at, kNow + 5ull * 365 * 24 * 3600);
  EXPECT_EQ(vault_->x25519_public_key(purpose_key->key).value(), purpose_key->public_key);
  auto attested =
      identities_.verify_secure_channel_purpose_key(*identity, purpose_key->attestation);
  ASSERT_TRUE(attested);
  EXPECT_EQ(*attested, purpose_key->public_key);
  auto data = purpose_key->attestation.decode_data();
  ASSERT_TRUE(data);
  EXPECT_EQ(data->created_at, kNow);
  EXPECT_EQ(data->subject_latest_change_hash, identity->latest_change_hash());
}

TEST_F(IdentitiesTest, PurposeKeysEndWithTheIdentityKeysAttestations) {
  auto key = vault_->generate_signing_key(vault::SigningKeyType::kEd25519);
  ASSERT_TRUE(key);
  auto identity = identities_.create_identity_with_key(*key, kNow - 10, kNow + 3600);
  ASSERT_TRUE(identity);
  auto purpose_key = identities_.create_secure_channel_purpose_key(identity->identifier());
  ASSERT_TRUE(purpose_key);
  EXPECT_EQ(purpose_key->expires_at, kNow + 3600);
  EXPECT_TRUE(identities_.verify_secure_channel_purpose_key(*identity, purpose_key->attestation));
  now_ = kNow + 3601;
  auto too_late = identities_.create_secure_channel_purpose_key(identity->identifier());
  ASSERT_FALSE(too_late);
  EXPECT_EQ(too_late.error().kind(), Kind::kInvalid);
}

TEST_F(IdentitiesTest, PurposeKeysNeedAKnownIdentityWithItsKey) {
  EXPECT_EQ(identities_.create_secure_channel_purpose_key(Identifier()).error().kind(),
            Kind::kNotFound);
  auto entries = testing::read_vector_entries("identities.json");
  auto imported = identities_.import_hex(entries[0].at("change_history"));
  ASSERT_TRUE(imported);
  EXPECT_EQ(
      identities_.attest_purpose_key(imported->identifier(), vault::X25519PublicKey{}, kNow, kNow)
          .error()
          .kind(),
      Kind::kNotFound);
}

TEST_F(IdentitiesTest, GetOrCreateReusesAPurposeKeyUntilTheKeyRotates) {
  auto identity = identities_.create_identity();
  ASSERT_TRUE(identity);
  auto first = identities_.get_or_create_secure_channel_purpose_key(identity->identifier());
  auto again = identities_.get_or_create_secure_channel_purpose_key(identity->identifier());
  ASSERT_TRUE(first);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->key, first->key);
  EXPECT_EQ(again->attestation, first->attestation);
  auto rotated = identities_.rotate_key(identity->identifier());
  ASSERT_TRUE(rotated);
  auto after_rotation =
      identities_.get_or_create_secure_channel_purpose_key(identity->identifier());
  ASSERT_TRUE(after_rotation);
  EXPECT_NE(after_rotation->key, first->key);
  EXPECT_TRUE(identities_.verify_secure_channel_purpose_key(*rotated, after_rotation->attestation));
}

}  // namespace
}  // namespace ockam::identity
