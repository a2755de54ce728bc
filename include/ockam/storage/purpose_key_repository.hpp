#pragma once

#include <memory>
#include <string>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"
#include "ockam/storage/database.hpp"

namespace ockam::storage {

/// PurposeKeyRepository keeps the purpose key attestations of our identities (table
/// `purpose_key`), one per identifier and purpose ("SecureChannels" or "Credentials", Ockam's
/// names). The attestation is the CBOR PurposeKeyAttestation; its secret key is in the vault.
class PurposeKeyRepository {
 public:
  PurposeKeyRepository(std::shared_ptr<Database> database, std::string scope)
      : database_(std::move(database)), scope_(std::move(scope)) {}

  /// put stores (or replaces) the attestation of `identifier` for `purpose`.
  Result<void> put(const std::string& identifier, const std::string& purpose, ByteView attestation);
  /// get returns the attestation of `identifier` for `purpose`; kNotFound when there is none.
  Result<Bytes> get(const std::string& identifier, const std::string& purpose) const;
  /// remove deletes every attestation of `identifier`.
  Result<void> remove_all(const std::string& identifier);

 private:
  std::shared_ptr<Database> database_;
  std::string scope_;
};

}  // namespace ockam::storage
