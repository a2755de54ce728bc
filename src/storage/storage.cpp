#include "ockam/storage/storage.hpp"

#include "ockam/crypto/random.hpp"
#include "ockam/storage/migrations.hpp"
#include "ockam/storage/postgres_database.hpp"
#include "ockam/storage/sqlite_database.hpp"
#include "ockam/storage/vault_key.hpp"
#include "storage/internal/private_file.hpp"

namespace ockam::storage {
namespace {

// Sealed under the vault key and stored: opening it at a later open proves the key is right.
constexpr std::string_view kKeyCheck = "ockam-cpp vault key check v1";

Bytes key_check_associated_data(const std::string& scope) {
  Bytes ad = to_bytes("vault_key");
  ad.push_back(0);
  ad.insert(ad.end(), scope.begin(), scope.end());
  return ad;
}

Result<std::shared_ptr<Database>> open_database(const StorageOptions& options) {
  if (!options.postgres_url.empty()) {
    auto database = PostgresDatabase::open(options.postgres_url);
    if (!database) {
      return database.error();
    }
    return std::shared_ptr<Database>(std::move(*database));
  }
  if (options.sqlite_path.empty()) {
    auto database = SqliteDatabase::open_in_memory();
    if (!database) {
      return database.error();
    }
    return std::shared_ptr<Database>(std::move(*database));
  }
  if (auto prepared = internal::prepare_private_file(options.sqlite_path); !prepared) {
    return prepared.error();
  }
  auto database = SqliteDatabase::open(options.sqlite_path);
  if (!database) {
    return database.error();
  }
  return std::shared_ptr<Database>(std::move(*database));
}

// The scope's vault_key row: how its secrets are sealed.
struct StoredVaultKey {
  std::string kind;  // "file" or "passphrase"
  std::optional<PassphraseParameters> parameters;
  Bytes sealed_check;
};

// The scope's vault_key row, or nullopt when the scope has none yet.
Result<std::optional<StoredVaultKey>> read_vault_key(Database& database, const std::string& scope) {
  auto rows = database.query(
      "SELECT kind, salt, ops_limit, mem_limit, sealed_check FROM vault_key WHERE scope = $1",
      {scope});
  if (!rows) {
    return rows.error();
  }
  if (rows->empty()) {
    return std::optional<StoredVaultKey>();
  }
  const SqlRow& row = rows->front();
  auto kind = column_text(row, 0);
  auto check = column_bytes(row, 4);
  if (!kind || !check) {
    return Error(Origin::kVault, Kind::kParse, "the stored vault key check is damaged");
  }
  StoredVaultKey stored{std::move(*kind), std::nullopt, std::move(*check)};
  if (stored.kind == "passphrase") {
    auto salt = column_bytes(row, 1);
    auto ops = column_int(row, 2);
    auto mem = column_int(row, 3);
    if (!salt || !ops || !mem || *ops < 0 || *mem < 0) {
      return Error(Origin::kVault, Kind::kParse, "the stored passphrase parameters are damaged");
    }
    stored.parameters = PassphraseParameters{std::move(*salt), static_cast<std::uint64_t>(*ops),
                                             static_cast<std::uint64_t>(*mem)};
  }
  return std::optional<StoredVaultKey>(std::move(stored));
}

// The kind of vault key these options seal a scope with.
std::string key_kind(const StorageOptions& options, bool persistent) {
  return options.passphrase && persistent ? "passphrase" : "file";
}

// The key the secrets are sealed with, given the scope's passphrase parameters (stored, or
// fresh for a new scope): a key file is created only for a scope that has no secrets yet.
Result<SecretBytes> vault_key(const StorageOptions& options, bool persistent,
                              const std::optional<PassphraseParameters>& parameters,
                              bool first_use) {
  if (!persistent) {
    SecretBytes key(kVaultKeyLength);
    crypto::random_fill(key.expose_secret_mut());
    return key;
  }
  if (options.passphrase) {
    return derive_vault_key_from_passphrase(*options.passphrase, *parameters);
  }
  auto file = options.vault_key_file;
  if (file.empty()) {
    if (options.sqlite_path.empty()) {
      return Error(Origin::kVault, Kind::kInvalid,
                   "PostgreSQL storage needs a vault key file or OCKAM_VAULT_PASSPHRASE");
    }
    file = options.sqlite_path.parent_path() / StorageOptions::kVaultKeyFileName;
  }
  return first_use ? load_or_create_vault_key_file(file) : load_vault_key_file(file);
}

// Derives or loads the key of a scope that has a vault_key row and checks it opens the row's
// check value.
Result<SecretSealer> check_vault_key(const StoredVaultKey& stored, const StorageOptions& options,
                                     bool persistent) {
  std::string kind = key_kind(options, persistent);
  if (stored.kind != kind) {
    return Error(Origin::kVault, Kind::kPermission,
                 kind == "file" ? "this database's secrets are sealed with a passphrase: set "
                                  "OCKAM_VAULT_PASSPHRASE"
                                : "this database's secrets are sealed with a key file, not a "
                                  "passphrase: unset OCKAM_VAULT_PASSPHRASE");
  }
  auto key = vault_key(options, persistent, stored.parameters, false);
  if (!key) {
    return key.error();
  }
  auto sealer = SecretSealer::create(*key);
  if (!sealer) {
    return sealer.error();
  }
  auto opened = sealer->unseal(stored.sealed_check, key_check_associated_data(options.scope));
  if (!opened || !std::equal(opened->expose_secret().begin(), opened->expose_secret().end(),
                             kKeyCheck.begin(), kKeyCheck.end())) {
    return Error(Origin::kVault, Kind::kPermission,
                 "the vault key does not open this database's secrets (wrong key file or "
                 "passphrase)");
  }
  return std::move(*sealer);
}

// Makes the key of a scope that has no vault_key row and stores the row. nullopt when another
// opener stored the scope's row first: then that row is the one to check against.
Result<std::optional<SecretSealer>> create_vault_key(Database& database,
                                                     const StorageOptions& options,
                                                     bool persistent) {
  std::string kind = key_kind(options, persistent);
  std::optional<PassphraseParameters> parameters;
  if (kind == "passphrase") {
    parameters = PassphraseParameters::fresh();
  }
  auto key = vault_key(options, persistent, parameters, true);
  if (!key) {
    return key.error();
  }
  auto sealer = SecretSealer::create(*key);
  if (!sealer) {
    return sealer.error();
  }
  auto check = sealer->seal(as_bytes(kKeyCheck), key_check_associated_data(options.scope));
  if (!check) {
    return check.error();
  }
  SqlValue salt, ops, mem;
  if (parameters) {
    salt = parameters->salt;
    ops = static_cast<std::int64_t>(parameters->ops_limit);
    mem = static_cast<std::int64_t>(parameters->mem_limit);
  }
  // One statement, so the write lock is held for the insert alone.
  auto inserted = database.query(
      "INSERT INTO vault_key (scope, kind, salt, ops_limit, mem_limit, sealed_check) "
      "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (scope) DO NOTHING RETURNING scope",
      {options.scope, kind, salt, ops, mem, std::move(*check)});
  if (!inserted) {
    return inserted.error();
  }
  if (inserted->empty()) {
    return std::optional<SecretSealer>();
  }
  return std::optional<SecretSealer>(std::move(*sealer));
}

// The sealer of the scope's secrets. The key is derived (Argon2id takes a good fraction of a
// second and 64 MiB) or loaded outside any transaction, so other processes and connections
// keep writing meanwhile; concurrent first openers race on one INSERT and the losers check
// their key against the winner's row.
Result<SecretSealer> open_sealer(Database& database, const StorageOptions& options,
                                 bool persistent) {
  auto stored = read_vault_key(database, options.scope);
  if (!stored) {
    return stored.error();
  }
  if (!*stored) {
    auto created = create_vault_key(database, options, persistent);
    if (!created) {
      return created.error();
    }
    if (*created) {
      return std::move(**created);
    }
    stored = read_vault_key(database, options.scope);
    if (!stored) {
      return stored.error();
    }
    if (!*stored) {
      return Error(Origin::kVault, Kind::kInternal, "the vault key row vanished while opening");
    }
  }
  return check_vault_key(**stored, options, persistent);
}

}  // namespace

Storage::Storage(std::shared_ptr<Database> database, std::string scope, SecretSealer sealer,
                 bool persistent, std::int64_t max_known_identities)
    : database_(std::move(database)),
      scope_(std::move(scope)),
      persistent_(persistent),
      secrets_(database_, scope_, std::move(sealer)),
      identities_(database_, scope_, max_known_identities),
      purpose_keys_(database_, scope_),
      credentials_(database_, scope_),
      nodes_(database_, scope_),
      relays_(database_, scope_),
      tcp_inlets_(database_, scope_),
      tcp_outlets_(database_, scope_) {}

Result<std::shared_ptr<Storage>> Storage::open(StorageOptions options) {
  if (options.scope.empty()) {
    return Error(Origin::kVault, Kind::kInvalid, "the storage scope (node name) is empty");
  }
  bool persistent = !options.postgres_url.empty() || !options.sqlite_path.empty();
  auto database = open_database(options);
  if (!database) {
    return database.error();
  }
  // Only the migrations run in a write transaction; the vault key is checked after it.
  auto migrated = (*database)->transaction([&] { return migrate(**database); });
  if (!migrated) {
    return migrated.error();
  }
  auto sealer = open_sealer(**database, options, persistent);
  if (!sealer) {
    return sealer.error();
  }
  return std::make_shared<Storage>(std::move(*database), std::move(options.scope),
                                   std::move(*sealer), persistent, options.max_known_identities);
}

}  // namespace ockam::storage
