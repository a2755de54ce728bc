#include "ockam/storage/secret_repository.hpp"

namespace ockam::storage {
namespace {

// A handle names a key without being one: the caller learns which key it asked for.
Error no_secret_with(ByteView handle) {
  return Error(Origin::kVault, Kind::kNotFound, "no secret with this handle")
      .with_detail(to_hex(handle));
}

}  // namespace

Bytes SecretRepository::associated_data(ByteView handle, const std::string& type) const {
  Bytes ad = to_bytes("vault_secret");
  for (std::string_view part : {std::string_view(scope_), std::string_view(type)}) {
    ad.push_back(0);
    ad.insert(ad.end(), part.begin(), part.end());
  }
  ad.push_back(0);
  ad.insert(ad.end(), handle.begin(), handle.end());
  return ad;
}

Result<void> SecretRepository::store(ByteView handle, const std::string& type,
                                     const SecretBytes& secret) {
  auto sealed = sealer_.seal(secret.expose_secret(), associated_data(handle, type));
  if (!sealed) {
    return sealed.error();
  }
  return database_->execute(
      "INSERT INTO vault_secret (scope, handle, secret_type, sealed_secret) "
      "VALUES ($1, $2, $3, $4)",
      {scope_, Bytes(handle.begin(), handle.end()), type, std::move(*sealed)});
}

Result<SecretRecord> SecretRepository::load(ByteView handle) const {
  auto row = database_->query_one(
      "SELECT secret_type, sealed_secret FROM vault_secret WHERE scope = $1 AND handle = $2",
      {scope_, Bytes(handle.begin(), handle.end())});
  if (!row) {
    if (row.error().kind() == Kind::kNotFound) {
      return no_secret_with(handle);
    }
    return row.error();
  }
  auto type = column_text(*row, 0);
  auto sealed = column_bytes(*row, 1);
  if (!type || !sealed) {
    return type ? sealed.error() : type.error();
  }
  auto secret = sealer_.unseal(*sealed, associated_data(handle, *type));
  if (!secret) {
    return secret.error();
  }
  return SecretRecord{std::move(*type), std::move(*secret)};
}

Result<void> SecretRepository::remove(ByteView handle) {
  auto rows =
      database_->query("DELETE FROM vault_secret WHERE scope = $1 AND handle = $2 RETURNING handle",
                       {scope_, Bytes(handle.begin(), handle.end())});
  if (!rows) {
    return rows.error();
  }
  if (rows->empty()) {
    return no_secret_with(handle);
  }
  return ok();
}

Result<std::vector<Bytes>> SecretRepository::handles() const {
  auto rows = database_->query("SELECT handle FROM vault_secret WHERE scope = $1 ORDER BY handle",
                               {scope_});
  if (!rows) {
    return rows.error();
  }
  std::vector<Bytes> handles;
  for (const auto& row : *rows) {
    auto handle = column_bytes(row, 0);
    if (!handle) {
      return handle.error();
    }
    handles.push_back(std::move(*handle));
  }
  return handles;
}

}  // namespace ockam::storage
