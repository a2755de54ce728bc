#include "ockam/vault/persistent_secret_store.hpp"

#include <gtest/gtest.h>

#include "ockam/vault/vault.hpp"
#include "support/storage_backends.hpp"

namespace ockam::vault {
namespace {

using ::ockam::testing::TemporaryFolder;

std::shared_ptr<storage::Storage> open_in(const TemporaryFolder& folder) {
  auto options = storage::StorageOptions::in_home(folder.path());
  options.postgres_url.clear();
  options.passphrase.reset();
  return storage::Storage::open(std::move(options)).value();
}

TEST(PersistentSecretStoreTest, KeysAreStoredSealedAndShortLivedSecretsStayInMemory) {
  TemporaryFolder folder;
  auto storage = open_in(folder);
  Vault vault(std::make_unique<PersistentSecretStore>(storage));
  auto signing = vault.generate_signing_key(SigningKeyType::kEd25519).value();
  auto x25519 = vault.generate_x25519_key().value();
  auto buffer = vault.import_secret_buffer(SecretBytes(Bytes(32, 7))).value();
  auto handles = storage->secrets().handles().value();
  EXPECT_EQ(handles.size(), 2u);
  EXPECT_EQ(storage->secrets().load(signing.value()).value().type, "EdDSACurve25519");
  EXPECT_EQ(storage->secrets().load(x25519.value()).value().type, "X25519");
  EXPECT_EQ(storage->secrets().load(buffer.value()).error().kind(), Kind::kNotFound);
}

TEST(PersistentSecretStoreTest, AnotherProcessSignsWithTheStoredKey) {
  TemporaryFolder folder;
  SigningKeyHandle handle;
  VerifyingPublicKey public_key;
  {
    Vault vault(std::make_unique<PersistentSecretStore>(open_in(folder)));
    handle = vault.generate_signing_key(SigningKeyType::kEd25519).value();
    public_key = vault.signing_public_key(handle).value();
  }
  Vault later(std::make_unique<PersistentSecretStore>(open_in(folder)));
  EXPECT_EQ(later.signing_key_handle(public_key).value(), handle);
  auto signature = later.sign(handle, as_bytes("data")).value();
  EXPECT_TRUE(Vault::verify_signature(public_key, as_bytes("data"), signature));
  ASSERT_TRUE(later.delete_signing_key(handle));
  Vault after(std::make_unique<PersistentSecretStore>(open_in(folder)));
  auto deleted = after.signing_public_key(handle);
  ASSERT_FALSE(deleted);
  EXPECT_EQ(deleted.error().kind(), Kind::kNotFound);
  EXPECT_EQ(deleted.error().detail(), to_hex(handle.value()));
}

TEST(PersistentSecretStoreTest, TamperedKeyRowIsReportedNotUsed) {
  TemporaryFolder folder;
  SigningKeyHandle handle;
  {
    auto storage = open_in(folder);
    Vault vault(std::make_unique<PersistentSecretStore>(storage));
    handle = vault.generate_signing_key(SigningKeyType::kEd25519).value();
    ASSERT_TRUE(
        storage->database().execute("UPDATE vault_secret SET sealed_secret = $1 WHERE handle = $2",
                                    {Bytes(61, 1), handle.value()}));
  }
  Vault later(std::make_unique<PersistentSecretStore>(open_in(folder)));
  auto signed_data = later.sign(handle, as_bytes("data"));
  ASSERT_FALSE(signed_data);
  EXPECT_EQ(signed_data.error().kind(), Kind::kPermission);
}

}  // namespace
}  // namespace ockam::vault
