#include "ockam/storage/migrations.hpp"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace ockam::storage {
namespace {

// The migrations, one list of statements per version (index 0 is version 1). Written once for
// both engines: BLOB becomes BYTEA for PostgreSQL. Every table is keyed by `scope`, the node
// name that owns the row, so several nodes can share one database. Never edit a migration that
// has shipped: add the next one.
const std::vector<std::vector<std::string_view>>& migrations() {
  static const std::vector<std::vector<std::string_view>> kMigrations = {
      {
          // How the secrets of a scope are sealed: `kind` is 'file' or 'passphrase' (then the
          // Argon2id salt and limits are kept), `sealed_check` a known value sealed under the
          // key, which tells a wrong key at open.
          // NOLINTNEXTLINE(bugprone-suspicious-missing-comma): long statements span lines
          "CREATE TABLE vault_key (scope TEXT NOT NULL PRIMARY KEY, kind TEXT NOT NULL, "
          "salt BLOB, ops_limit BIGINT, mem_limit BIGINT, sealed_check BLOB NOT NULL)",
          // Vault secrets (Ockam's signing_secret/x25519_secret/aead_secret), sealed.
          "CREATE TABLE vault_secret (scope TEXT NOT NULL, handle BLOB NOT NULL, "
          "secret_type TEXT NOT NULL, sealed_secret BLOB NOT NULL, PRIMARY KEY (scope, handle))",
          // Change histories, our own and the peers' we verified (Ockam's `identity`).
          "CREATE TABLE identity (scope TEXT NOT NULL, identifier TEXT NOT NULL, "
          "change_history BLOB NOT NULL, updated_at BIGINT NOT NULL, "
          "PRIMARY KEY (scope, identifier))",
          "CREATE INDEX identity_by_age ON identity (scope, updated_at)",
          // Our identities by name (Ockam's `named_identity`).
          "CREATE TABLE named_identity (scope TEXT NOT NULL, name TEXT NOT NULL, "
          "identifier TEXT NOT NULL, is_default BIGINT NOT NULL DEFAULT 0, "
          "created_at BIGINT NOT NULL, PRIMARY KEY (scope, name), UNIQUE (scope, identifier))",
          // Purpose key attestations of our identities (Ockam's `purpose_key`).
          "CREATE TABLE purpose_key (scope TEXT NOT NULL, identifier TEXT NOT NULL, "
          "purpose TEXT NOT NULL, attestation BLOB NOT NULL, "
          "PRIMARY KEY (scope, identifier, purpose))",
          // Credentials (Ockam's `credential`; `credential_scope` is its `scope`).
          "CREATE TABLE credential (scope TEXT NOT NULL, subject TEXT NOT NULL, "
          "issuer TEXT NOT NULL, credential_scope TEXT NOT NULL, credential BLOB NOT NULL, "
          "expires_at BIGINT NOT NULL, PRIMARY KEY (scope, subject, issuer, credential_scope))",
          // Command-line records: nodes, relays, TCP inlets and outlets.
          "CREATE TABLE node (scope TEXT NOT NULL, name TEXT NOT NULL, identifier TEXT NOT NULL, "
          "pid BIGINT, tcp_listener_address TEXT, is_default BIGINT NOT NULL DEFAULT 0, "
          "created_at BIGINT NOT NULL, PRIMARY KEY (scope, name))",
          "CREATE TABLE relay (scope TEXT NOT NULL, node_name TEXT NOT NULL, name TEXT NOT NULL, "
          "relay_route TEXT NOT NULL, remote_address TEXT, created_at BIGINT NOT NULL, "
          "PRIMARY KEY (scope, node_name, name))",
          "CREATE TABLE tcp_inlet (scope TEXT NOT NULL, node_name TEXT NOT NULL, "
          "alias TEXT NOT NULL, bind_address TEXT NOT NULL, outlet_route TEXT NOT NULL, "
          "created_at BIGINT NOT NULL, PRIMARY KEY (scope, node_name, alias))",
          "CREATE TABLE tcp_outlet (scope TEXT NOT NULL, node_name TEXT NOT NULL, "
          "worker_address TEXT NOT NULL, to_address TEXT NOT NULL, created_at BIGINT NOT NULL, "
          "PRIMARY KEY (scope, node_name, worker_address))",
      },
      {
          // Marks the histories of our own identities (with or without a name), which the
          // bound on peers' histories never evicts. Histories stored by version 1 count as
          // peers' unless named.
          "ALTER TABLE identity ADD COLUMN is_own BIGINT NOT NULL DEFAULT 0",
          // The order histories were stored in, per scope (updated_at has only seconds): the
          // bound evicts the least recently stored. Version 1's rows come first (0).
          "ALTER TABLE identity ADD COLUMN stored_order BIGINT NOT NULL DEFAULT 0",
          "CREATE INDEX identity_by_stored_order ON identity (scope, stored_order)",
      },
  };
  return kMigrations;
}

std::string for_dialect(std::string_view sql, Dialect dialect) {
  std::string text(sql);
  if (dialect == Dialect::kPostgres) {
    for (auto at = text.find(" BLOB"); at != std::string::npos; at = text.find(" BLOB", at)) {
      text.replace(at, 5, " BYTEA");
    }
  }
  return text;
}

}  // namespace

Result<void> migrate(Database& database) {
  static_assert(kSchemaVersion > 0);
  if (migrations().size() != static_cast<std::size_t>(kSchemaVersion)) {
    return Error(Origin::kVault, Kind::kInternal, "schema version and migrations disagree");
  }
  auto created = database.execute(
      "CREATE TABLE IF NOT EXISTS ockam_schema (id BIGINT NOT NULL PRIMARY KEY, "
      "version BIGINT NOT NULL)");
  if (!created) {
    return created;
  }
  std::int64_t version = 0;
  auto row = database.query_one("SELECT version FROM ockam_schema WHERE id = 1", {});
  if (row) {
    auto stored = column_int(*row, 0);
    if (!stored) {
      return stored.error();
    }
    version = *stored;
  } else if (row.error().kind() != Kind::kNotFound) {
    return row.error();
  }
  if (version > kSchemaVersion) {
    return Error(Origin::kVault, Kind::kUnsupported,
                 "the database was written by a newer version of ockam-cpp");
  }
  if (version < 0) {
    return Error(Origin::kVault, Kind::kInvalid, "the database's schema version is invalid");
  }
  for (auto next = version; next < kSchemaVersion; ++next) {
    for (std::string_view statement : migrations()[static_cast<std::size_t>(next)]) {
      auto applied = database.execute(for_dialect(statement, database.dialect()));
      if (!applied) {
        return applied;
      }
    }
  }
  if (version != kSchemaVersion) {
    return database.execute(
        "INSERT INTO ockam_schema (id, version) VALUES (1, $1) "
        "ON CONFLICT (id) DO UPDATE SET version = excluded.version",
        {SqlValue{kSchemaVersion}});
  }
  return ok();
}

}  // namespace ockam::storage
