#pragma once

#include <memory>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"
#include "ockam/core/secret_bytes.hpp"

namespace ockam::storage {

/// SecretSealer encrypts secrets for storage under the vault key: ChaCha20-Poly1305 with a
/// random 96-bit nonce, and the row's identity (table, scope, row key) as associated data, so
/// a sealed value copied into another row, another table or another node's rows does not open.
/// Sealed form: version byte 1 || nonce (12) || ciphertext || tag (16). Safe for concurrent use.
class SecretSealer {
 public:
  /// create keeps a 32-byte `key`; kInvalid on another length.
  static Result<SecretSealer> create(const SecretBytes& key);

  /// seal returns the sealed form of `secret` bound to `associated_data`.
  Result<Bytes> seal(ByteView secret, ByteView associated_data) const;
  /// unseal returns the secret in `sealed`; kPermission when it does not authenticate under
  /// this key with `associated_data` (another key, a tampered row or a row moved elsewhere),
  /// kParse when it is not a sealed value at all.
  Result<SecretBytes> unseal(ByteView sealed, ByteView associated_data) const;

 private:
  explicit SecretSealer(std::shared_ptr<const SecretBytes> key) : key_(std::move(key)) {}

  // A cipher is made per call from the key: an Aead instance may not be shared between threads.
  std::shared_ptr<const SecretBytes> key_;
};

}  // namespace ockam::storage
