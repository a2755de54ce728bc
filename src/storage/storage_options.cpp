#include "ockam/storage/storage_options.hpp"

#include <cstdlib>
#include <cstring>

namespace ockam::storage {

StorageOptions StorageOptions::in_home(const std::filesystem::path& home) {
  StorageOptions options;
  options.sqlite_path = home / kDatabaseFileName;
  options.vault_key_file = home / kVaultKeyFileName;
  if (const char* url = std::getenv("OCKAM_DATABASE_CONNECTION_URL"); url && *url) {
    options.postgres_url = url;
  }
  if (const char* passphrase = std::getenv("OCKAM_VAULT_PASSPHRASE"); passphrase && *passphrase) {
    options.passphrase = SecretBytes(as_bytes(passphrase));
  }
  return options;
}

}  // namespace ockam::storage
