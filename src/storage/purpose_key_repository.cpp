#include "ockam/storage/purpose_key_repository.hpp"

namespace ockam::storage {

Result<void> PurposeKeyRepository::put(const std::string& identifier, const std::string& purpose,
                                       ByteView attestation) {
  return database_->execute(
      "INSERT INTO purpose_key (scope, identifier, purpose, attestation) VALUES ($1, $2, $3, $4) "
      "ON CONFLICT (scope, identifier, purpose) DO UPDATE SET attestation = excluded.attestation",
      {scope_, identifier, purpose, Bytes(attestation.begin(), attestation.end())});
}

Result<Bytes> PurposeKeyRepository::get(const std::string& identifier,
                                        const std::string& purpose) const {
  auto row = database_->query_one(
      "SELECT attestation FROM purpose_key WHERE scope = $1 AND identifier = $2 AND purpose = $3",
      {scope_, identifier, purpose});
  if (!row) {
    return row.error();
  }
  return column_bytes(*row, 0);
}

Result<void> PurposeKeyRepository::remove_all(const std::string& identifier) {
  return database_->execute("DELETE FROM purpose_key WHERE scope = $1 AND identifier = $2",
                            {scope_, identifier});
}

}  // namespace ockam::storage
