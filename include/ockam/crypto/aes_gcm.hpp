#pragma once

#include <memory>

#include "ockam/crypto/aead.hpp"

namespace ockam::crypto {

namespace internal {
struct AesGcmContexts;
}

/// AesGcm is AES-256-GCM over OpenSSL EVP. It keeps one EVP_CIPHER_CTX with the key schedule
/// loaded, shared by both directions; each call only sets the direction and the IV, so no
/// allocation happens per message.
class AesGcm final : public Aead {
 public:
  /// create expands a 32-byte key; kInvalid on another length, kInternal if OpenSSL fails.
  static Result<std::unique_ptr<AesGcm>> create(ByteView key);

 private:
  struct ConstructionToken {
    explicit ConstructionToken() = default;
  };

 public:
  /// Use `create`; the token keeps this constructor private to the class.
  AesGcm(ConstructionToken token, std::unique_ptr<internal::AesGcmContexts> contexts);
  ~AesGcm() override;
  AesGcm(const AesGcm&) = delete;
  AesGcm& operator=(const AesGcm&) = delete;

  Result<void> encrypt_in_place(const AeadNonce& nonce, ByteView ad, std::span<std::uint8_t> data,
                                std::span<std::uint8_t, kAeadTagLength> tag_out) const override;
  Result<void> decrypt_in_place(const AeadNonce& nonce, ByteView ad, std::span<std::uint8_t> data,
                                std::span<const std::uint8_t, kAeadTagLength> tag) const override;

 private:
  std::unique_ptr<internal::AesGcmContexts> contexts_;
};

}  // namespace ockam::crypto
