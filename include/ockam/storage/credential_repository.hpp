#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"
#include "ockam/storage/database.hpp"

namespace ockam::storage {

/// CredentialRecord is one stored credential (table `credential`).
struct CredentialRecord {
  std::string subject;
  std::string issuer;
  /// What the credential is for (Ockam's credential `scope`), for example a project.
  std::string credential_scope;
  /// CBOR CredentialAndPurposeKey.
  Bytes credential;
  /// Seconds since the Unix epoch.
  std::int64_t expires_at = 0;
};

/// CredentialRepository keeps credentials, one per subject, issuer and credential scope (the
/// newest replaces the older, as Ockam's upsert does). Callers verify before storing.
class CredentialRepository {
 public:
  CredentialRepository(std::shared_ptr<Database> database, std::string scope)
      : database_(std::move(database)), scope_(std::move(scope)) {}

  /// put stores (or replaces) `record`.
  Result<void> put(const CredentialRecord& record);
  /// get returns the credential of `subject` from `issuer` for `credential_scope`; kNotFound.
  Result<CredentialRecord> get(const std::string& subject, const std::string& issuer,
                               const std::string& credential_scope) const;
  /// list_for_subject returns the credentials of `subject`.
  Result<std::vector<CredentialRecord>> list_for_subject(const std::string& subject) const;
  /// delete_expired deletes the credentials that expired before `now`; returns how many.
  Result<std::int64_t> delete_expired(std::int64_t now);

 private:
  std::shared_ptr<Database> database_;
  std::string scope_;
};

}  // namespace ockam::storage
