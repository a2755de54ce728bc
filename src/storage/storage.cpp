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

// The key the secrets are sealed with, once the stored vault_key row (if any) is known: a key
// file is created only for a scope that has no secrets yet.
Result<SecretBytes> vault_key(const StorageOptions& options, bool persistent,
                              const std::optional<PassphraseParameters>& stored, bool first_use) {
  if (!persistent) {
    SecretBytes key(kVaultKeyLength);
    crypto::random_fill(key.expose_secret_mut());
    return key;
  }
  if (options.passphrase) {
    return derive_vault_key_from_passphrase(*options.passphrase,
                                            stored ? *stored : PassphraseParameters::fresh());
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

// Reads the scope's vault_key row, derives or loads the key and checks it against the row, or
// stores a new row when the scope has none. Runs inside the opening transaction.
Result<SecretSealer> check_vault_key(Database& database, const StorageOptions& options,
                                     bool persistent) {
  auto rows = database.query(
      "SELECT kind, salt, ops_limit, mem_limit, sealed_check FROM vault_key WHERE scope = $1",
      {options.scope});
  if (!rows) {
    return rows.error();
  }
  std::string kind = options.passphrase && persistent ? "passphrase" : "file";
  Bytes ad = key_check_associated_data(options.scope);
  if (rows->empty()) {
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
    auto check = sealer->seal(as_bytes(kKeyCheck), ad);
    if (!check) {
      return check.error();
    }
    SqlValue salt, ops, mem;
    if (parameters) {
      salt = parameters->salt;
      ops = static_cast<std::int64_t>(parameters->ops_limit);
      mem = static_cast<std::int64_t>(parameters->mem_limit);
    }
    auto stored = database.execute(
        "INSERT INTO vault_key (scope, kind, salt, ops_limit, mem_limit, sealed_check) "
        "VALUES ($1, $2, $3, $4, $5, $6)",
        {options.scope, kind, salt, ops, mem, std::move(*check)});
    if (!stored) {
      return stored.error();
    }
    return std::move(*sealer);
  }
  const SqlRow& row = rows->front();
  auto stored_kind = column_text(row, 0);
  auto check = column_bytes(row, 4);
  if (!stored_kind || !check) {
    return Error(Origin::kVault, Kind::kParse, "the stored vault key check is damaged");
  }
  if (*stored_kind != kind) {
    return Error(Origin::kVault, Kind::kPermission,
                 kind == "file" ? "this database's secrets are sealed with a passphrase: set "
                                  "OCKAM_VAULT_PASSPHRASE"
                                : "this database's secrets are sealed with a key file, not a "
                                  "passphrase: unset OCKAM_VAULT_PASSPHRASE");
  }
  std::optional<PassphraseParameters> parameters;
  if (kind == "passphrase") {
    auto salt = column_bytes(row, 1);
    auto ops = column_int(row, 2);
    auto mem = column_int(row, 3);
    if (!salt || !ops || !mem || *ops < 0 || *mem < 0) {
      return Error(Origin::kVault, Kind::kParse, "the stored passphrase parameters are damaged");
    }
    parameters = PassphraseParameters{std::move(*salt), static_cast<std::uint64_t>(*ops),
                                      static_cast<std::uint64_t>(*mem)};
  }
  auto key = vault_key(options, persistent, parameters, false);
  if (!key) {
    return key.error();
  }
  auto sealer = SecretSealer::create(*key);
  if (!sealer) {
    return sealer.error();
  }
  auto opened = sealer->unseal(*check, ad);
  if (!opened || !std::equal(opened->expose_secret().begin(), opened->expose_secret().end(),
                             kKeyCheck.begin(), kKeyCheck.end())) {
    return Error(Origin::kVault, Kind::kPermission,
                 "the vault key does not open this database's secrets (wrong key file or "
                 "passphrase)");
  }
  return std::move(*sealer);
}

}  // namespace

Storage::Storage(std::shared_ptr<Database> database, std::string scope, SecretSealer sealer,
                 bool persistent)
    : database_(std::move(database)),
      scope_(std::move(scope)),
      persistent_(persistent),
      secrets_(database_, scope_, std::move(sealer)),
      identities_(database_, scope_),
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
  std::optional<SecretSealer> sealer;
  auto opened = (*database)->transaction([&]() -> Result<void> {
    auto migrated = migrate(**database);
    if (!migrated) {
      return migrated;
    }
    auto checked = check_vault_key(**database, options, persistent);
    if (!checked) {
      return checked.error();
    }
    sealer.emplace(std::move(*checked));
    return ok();
  });
  if (!opened) {
    return opened.error();
  }
  return std::make_shared<Storage>(std::move(*database), std::move(options.scope),
                                   std::move(*sealer), persistent);
}

}  // namespace ockam::storage
