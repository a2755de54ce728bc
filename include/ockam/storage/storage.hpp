#pragma once

#include <memory>
#include <string>

#include "ockam/core/result.hpp"
#include "ockam/storage/credential_repository.hpp"
#include "ockam/storage/database.hpp"
#include "ockam/storage/identity_repository.hpp"
#include "ockam/storage/node_repository.hpp"
#include "ockam/storage/purpose_key_repository.hpp"
#include "ockam/storage/relay_repository.hpp"
#include "ockam/storage/secret_repository.hpp"
#include "ockam/storage/storage_options.hpp"
#include "ockam/storage/tcp_inlet_repository.hpp"
#include "ockam/storage/tcp_outlet_repository.hpp"

namespace ockam::storage {

/// Storage is a node's opened database: the connection, migrated to the current schema, with
/// the vault key checked, and one repository per kind of record, all scoped to the node name.
/// Safe for concurrent use.
class Storage {
 public:
  /// open opens (or creates) the database `options` names, applies the missing migrations (in
  /// one transaction) and checks the vault key against the one the database was sealed with.
  /// The key is derived (Argon2id) or loaded with no transaction open, so other connections
  /// write meanwhile; a new scope's key row is stored in one statement, and concurrent first
  /// openers agree on the first one stored. A refused open changes no row (the migrations it
  /// applied are the ones any later open applies). Errors: kInvalid for a file that is not a
  /// healthy SQLite database, kPermission for a wrong vault key or passphrase, kUnsupported for a
  /// database of a newer program, kIo when the database cannot be reached; the messages carry no
  /// secrets.
  static Result<std::shared_ptr<Storage>> open(StorageOptions options);

  /// The connection (for transactions that span repositories).
  Database& database() noexcept { return *database_; }
  /// The node name the rows belong to.
  const std::string& scope() const noexcept { return scope_; }
  /// Whether the database outlives the process (a file or a server, not memory).
  bool is_persistent() const noexcept { return persistent_; }

  SecretRepository& secrets() noexcept { return secrets_; }
  IdentityRepository& identities() noexcept { return identities_; }
  PurposeKeyRepository& purpose_keys() noexcept { return purpose_keys_; }
  CredentialRepository& credentials() noexcept { return credentials_; }
  NodeRepository& nodes() noexcept { return nodes_; }
  RelayRepository& relays() noexcept { return relays_; }
  TcpInletRepository& tcp_inlets() noexcept { return tcp_inlets_; }
  TcpOutletRepository& tcp_outlets() noexcept { return tcp_outlets_; }

  Storage(std::shared_ptr<Database> database, std::string scope, SecretSealer sealer,
          bool persistent,
          std::int64_t max_known_identities = IdentityRepository::kDefaultMaxKnown);

 private:
  std::shared_ptr<Database> database_;
  std::string scope_;
  bool persistent_;
  SecretRepository secrets_;
  IdentityRepository identities_;
  PurposeKeyRepository purpose_keys_;
  CredentialRepository credentials_;
  NodeRepository nodes_;
  RelayRepository relays_;
  TcpInletRepository tcp_inlets_;
  TcpOutletRepository tcp_outlets_;
};

}  // namespace ockam::storage
