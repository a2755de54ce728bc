#pragma once

#include <cstdint>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"
#include "ockam/core/secret_bytes.hpp"

namespace ockam::vault {

/// SecretType says what a stored secret is (Ockam's tables `signing_secret`, `x25519_secret`
/// and `aead_secret`).
enum class SecretType : std::uint8_t {
  kEd25519,    // 32-byte seed
  kP256,       // 32-byte scalar
  kX25519,     // 32-byte secret
  kBuffer,     // any length
  kAes256Gcm,  // 32-byte key
};

/// StoredSecret is a secret and its type, as a SecretStore hands it out.
struct StoredSecret {
  SecretType type;
  SecretBytes secret;
};

/// SecretStore keeps secrets by handle for a Vault. Implementations must be safe for concurrent
/// use; each secret they hand out is a copy that wipes itself.
class SecretStore {
 public:
  virtual ~SecretStore() = default;

  /// Stores `secret` of `type` under `handle`; kAlreadyExists when the handle is taken.
  virtual Result<void> store(ByteView handle, SecretType type, SecretBytes secret) = 0;
  /// Returns a copy of the secret under `handle`; kNotFound when there is none.
  virtual Result<StoredSecret> load(ByteView handle) const = 0;
  /// Deletes (and wipes) the secret under `handle`; kNotFound when there is none.
  virtual Result<void> remove(ByteView handle) = 0;
};

}  // namespace ockam::vault
