// Identities with a storage: names, keys, purpose keys and peers survive a restart (a fresh
// Vault and Identities over the same database), against SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include "ockam/identity/identities.hpp"
#include "ockam/storage/storage.hpp"
#include "ockam/vault/persistent_secret_store.hpp"
#include "support/storage_backends.hpp"

namespace ockam::identity {
namespace {

using ::ockam::testing::Backend;
using ::ockam::testing::storage_options;
using ::ockam::testing::TemporaryFolder;

// One run of a program: its own connection, vault and identities over the shared database.
struct Process {
  std::shared_ptr<storage::Storage> storage;
  std::shared_ptr<Identities> identities;
};

class PersistentIdentitiesTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    auto options = storage_options(GetParam(), folder_.path());
    OCKAM_POSTGRES_OR_SKIP(options);
    postgres_url_ = options.postgres_url;
  }

  Process start(std::int64_t max_known_identities = storage::IdentityRepository::kDefaultMaxKnown) {
    auto options = storage_options(Backend::kSqlite, folder_.path());
    options.postgres_url = postgres_url_;
    options.max_known_identities = max_known_identities;
    auto storage = storage::Storage::open(std::move(options)).value();
    auto vault =
        std::make_shared<vault::Vault>(std::make_unique<vault::PersistentSecretStore>(storage));
    return Process{storage, std::make_shared<Identities>(vault, storage)};
  }

  TemporaryFolder folder_;
  std::string postgres_url_;
};

TEST_P(PersistentIdentitiesTest, NamedIdentityKeepsItsIdentifierAndKeyAcrossRestarts) {
  Identifier created;
  {
    auto first = start();
    created = first.identities->create_named_identity("alice").value().identifier();
  }
  auto second = start();
  auto alice = second.identities->get_named_identity("alice").value();
  EXPECT_EQ(alice.identifier(), created);
  // The key came back too: the identity can attest a purpose key, which verifies.
  auto purpose_key = second.identities->get_or_create_secure_channel_purpose_key(created).value();
  EXPECT_TRUE(second.identities->verify_secure_channel_purpose_key(alice, purpose_key.attestation));
  EXPECT_EQ(second.identities->default_named_identity().value().identifier(), created);
}

TEST_P(PersistentIdentitiesTest, PurposeKeyIsReusedAfterARestart) {
  vault::X25519PublicKey first_key{};
  Identifier alice;
  {
    auto first = start();
    alice = first.identities->create_named_identity("alice").value().identifier();
    first_key =
        first.identities->get_or_create_secure_channel_purpose_key(alice).value().public_key;
  }
  auto second = start();
  EXPECT_EQ(second.identities->get_or_create_secure_channel_purpose_key(alice).value().public_key,
            first_key);
}

TEST_P(PersistentIdentitiesTest, RotationIsPersistedAndTheOldKeyIsGone) {
  Identifier alice;
  std::size_t changes = 0;
  {
    auto first = start();
    alice = first.identities->create_named_identity("alice").value().identifier();
    auto rotated = first.identities->rotate_named_identity_key("alice").value();
    changes = rotated.change_history().changes.size();
    EXPECT_EQ(rotated.identifier(), alice);
  }
  EXPECT_EQ(changes, 2u);
  auto second = start();
  auto loaded = second.identities->get_named_identity("alice").value();
  EXPECT_EQ(loaded.change_history().changes.size(), 2u);
  EXPECT_TRUE(second.identities->vault()->signing_key_handle(loaded.primary_public_key()));
  EXPECT_EQ(second.storage->secrets().handles().value().size(), 1u);
}

TEST_P(PersistentIdentitiesTest, ImportedPeerIsKnownAfterARestart) {
  auto peer_side = Identities(std::make_shared<vault::Vault>());
  auto peer = peer_side.create_identity().value();
  {
    auto first = start();
    ASSERT_TRUE(first.identities->import(peer.export_bytes()));
  }
  auto second = start();
  EXPECT_EQ(second.identities->get(peer.identifier()).value(), peer);
  EXPECT_EQ(second.storage->identities().known_count().value(), 1);
}

TEST_P(PersistentIdentitiesTest, AFloodOfFreshPeersStaysWithinTheBoundAndKeepsOurIdentities) {
  constexpr std::int64_t kBound = 5;
  Identifier alice;
  Identifier unnamed;
  std::vector<Identity> peers;
  {
    auto node = start(kBound);
    alice = node.identities->create_named_identity("alice").value().identifier();
    unnamed = node.identities->create_identity().value().identifier();
    // A hostile peer opening channels with a fresh identity each time: each one is verified
    // and remembered (as a secure channel does once the trust policy accepted it).
    auto peer_side = Identities(std::make_shared<vault::Vault>());
    for (int i = 0; i < 4 * kBound; ++i) {
      peers.push_back(peer_side.create_identity().value());
      ASSERT_TRUE(node.identities->remember(peers.back()));
      ASSERT_LE(node.storage->identities().known_count().value(), kBound);
    }
    EXPECT_EQ(node.storage->identities().known_count().value(), kBound);
  }
  auto restarted = start(kBound);
  // Ours, named or not, are all there with their keys.
  EXPECT_EQ(restarted.identities->get_named_identity("alice").value().identifier(), alice);
  auto ours = restarted.identities->get(unnamed).value();
  EXPECT_TRUE(restarted.identities->vault()->signing_key_handle(ours.primary_public_key()));
  // The most recent peers are known; the oldest were evicted.
  EXPECT_EQ(restarted.identities->get(peers.back().identifier()).value(), peers.back());
  EXPECT_EQ(restarted.identities->get(peers.front().identifier()).error().kind(), Kind::kNotFound);
  // An evicted peer is simply stored again at its next handshake.
  EXPECT_TRUE(restarted.identities->remember(peers.front()));
  EXPECT_EQ(restarted.storage->identities().known_count().value(), kBound);
}

TEST_P(PersistentIdentitiesTest, AnOlderHistoryIsRefusedAgainstTheStoredOne) {
  auto first = start();
  auto alice = first.identities->create_named_identity("alice").value();
  auto rotated = first.identities->rotate_named_identity_key("alice").value();
  auto second = start();
  auto older = second.identities->import(alice.export_bytes());
  ASSERT_FALSE(older);
  EXPECT_EQ(older.error().kind(), Kind::kInvalid);
  EXPECT_EQ(second.identities->get(alice.identifier()).value(), rotated);
}

TEST_P(PersistentIdentitiesTest, DeletedIdentityIsGoneWithItsKeys) {
  auto first = start();
  auto alice = first.identities->create_named_identity("alice").value();
  ASSERT_TRUE(first.identities->get_or_create_secure_channel_purpose_key(alice.identifier()));
  ASSERT_TRUE(first.identities->create_named_identity("bob"));
  ASSERT_TRUE(first.identities->delete_named_identity("alice"));
  auto second = start();
  EXPECT_EQ(second.identities->get_named_identity("alice").error().kind(), Kind::kNotFound);
  EXPECT_EQ(second.identities->get(alice.identifier()).error().kind(), Kind::kNotFound);
  EXPECT_EQ(second.identities->default_named_identity().value().identifier(),
            second.identities->get_named_identity("bob").value().identifier());
  EXPECT_EQ(second.storage->secrets().handles().value().size(), 1u);  // bob's key only
}

TEST_P(PersistentIdentitiesTest, TakenNameIsRefusedWithoutLeavingAKey) {
  auto first = start();
  ASSERT_TRUE(first.identities->create_named_identity("alice"));
  auto again = first.identities->create_named_identity("alice");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind(), Kind::kAlreadyExists);
  EXPECT_EQ(again.error().to_string(),
            "identity/already exists: an identity with this name exists (identity \"alice\")");
  EXPECT_EQ(first.storage->secrets().handles().value().size(), 1u);
  auto listed = first.identities->list_named_identities().value();
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_TRUE(listed[0].is_default);
}

TEST_P(PersistentIdentitiesTest, DamagedStoredHistoryIsReportedNotTrusted) {
  Identifier alice;
  {
    auto first = start();
    alice = first.identities->create_named_identity("alice").value().identifier();
    Bytes history = first.storage->identities().change_history(alice.to_string()).value();
    history[history.size() - 3] ^= 1;  // inside the last signature
    ASSERT_TRUE(first.storage->identities().put_change_history(alice.to_string(), history, 0));
  }
  auto second = start();
  auto loaded = second.identities->get_named_identity("alice");
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().kind(), Kind::kInvalid);
}

INSTANTIATE_TEST_SUITE_P(Backends, PersistentIdentitiesTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         ::ockam::testing::backend_name);

TEST(InMemoryNamedIdentitiesTest, NamesWorkWithoutAStorage) {
  Identities identities(std::make_shared<vault::Vault>());
  auto alice = identities.create_named_identity("alice").value();
  EXPECT_EQ(identities.get_named_identity("alice").value(), alice);
  EXPECT_EQ(identities.default_named_identity().value(), alice);
  EXPECT_EQ(identities.get_or_create_named_identity("alice").value(), alice);
  ASSERT_TRUE(identities.delete_named_identity("alice"));
  EXPECT_EQ(identities.get_named_identity("alice").error().to_string(),
            "identity/not found: no identity with this name (identity \"alice\")");
  EXPECT_EQ(identities.set_default_named_identity("bob").error().to_string(),
            "identity/not found: no identity with this name (identity \"bob\")");
}

}  // namespace
}  // namespace ockam::identity
