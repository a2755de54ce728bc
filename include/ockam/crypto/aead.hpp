#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"

namespace ockam::crypto {

inline constexpr std::size_t kAeadTagLength = 16;
inline constexpr std::size_t kAeadNonceLength = 12;
inline constexpr std::size_t kAeadKeyLength = 32;
using AeadNonce = std::array<std::uint8_t, 12>;

/// Aead is one authenticated cipher bound to one 32-byte key. Implementations keep the expanded
/// key schedule for their lifetime. An instance is not safe for concurrent use.
class Aead {
 public:
  virtual ~Aead() = default;
  /// Appends ciphertext||tag (plaintext.size()+16 bytes) to `out` (through encrypt_in_place).
  /// kInternal if the backend fails (out unchanged).
  Result<void> encrypt(const AeadNonce& nonce, ByteView ad, ByteView plaintext, Bytes& out) const;
  /// Appends the plaintext to `out` (through decrypt_in_place); kProtocol error on
  /// authentication failure (out unchanged). A ciphertext shorter than the tag is also kProtocol.
  Result<void> decrypt(const AeadNonce& nonce, ByteView ad, ByteView ciphertext, Bytes& out) const;
  /// Encrypts `data` in place and writes the tag to `tag_out`; kInternal if the backend fails.
  virtual Result<void> encrypt_in_place(const AeadNonce& nonce, ByteView ad,
                                        std::span<std::uint8_t> data,
                                        std::span<std::uint8_t, kAeadTagLength> tag_out) const = 0;
  /// Decrypts `data` in place after checking `tag`; kProtocol on authentication failure, in
  /// which case `data` is zeroed (no unauthenticated plaintext is left behind).
  virtual Result<void> decrypt_in_place(
      const AeadNonce& nonce, ByteView ad, std::span<std::uint8_t> data,
      std::span<const std::uint8_t, kAeadTagLength> tag) const = 0;
};

}  // namespace ockam::crypto
