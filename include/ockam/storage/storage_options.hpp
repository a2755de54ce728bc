#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "ockam/core/secret_bytes.hpp"
#include "ockam/storage/identity_repository.hpp"

namespace ockam::storage {

/// StorageOptions says where a node keeps its state and how its secrets are sealed. The
/// default is a private in-memory database (nothing survives the process), as Ockam's
/// `node(ctx)` does for library programs.
struct StorageOptions {
  /// Name of the database file in a node's home folder (Ockam's name).
  static constexpr const char* kDatabaseFileName = "database.sqlite3";
  /// Name of the vault key file beside the database.
  static constexpr const char* kVaultKeyFileName = "vault.key";

  /// The SQLite database file; empty for an in-memory database.
  std::filesystem::path sqlite_path;
  /// A PostgreSQL connection URL (`postgres://user:password@host:port/dbname`); when set it is
  /// used instead of `sqlite_path`.
  std::string postgres_url;
  /// The node name that owns the rows this program reads and writes: nodes that share one
  /// database see each other's records only under the same name.
  std::string scope = "default";
  /// The file holding the 32-byte vault key; empty means `vault.key` beside `sqlite_path`.
  /// Created (mode 0600) on first use.
  std::filesystem::path vault_key_file;
  /// A passphrase to derive the vault key from (Argon2id) instead of keeping a key file.
  std::optional<SecretBytes> passphrase;
  /// At most this many peers' identities (verified change histories that are neither ours nor
  /// named) are kept per scope; beyond, the least recently stored are deleted. Ours are kept.
  std::int64_t max_known_identities = IdentityRepository::kDefaultMaxKnown;

  /// in_home returns the options of a node whose home folder is `home`:
  /// `home/database.sqlite3` and `home/vault.key`, unless the environment says otherwise:
  /// OCKAM_DATABASE_CONNECTION_URL selects PostgreSQL, OCKAM_VAULT_PASSPHRASE a passphrase.
  static StorageOptions in_home(const std::filesystem::path& home);
  /// in_memory returns the default: a private in-memory database.
  static StorageOptions in_memory() { return {}; }
};

}  // namespace ockam::storage
