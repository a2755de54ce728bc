#pragma once

#include <memory>

#include "ockam/core/secret_bytes.hpp"
#include "ockam/crypto/aead.hpp"

namespace ockam::crypto {

/// ChaCha20Poly1305 is the IETF ChaCha20-Poly1305 AEAD (RFC 8439) over libsodium.
class ChaCha20Poly1305 final : public Aead {
 public:
  /// create copies a 32-byte key; kInvalid on another length.
  static Result<std::unique_ptr<ChaCha20Poly1305>> create(ByteView key);

 private:
  struct ConstructionToken {
    explicit ConstructionToken() = default;
  };

 public:
  /// Use `create`; the token keeps this constructor private to the class.
  ChaCha20Poly1305(ConstructionToken /*token*/, SecretBytes key) : key_(std::move(key)) {}

  Result<void> encrypt_in_place(const AeadNonce& nonce, ByteView ad, std::span<std::uint8_t> data,
                                std::span<std::uint8_t, kAeadTagLength> tag_out) const override;
  Result<void> decrypt_in_place(const AeadNonce& nonce, ByteView ad, std::span<std::uint8_t> data,
                                std::span<const std::uint8_t, kAeadTagLength> tag) const override;

 private:
  SecretBytes key_;
};

}  // namespace ockam::crypto
