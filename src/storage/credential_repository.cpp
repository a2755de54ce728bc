#include "ockam/storage/credential_repository.hpp"

#include "storage/internal/record_rows.hpp"

namespace ockam::storage {
namespace {

Result<CredentialRecord> parse(const SqlRow& row) {
  auto subject = column_text(row, 0);
  auto issuer = column_text(row, 1);
  auto scope = column_text(row, 2);
  auto credential = column_bytes(row, 3);
  auto expires_at = column_int(row, 4);
  if (!subject || !issuer || !scope || !credential || !expires_at) {
    return Error(Origin::kVault, Kind::kParse, "a stored row has an unexpected column type");
  }
  return CredentialRecord{std::move(*subject), std::move(*issuer), std::move(*scope),
                          std::move(*credential), *expires_at};
}

Result<std::vector<CredentialRecord>> records(Result<std::vector<SqlRow>> rows) {
  return internal::records_from<CredentialRecord>(std::move(rows), parse);
}

}  // namespace

Result<void> CredentialRepository::put(const CredentialRecord& record) {
  return database_->execute(
      "INSERT INTO credential (scope, subject, issuer, credential_scope, credential, expires_at) "
      "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (scope, subject, issuer, credential_scope) "
      "DO UPDATE SET credential = excluded.credential, expires_at = excluded.expires_at",
      {scope_, record.subject, record.issuer, record.credential_scope, record.credential,
       record.expires_at});
}

Result<CredentialRecord> CredentialRepository::get(const std::string& subject,
                                                   const std::string& issuer,
                                                   const std::string& credential_scope) const {
  return internal::first_record(
      records(database_->query(
          "SELECT subject, issuer, credential_scope, credential, expires_at FROM credential WHERE "
          "scope = $1 AND subject = $2 AND issuer = $3 AND credential_scope = $4",
          {scope_, subject, issuer, credential_scope})),
      "no such credential");
}

Result<std::vector<CredentialRecord>> CredentialRepository::list_for_subject(
    const std::string& subject) const {
  return records(database_->query(
      "SELECT subject, issuer, credential_scope, credential, expires_at FROM credential WHERE "
      "scope = $1 AND subject = $2 ORDER BY issuer, credential_scope",
      {scope_, subject}));
}

Result<std::int64_t> CredentialRepository::delete_expired(std::int64_t now) {
  auto rows = database_->query(
      "DELETE FROM credential WHERE scope = $1 AND expires_at < $2 RETURNING subject",
      {scope_, now});
  if (!rows) {
    return rows.error();
  }
  return static_cast<std::int64_t>(rows->size());
}

}  // namespace ockam::storage
