#pragma once

#include <map>
#include <memory>
#include <mutex>

#include "ockam/storage/storage.hpp"
#include "ockam/vault/in_memory_secret_store.hpp"
#include "ockam/vault/secret_store.hpp"

namespace ockam::vault {

/// PersistentSecretStore keeps long-lived secrets (Ed25519, P-256 and X25519 keys) in the
/// node's database, sealed under the vault key (storage::SecretRepository), and short-lived
/// ones (secret buffers, AEAD keys: handshake and channel state) in memory only. Secrets loaded
/// from the database are cached in memory (wiped on removal and destruction); a key is never
/// changed under its handle, so the cache cannot go stale except for a key another process
/// deleted. Safe for concurrent use.
class PersistentSecretStore final : public SecretStore {
 public:
  explicit PersistentSecretStore(std::shared_ptr<storage::Storage> storage)
      : storage_(std::move(storage)) {}

  /// Stores a key in the database (kAlreadyExists when the handle is taken there), or a
  /// short-lived secret in memory.
  Result<void> store(ByteView handle, SecretType type, SecretBytes secret) override;
  /// Looks in memory, then in the database. kNotFound when neither holds `handle`; kPermission
  /// when the stored row does not open with the vault key (tampered, or another key).
  Result<StoredSecret> load(ByteView handle) const override;
  /// Deletes from memory and the database; kNotFound when neither holds `handle`.
  Result<void> remove(ByteView handle) override;

 private:
  std::shared_ptr<storage::Storage> storage_;
  InMemorySecretStore transient_;
  mutable std::mutex mutex_;
  mutable std::map<Bytes, StoredSecret> cache_;
};

}  // namespace ockam::vault
