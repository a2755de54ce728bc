#pragma once

#include <memory>
#include <string>
#include <vector>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"
#include "ockam/core/secret_bytes.hpp"
#include "ockam/storage/database.hpp"
#include "ockam/storage/secret_sealer.hpp"

namespace ockam::storage {

/// SecretRecord is one vault secret as stored: its type name and the secret, unsealed.
struct SecretRecord {
  std::string type;
  SecretBytes secret;
};

/// SecretRepository keeps vault secrets (table `vault_secret`) by handle, each sealed under
/// the vault key with its scope, type and handle as associated data. Safe for concurrent use.
class SecretRepository {
 public:
  SecretRepository(std::shared_ptr<Database> database, std::string scope, SecretSealer sealer)
      : database_(std::move(database)), scope_(std::move(scope)), sealer_(std::move(sealer)) {}

  /// store seals and stores `secret` of `type` under `handle`; kAlreadyExists when taken.
  Result<void> store(ByteView handle, const std::string& type, const SecretBytes& secret);
  /// load returns the secret under `handle`; kNotFound when there is none, kPermission when
  /// it does not open (tampered row or another vault key; the row is left as it is).
  Result<SecretRecord> load(ByteView handle) const;
  /// remove deletes the secret under `handle`; kNotFound when there is none.
  Result<void> remove(ByteView handle);
  /// handles lists the handles of all secrets of this scope.
  Result<std::vector<Bytes>> handles() const;

 private:
  Bytes associated_data(ByteView handle, const std::string& type) const;

  std::shared_ptr<Database> database_;
  std::string scope_;
  SecretSealer sealer_;
};

}  // namespace ockam::storage
