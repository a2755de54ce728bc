#pragma once

#include <cstdint>
#include <memory>

#include "ockam/core/secret_bytes.hpp"
#include "ockam/crypto/aes_gcm.hpp"

namespace ockam::channel {

/// ChannelKey is one AES-256-GCM key of a channel direction, with its key schedule expanded
/// once. Nonces are the 8-byte big-endian counter after 4 zero bytes.
class ChannelKey {
 public:
  /// create expands `key` (32 bytes); kInvalid otherwise.
  static Result<ChannelKey> create(SecretBytes key);

  /// Appends nonce_be64 || ciphertext || tag for `plaintext` to `out` (empty AD).
  Result<void> seal(std::uint64_t nonce, ByteView plaintext, Bytes& out) const;
  /// Appends the plaintext of `ciphertext` (ciphertext || tag, no nonce) to `out`; kProtocol on
  /// authentication failure.
  Result<void> open(std::uint64_t nonce, ByteView ciphertext, Bytes& out) const;
  /// The next key: the first 32 bytes of AES-GCM(k, nonce 2^64-1, 32 zero bytes) (Noise REKEY).
  Result<ChannelKey> rekey() const;

 private:
  ChannelKey(SecretBytes key, std::unique_ptr<crypto::AesGcm> aead)
      : key_(std::move(key)), aead_(std::move(aead)) {}

  SecretBytes key_;
  std::unique_ptr<crypto::AesGcm> aead_;
};

}  // namespace ockam::channel
