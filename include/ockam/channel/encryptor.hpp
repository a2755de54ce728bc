#pragma once

#include <cstdint>

#include "ockam/channel/channel_key.hpp"

namespace ockam::channel {

/// Encryptor seals one direction of a channel: nonces count from 0, and before nonce n with
/// n > 0 and n % 32 == 0 the key is replaced by its rekey (reference §4.5).
class Encryptor {
 public:
  explicit Encryptor(ChannelKey key) : key_(std::move(key)) {}

  /// Appends nonce_be64 || AES-GCM(plaintext) to `out`. kResourceExhausted once nonces run out.
  Result<void> encrypt(ByteView plaintext, Bytes& out);
  /// encrypt for a plaintext already in `buffer` behind kNonceLength bytes reserved at `start`
  /// (see ChannelKey::seal_in_place): messages are encrypted where they were encoded. On failure
  /// the plaintext is wiped and the buffer cut back to `start`.
  Result<void> encrypt_in_place(Bytes& buffer, std::size_t start);
  std::uint64_t next_nonce() const noexcept { return nonce_; }

 private:
  ChannelKey key_;
  std::uint64_t nonce_ = 0;
};

}  // namespace ockam::channel
