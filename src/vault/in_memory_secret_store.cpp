#include "ockam/vault/in_memory_secret_store.hpp"

#include <utility>

namespace ockam::vault {

Result<void> InMemorySecretStore::store(ByteView handle, SecretType type, SecretBytes secret) {
  std::lock_guard lock(mutex_);
  auto [it, inserted] =
      secrets_.try_emplace(Bytes(handle.begin(), handle.end()), StoredSecret{type, SecretBytes()});
  if (!inserted) {
    return Error(Origin::kVault, Kind::kAlreadyExists, "a secret with this handle exists");
  }
  it->second.secret = std::move(secret);
  return ok();
}

Result<StoredSecret> InMemorySecretStore::load(ByteView handle) const {
  std::lock_guard lock(mutex_);
  auto it = secrets_.find(Bytes(handle.begin(), handle.end()));
  if (it == secrets_.end()) {
    return Error(Origin::kVault, Kind::kNotFound, "no secret with this handle");
  }
  return StoredSecret{it->second.type, it->second.secret.clone()};
}

Result<void> InMemorySecretStore::remove(ByteView handle) {
  std::lock_guard lock(mutex_);
  if (secrets_.erase(Bytes(handle.begin(), handle.end())) == 0) {
    return Error(Origin::kVault, Kind::kNotFound, "no secret with this handle");
  }
  return ok();
}

}  // namespace ockam::vault
