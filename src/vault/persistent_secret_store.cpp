#include "ockam/vault/persistent_secret_store.hpp"

#include <optional>
#include <string>

namespace ockam::vault {
namespace {

// Names of the persisted types in the `secret_type` column (Ockam's names where it has them).
std::optional<std::string> persisted_type_name(SecretType type) {
  switch (type) {
    case SecretType::kEd25519:
      return "EdDSACurve25519";
    case SecretType::kP256:
      return "ECDSASHA256CurveP256";
    case SecretType::kX25519:
      return "X25519";
    case SecretType::kBuffer:
    case SecretType::kAes256Gcm:
      return std::nullopt;
  }
  return std::nullopt;
}

std::optional<SecretType> persisted_type(const std::string& name) {
  for (SecretType type : {SecretType::kEd25519, SecretType::kP256, SecretType::kX25519}) {
    if (persisted_type_name(type) == name) {
      return type;
    }
  }
  return std::nullopt;
}

}  // namespace

Result<void> PersistentSecretStore::store(ByteView handle, SecretType type, SecretBytes secret) {
  auto name = persisted_type_name(type);
  if (!name) {
    return transient_.store(handle, type, std::move(secret));
  }
  auto stored = storage_->secrets().store(handle, *name, secret);
  if (!stored) {
    return stored;
  }
  std::lock_guard lock(mutex_);
  cache_.insert_or_assign(Bytes(handle.begin(), handle.end()),
                          StoredSecret{type, std::move(secret)});
  return ok();
}

Result<StoredSecret> PersistentSecretStore::load(ByteView handle) const {
  if (auto transient = transient_.load(handle); transient) {
    return transient;
  }
  Bytes key(handle.begin(), handle.end());
  {
    std::lock_guard lock(mutex_);
    if (auto found = cache_.find(key); found != cache_.end()) {
      return StoredSecret{found->second.type, found->second.secret.clone()};
    }
  }
  auto record = storage_->secrets().load(handle);
  if (!record) {
    return record.error();
  }
  auto type = persisted_type(record->type);
  if (!type) {
    return Error(Origin::kVault, Kind::kParse, "a stored secret has an unknown type");
  }
  std::lock_guard lock(mutex_);
  cache_.insert_or_assign(key, StoredSecret{*type, record->secret.clone()});
  return StoredSecret{*type, std::move(record->secret)};
}

Result<void> PersistentSecretStore::remove(ByteView handle) {
  if (auto transient = transient_.remove(handle); transient) {
    return transient;
  }
  {
    std::lock_guard lock(mutex_);
    cache_.erase(Bytes(handle.begin(), handle.end()));
  }
  return storage_->secrets().remove(handle);
}

}  // namespace ockam::vault
