#include "ockam/vault/in_memory_secret_store.hpp"

#include <utility>

namespace ockam::vault {
namespace {

// A handle names a key without being one: the caller learns which key it asked for.
Error no_secret_with(ByteView handle) {
  return Error(Origin::kVault, Kind::kNotFound, "no secret with this handle")
      .with_detail(to_hex(handle));
}

}  // namespace

Result<void> InMemorySecretStore::store(ByteView handle, SecretType type, SecretBytes secret) {
  std::lock_guard lock(mutex_);
  auto [it, inserted] =
      secrets_.try_emplace(Bytes(handle.begin(), handle.end()), StoredSecret{type, SecretBytes()});
  if (!inserted) {
    return Error(Origin::kVault, Kind::kAlreadyExists, "a secret with this handle exists")
        .with_detail(to_hex(handle));
  }
  it->second.secret = std::move(secret);
  return ok();
}

Result<StoredSecret> InMemorySecretStore::load(ByteView handle) const {
  std::lock_guard lock(mutex_);
  auto it = secrets_.find(Bytes(handle.begin(), handle.end()));
  if (it == secrets_.end()) {
    return no_secret_with(handle);
  }
  return StoredSecret{it->second.type, it->second.secret.clone()};
}

Result<void> InMemorySecretStore::remove(ByteView handle) {
  std::lock_guard lock(mutex_);
  if (secrets_.erase(Bytes(handle.begin(), handle.end())) == 0) {
    return no_secret_with(handle);
  }
  return ok();
}

}  // namespace ockam::vault
