#include "ockam/crypto/chacha20_poly1305.hpp"

#include "crypto/internal/sodium_init.hpp"

namespace ockam::crypto {

namespace {

static_assert(crypto_aead_chacha20poly1305_ietf_ABYTES == kAeadTagLength);
static_assert(crypto_aead_chacha20poly1305_ietf_NPUBBYTES == kAeadNonceLength);
static_assert(crypto_aead_chacha20poly1305_ietf_KEYBYTES == kAeadKeyLength);

Error authentication_error() {
  return Error(Origin::kCrypto, Kind::kProtocol, "ChaCha20-Poly1305 authentication failed");
}

/// libsodium declares its data pointers non-null even for empty data; an empty span may have a
/// null data(), so it is replaced by a placeholder that is never read or written.
std::uint8_t* data_pointer(std::span<std::uint8_t> data, std::uint8_t& placeholder) {
  return data.empty() ? &placeholder : data.data();
}

void seal(ByteView key, const AeadNonce& nonce, ByteView ad, std::span<std::uint8_t> data,
          std::span<std::uint8_t, kAeadTagLength> tag_out) {
  std::uint8_t placeholder = 0;
  std::uint8_t* bytes = data_pointer(data, placeholder);
  crypto_aead_chacha20poly1305_ietf_encrypt_detached(bytes, tag_out.data(), nullptr, bytes,
                                                     data.size(), ad.data(), ad.size(), nullptr,
                                                     nonce.data(), key.data());
}

/// libsodium writes nothing to `data` unless the tag verifies.
bool open(ByteView key, const AeadNonce& nonce, ByteView ad, std::span<std::uint8_t> data,
          std::span<const std::uint8_t, kAeadTagLength> tag) {
  std::uint8_t placeholder = 0;
  std::uint8_t* bytes = data_pointer(data, placeholder);
  return crypto_aead_chacha20poly1305_ietf_decrypt_detached(bytes, nullptr, bytes, data.size(),
                                                            tag.data(), ad.data(), ad.size(),
                                                            nonce.data(), key.data()) == 0;
}

}  // namespace

Result<std::unique_ptr<ChaCha20Poly1305>> ChaCha20Poly1305::create(ByteView key) {
  if (key.size() != kAeadKeyLength) {
    return Error(Origin::kCrypto, Kind::kInvalid, "ChaCha20-Poly1305 key must be 32 bytes");
  }
  internal::ensure_sodium_initialized();
  return std::make_unique<ChaCha20Poly1305>(ConstructionToken(), SecretBytes(key));
}

Result<void> ChaCha20Poly1305::encrypt_in_place(
    const AeadNonce& nonce, ByteView ad, std::span<std::uint8_t> data,
    std::span<std::uint8_t, kAeadTagLength> tag_out) const {
  seal(key_.expose_secret(), nonce, ad, data, tag_out);
  return ok();
}

Result<void> ChaCha20Poly1305::decrypt_in_place(
    const AeadNonce& nonce, ByteView ad, std::span<std::uint8_t> data,
    std::span<const std::uint8_t, kAeadTagLength> tag) const {
  if (!open(key_.expose_secret(), nonce, ad, data, tag)) {
    secure_wipe(data);
    return authentication_error();
  }
  return ok();
}

}  // namespace ockam::crypto
