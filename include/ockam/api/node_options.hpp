#pragma once

#include <filesystem>
#include <string>

#include "ockam/storage/storage_options.hpp"

namespace ockam {

/// NodeOptions names a node and the database that keeps its identities, keys and records.
/// The default is an in-memory node (nothing survives the process), as Ockam's `node(ctx)`.
struct NodeOptions {
  /// The node's name; its rows in a shared database are scoped by it.
  std::string name = "default";
  /// Where the node's state lives (storage.scope is set from `name`).
  storage::StorageOptions storage;

  /// in_home returns the options of node `name` whose state lives in the folder `home`
  /// (`home/database.sqlite3`, `home/vault.key`; OCKAM_DATABASE_CONNECTION_URL and
  /// OCKAM_VAULT_PASSPHRASE from the environment apply, see StorageOptions::in_home).
  static NodeOptions in_home(const std::filesystem::path& home, std::string name = "default") {
    NodeOptions options;
    options.name = std::move(name);
    options.storage = storage::StorageOptions::in_home(home);
    return options;
  }
};

}  // namespace ockam
