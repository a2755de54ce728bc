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

  /// Seals the plaintext that lies in `buffer` from `start + kNonceLength` to its end, where it
  /// lies (empty AD): writes nonce_be64 into the kNonceLength bytes reserved at `start` and
  /// appends the tag, so a large message is never copied for encryption. On failure the buffer
  /// is wiped from `start` and cut back to it.
  Result<void> seal_in_place(std::uint64_t nonce, Bytes& buffer, std::size_t start) const;
  /// Opens `sealed` (ciphertext || tag, no nonce) where it lies: afterwards its first size - 16
  /// bytes are the plaintext; kProtocol (and the data wiped) on authentication failure.
  Result<void> open_in_place(std::uint64_t nonce, std::span<std::uint8_t> sealed) const;
  /// The next key: the first 32 bytes of AES-GCM(k, nonce 2^64-1, 32 zero bytes) (Noise REKEY).
  Result<ChannelKey> rekey() const;

 private:
  ChannelKey(SecretBytes key, std::unique_ptr<crypto::AesGcm> aead)
      : key_(std::move(key)), aead_(std::move(aead)) {}

  SecretBytes key_;
  std::unique_ptr<crypto::AesGcm> aead_;
};

}  // namespace ockam::channel
