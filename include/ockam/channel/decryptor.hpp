#pragma once

#include <cstdint>

#include "ockam/channel/key_tracker.hpp"
#include "ockam/channel/nonce_tracker.hpp"

namespace ockam::channel {

/// Decryptor opens one direction of a channel with the replay window and key tracking of
/// Ockam's decryptor.rs: validate, decrypt, and only then commit the window and the key.
class Decryptor {
 public:
  explicit Decryptor(ChannelKey key) : keys_(std::move(key)) {}

  /// Decrypts `ciphertext` (nonce_be64 || AES-GCM) into `out` and returns its nonce. kProtocol
  /// for a short message, a replayed or out-of-window nonce, or a failed authentication; the
  /// state is unchanged then.
  Result<std::uint64_t> decrypt(ByteView ciphertext, Bytes& out);
  /// decrypt where `message` (nonce_be64 || ciphertext || tag) lies: on success the plaintext
  /// is message[kNonceLength, size - 16), so a large message is not copied to be opened.
  Result<std::uint64_t> decrypt_in_place(std::span<std::uint8_t> message);
  /// The highest nonce accepted so far.
  std::uint64_t highest_nonce() const noexcept { return nonces_.highest(); }
  /// Messages rejected so far (tampered, replayed or outside the window).
  std::uint64_t rejected_count() const noexcept { return rejected_; }

 private:
  KeyTracker keys_;
  NonceTracker nonces_;
  std::uint64_t rejected_ = 0;
};

}  // namespace ockam::channel
