#include "ockam/crypto/aes_gcm.hpp"

#include <limits>

#include "crypto/internal/openssl_ptr.hpp"
#include "ockam/core/secret_bytes.hpp"

namespace ockam::crypto {

namespace internal {
/// AesGcmContexts holds the one keyed EVP context that both directions share: GCM runs AES
/// forward either way, so the key schedule is the same and each call only sets the direction
/// and the IV. One context instead of two halves an idle channel's OpenSSL memory (about 1.1 KiB
/// per context).
struct AesGcmContexts {
  CipherCtxPtr keyed;
};
}  // namespace internal

namespace {

Error backend_error() {
  return Error(Origin::kCrypto, Kind::kInternal, "AES-GCM backend failed");
}

Error authentication_error() {
  return Error(Origin::kCrypto, Kind::kProtocol, "AES-GCM authentication failed");
}

bool fits_int(std::size_t size) {
  return size <= static_cast<std::size_t>(std::numeric_limits<int>::max());
}

/// Seals `data` in place under `nonce` and `ad` with a keyed encryption context.
bool seal(EVP_CIPHER_CTX* ctx, const AeadNonce& nonce, ByteView ad, std::span<std::uint8_t> data,
          std::span<std::uint8_t, kAeadTagLength> tag_out) {
  int length = 0;
  return fits_int(ad.size()) && fits_int(data.size()) &&
         EVP_EncryptInit_ex(ctx, nullptr, nullptr, nullptr, nonce.data()) == 1 &&
         (ad.empty() ||
          EVP_EncryptUpdate(ctx, nullptr, &length, ad.data(), static_cast<int>(ad.size())) == 1) &&
         (data.empty() || EVP_EncryptUpdate(ctx, data.data(), &length, data.data(),
                                            static_cast<int>(data.size())) == 1) &&
         EVP_EncryptFinal_ex(ctx, nullptr, &length) == 1 &&
         EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, static_cast<int>(kAeadTagLength),
                             tag_out.data()) == 1;
}

/// Opens `data` in place; false (with `data` wiped) when the tag does not authenticate it.
bool open(EVP_CIPHER_CTX* ctx, const AeadNonce& nonce, ByteView ad, std::span<std::uint8_t> data,
          std::span<const std::uint8_t, kAeadTagLength> tag) {
  int length = 0;
  // OpenSSL's SET_TAG takes a non-const pointer but only reads the tag.
  std::array<std::uint8_t, kAeadTagLength> tag_copy{};
  std::copy(tag.begin(), tag.end(), tag_copy.begin());
  const bool opened = fits_int(ad.size()) && fits_int(data.size()) &&
                      EVP_DecryptInit_ex(ctx, nullptr, nullptr, nullptr, nonce.data()) == 1 &&
                      (ad.empty() || EVP_DecryptUpdate(ctx, nullptr, &length, ad.data(),
                                                       static_cast<int>(ad.size())) == 1) &&
                      (data.empty() || EVP_DecryptUpdate(ctx, data.data(), &length, data.data(),
                                                         static_cast<int>(data.size())) == 1) &&
                      EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG,
                                          static_cast<int>(kAeadTagLength), tag_copy.data()) == 1 &&
                      EVP_DecryptFinal_ex(ctx, nullptr, &length) == 1;
  if (!opened) {
    secure_wipe(data);
  }
  return opened;
}

internal::CipherCtxPtr keyed_context(ByteView key) {
  internal::CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
  if (!ctx ||
      EVP_CipherInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.data(), nullptr, 1) != 1) {
    return nullptr;
  }
  return ctx;
}

}  // namespace

AesGcm::AesGcm(ConstructionToken /*token*/, std::unique_ptr<internal::AesGcmContexts> contexts)
    : contexts_(std::move(contexts)) {}

AesGcm::~AesGcm() = default;

Result<std::unique_ptr<AesGcm>> AesGcm::create(ByteView key) {
  if (key.size() != kAeadKeyLength) {
    return Error(Origin::kCrypto, Kind::kInvalid, "AES-256-GCM key must be 32 bytes");
  }
  auto contexts = std::make_unique<internal::AesGcmContexts>();
  contexts->keyed = keyed_context(key);
  if (!contexts->keyed) {
    return backend_error();
  }
  return std::make_unique<AesGcm>(ConstructionToken(), std::move(contexts));
}

Result<void> AesGcm::encrypt_in_place(const AeadNonce& nonce, ByteView ad,
                                      std::span<std::uint8_t> data,
                                      std::span<std::uint8_t, kAeadTagLength> tag_out) const {
  if (!seal(contexts_->keyed.get(), nonce, ad, data, tag_out)) {
    return backend_error();
  }
  return ok();
}

Result<void> AesGcm::decrypt_in_place(const AeadNonce& nonce, ByteView ad,
                                      std::span<std::uint8_t> data,
                                      std::span<const std::uint8_t, kAeadTagLength> tag) const {
  if (!open(contexts_->keyed.get(), nonce, ad, data, tag)) {
    return authentication_error();
  }
  return ok();
}

}  // namespace ockam::crypto
