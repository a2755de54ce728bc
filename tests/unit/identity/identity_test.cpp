#include "ockam/identity/identity.hpp"

#include <string>

#include <gtest/gtest.h>

#include "ockam/crypto/sha256.hpp"
#include "ockam/identity/constants.hpp"
#include "ockam/identity/versioned_data.hpp"
#include "ockam/vault/vault.hpp"
#include "vector_files.hpp"

namespace ockam::identity {
namespace {

// Builds change histories by hand, including ones that break the rules.
class HistoryBuilder {
 public:
  struct Key {
    vault::SigningKeyHandle handle;
    vault::VerifyingPublicKey public_key;
  };

  Key key(vault::SigningKeyType type = vault::SigningKeyType::kEd25519) {
    auto handle = vault_.generate_signing_key(type).value();
    return Key{handle, vault_.signing_public_key(handle).value()};
  }

  static ChangeData data(const Key& key, std::optional<ChangeHash> previous,
                         TimestampInSeconds from = 1000) {
    return ChangeData{previous, key.public_key, false, from, from + 100};
  }

  Change change(const ChangeData& data, const Key& key, const Key* previous_key,
                std::uint8_t data_type = kChangeDataType) {
    Change change;
    change.data = encode_versioned_data(data_type, encode_change_data(data));
    change.signature = sign(key, change.data);
    if (previous_key != nullptr) {
      change.previous_signature = sign(*previous_key, change.data);
    }
    return change;
  }

 private:
  vault::Signature sign(const Key& key, ByteView data) {
    return vault_.sign(key.handle, crypto::sha256(data)).value();
  }

  vault::Vault vault_;
};

Error import_error(const ChangeHistory& history) {
  auto identity = Identity::import(encode_change_history(history));
  EXPECT_FALSE(identity);
  return identity ? Error(Origin::kIdentity, Kind::kInternal, "unexpected success")
                  : identity.error();
}

TEST(IdentityTest, EveryVectorImportsVerifiesAndReencodesToTheSameBytes) {
  auto entries = testing::read_vector_entries("identities.json");
  ASSERT_EQ(entries.size(), 8u);
  for (const auto& entry : entries) {
    const std::string& history_hex = entry.at("change_history");
    auto identity = Identity::import_hex(history_hex);
    ASSERT_TRUE(identity) << entry.at("identifier") << ": " << identity.error().message();
    EXPECT_EQ(identity->identifier().to_string(), entry.at("identifier"));
    EXPECT_EQ(identity->export_hex(), history_hex);
    EXPECT_EQ(to_hex(encode_change_history(identity->change_history())), history_hex);
    auto expected_type =
        entry.at("key") == "P-256" ? vault::SigningKeyType::kP256 : vault::SigningKeyType::kEd25519;
    EXPECT_EQ(identity->primary_public_key().type, expected_type);
    EXPECT_EQ(identity->latest_change_hash(), identity->identifier().bytes());
  }
}

TEST(IdentityTest, AcceptsARotatedHistorySignedByBothKeys) {
  HistoryBuilder builder;
  auto first_key = builder.key();
  auto second_key = builder.key(vault::SigningKeyType::kP256);
  Change first = builder.change(HistoryBuilder::data(first_key, std::nullopt), first_key, nullptr);
  Change second =
      builder.change(HistoryBuilder::data(second_key, first.hash(), 2000), second_key, &first_key);
  auto identity = Identity::from_change_history(ChangeHistory{{first, second}});
  ASSERT_TRUE(identity);
  EXPECT_EQ(identity->identifier().bytes(), first.hash());
  EXPECT_EQ(identity->latest_change_hash(), second.hash());
  EXPECT_EQ(identity->primary_public_key(), second_key.public_key);
  EXPECT_EQ(identity->latest_change_data().attestations_valid_from, 2000u);
  auto reimported = Identity::import(identity->export_bytes());
  ASSERT_TRUE(reimported);
  EXPECT_EQ(*reimported, *identity);
}

TEST(IdentityTest, RejectsABadSignature) {
  auto entries = testing::read_vector_entries("identities.json");
  for (std::size_t i = 0; i < 2; ++i) {  // the Ed25519 and the P-256 vector
    auto history = decode_change_history(from_hex(entries[i].at("change_history")).value());
    ASSERT_TRUE(history);
    history->changes[0].signature.bytes[10] ^= 0x01;
    Error error = import_error(*history);
    EXPECT_EQ(error.kind(), Kind::kInvalid);
    EXPECT_STREQ(error.message(), "a change is not signed by its own key");
  }
}

TEST(IdentityTest, RejectsTamperedChangeData) {
  auto entries = testing::read_vector_entries("identities.json");
  auto history = decode_change_history(from_hex(entries[0].at("change_history")).value());
  ASSERT_TRUE(history);
  history->changes[0].data.back() ^= 0x01;  // attestations_valid_until changes
  EXPECT_EQ(import_error(*history).kind(), Kind::kInvalid);
}

TEST(IdentityTest, RejectsASignatureOfAnotherAlgorithmThanTheKey) {
  HistoryBuilder builder;
  auto ed25519 = builder.key();
  auto p256 = builder.key(vault::SigningKeyType::kP256);
  // An Ed25519 key in the data, signed by the P-256 key.
  Change change = builder.change(HistoryBuilder::data(ed25519, std::nullopt), p256, nullptr);
  EXPECT_EQ(import_error(ChangeHistory{{change}}).kind(), Kind::kInvalid);
}

TEST(IdentityTest, RejectsAFirstChangeThatNamesAPreviousChange) {
  HistoryBuilder builder;
  auto key = builder.key();
  Change change = builder.change(HistoryBuilder::data(key, ChangeHash{}), key, nullptr);
  Error error = import_error(ChangeHistory{{change}});
  EXPECT_EQ(error.kind(), Kind::kInvalid);
  EXPECT_STREQ(error.message(), "the first change must not name a previous change");
}

TEST(IdentityTest, RejectsAWrongPreviousChangeLink) {
  HistoryBuilder builder;
  auto first_key = builder.key();
  auto second_key = builder.key();
  Change first = builder.change(HistoryBuilder::data(first_key, std::nullopt), first_key, nullptr);
  ChangeHash wrong = first.hash();
  wrong[0] ^= 1;
  Change second = builder.change(HistoryBuilder::data(second_key, wrong), second_key, &first_key);
  Error error = import_error(ChangeHistory{{first, second}});
  EXPECT_EQ(error.kind(), Kind::kInvalid);
  EXPECT_STREQ(error.message(), "a change does not name the hash of the change before");
  Change unlinked =
      builder.change(HistoryBuilder::data(second_key, std::nullopt), second_key, &first_key);
  EXPECT_EQ(import_error(ChangeHistory{{first, unlinked}}).kind(), Kind::kInvalid);
}

TEST(IdentityTest, RejectsARotationWithoutAValidPreviousSignature) {
  HistoryBuilder builder;
  auto first_key = builder.key();
  auto second_key = builder.key();
  auto stranger = builder.key();
  Change first = builder.change(HistoryBuilder::data(first_key, std::nullopt), first_key, nullptr);
  ChangeData second_data = HistoryBuilder::data(second_key, first.hash());
  Change unsigned_by_previous = builder.change(second_data, second_key, nullptr);
  Change signed_by_stranger = builder.change(second_data, second_key, &stranger);
  for (const Change& second : {unsigned_by_previous, signed_by_stranger}) {
    Error error = import_error(ChangeHistory{{first, second}});
    EXPECT_EQ(error.kind(), Kind::kInvalid);
    EXPECT_STREQ(error.message(), "a change is not signed by the previous key");
  }
}

TEST(IdentityTest, RejectsAttestationsValidFromGoingBackwards) {
  HistoryBuilder builder;
  auto first_key = builder.key();
  auto second_key = builder.key();
  Change first =
      builder.change(HistoryBuilder::data(first_key, std::nullopt, 5000), first_key, nullptr);
  Change second =
      builder.change(HistoryBuilder::data(second_key, first.hash(), 4999), second_key, &first_key);
  Error error = import_error(ChangeHistory{{first, second}});
  EXPECT_STREQ(error.message(), "attestations_valid_from decreases along the history");
}

TEST(IdentityTest, RejectsAnEmptyHistoryAndChangesOfAnotherDataType) {
  EXPECT_EQ(import_error(ChangeHistory{}).kind(), Kind::kInvalid);
  HistoryBuilder builder;
  auto key = builder.key();
  Change change = builder.change(HistoryBuilder::data(key, std::nullopt), key, nullptr,
                                 kPurposeKeyAttestationDataType);
  EXPECT_EQ(import_error(ChangeHistory{{change}}).kind(), Kind::kInvalid);
}

TEST(IdentityTest, RejectsTruncatedInputAndTrailingBytes) {
  auto entries = testing::read_vector_entries("identities.json");
  Bytes whole = from_hex(entries[1].at("change_history")).value();
  for (std::size_t size = 0; size < whole.size(); ++size) {
    auto identity = Identity::import(ByteView(whole).first(size));
    ASSERT_FALSE(identity) << size;
    EXPECT_EQ(identity.error().kind(), Kind::kParse) << size;
  }
  whole.push_back(0x00);
  auto identity = Identity::import(whole);
  ASSERT_FALSE(identity);
  EXPECT_EQ(identity.error().kind(), Kind::kParse);
  EXPECT_EQ(Identity::import_hex("81zz").error().kind(), Kind::kParse);
}

TEST(IdentityTest, ComparesHistoriesOfTheSameIdentity) {
  HistoryBuilder builder;
  auto k1 = builder.key();
  auto k2 = builder.key();
  auto k3 = builder.key();
  Change first = builder.change(HistoryBuilder::data(k1, std::nullopt), k1, nullptr);
  Change second = builder.change(HistoryBuilder::data(k2, first.hash()), k2, &k1);
  Change fork = builder.change(HistoryBuilder::data(k3, first.hash()), k3, &k1);
  auto short_history = Identity::from_change_history(ChangeHistory{{first}}).value();
  auto long_history = Identity::from_change_history(ChangeHistory{{first, second}}).value();
  auto forked = Identity::from_change_history(ChangeHistory{{first, fork}}).value();
  EXPECT_EQ(long_history.compare_to(long_history), HistoryComparison::kEqual);
  EXPECT_EQ(long_history.compare_to(short_history), HistoryComparison::kNewer);
  EXPECT_EQ(short_history.compare_to(long_history), HistoryComparison::kOlder);
  EXPECT_EQ(forked.compare_to(long_history), HistoryComparison::kConflict);
  EXPECT_EQ(forked.identifier(), long_history.identifier());
}

}  // namespace
}  // namespace ockam::identity
