#pragma once

#include <cstdint>
#include <filesystem>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"
#include "ockam/core/secret_bytes.hpp"

namespace ockam::storage {

/// Length of the vault key that seals stored secrets.
inline constexpr std::size_t kVaultKeyLength = 32;

/// load_or_create_vault_key_file returns the 32-byte vault key kept in the file at `path`,
/// creating the file (mode 0600, random key, written in full before it appears under its name)
/// when it does not exist; concurrent first uses by several processes agree on one key. kInvalid
/// when the file does not hold exactly 32 bytes, kPermission when other users may read or write
/// it, kIo when it cannot be read or created.
Result<SecretBytes> load_or_create_vault_key_file(const std::filesystem::path& path);
/// load_vault_key_file is load_or_create_vault_key_file for a key that must exist already:
/// kPermission when the file is missing.
Result<SecretBytes> load_vault_key_file(const std::filesystem::path& path);

/// PassphraseParameters are the Argon2id parameters that turn a passphrase into the vault key.
/// They are stored with the database (they are not secret), so a later open derives the same key.
struct PassphraseParameters {
  /// 16 random bytes.
  Bytes salt;
  /// Argon2id passes over memory.
  std::uint64_t ops_limit = 0;
  /// Argon2id memory, in bytes.
  std::uint64_t mem_limit = 0;

  /// fresh returns new parameters: a random salt, 3 passes over 64 MiB (about 0.1-0.3 s).
  static PassphraseParameters fresh();
};

/// derive_vault_key_from_passphrase returns Argon2id(`passphrase`, `parameters`) (libsodium
/// crypto_pwhash, ALG_ARGON2ID13). kInvalid for parameters outside libsodium's limits (a
/// damaged row), kResourceExhausted when the memory cannot be allocated.
Result<SecretBytes> derive_vault_key_from_passphrase(const SecretBytes& passphrase,
                                                     const PassphraseParameters& parameters);

}  // namespace ockam::storage
