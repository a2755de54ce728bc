#include "ockam/noise/cipher_state.hpp"

#include <array>

#include "ockam/crypto/aes_gcm.hpp"
#include "ockam/crypto/chacha20_poly1305.hpp"
#include "ockam/noise/constants.hpp"

namespace ockam::noise {

crypto::AeadNonce noise_nonce(CipherAlgorithm algorithm, std::uint64_t n) {
  crypto::AeadNonce nonce{};
  constexpr std::size_t kCounterOffset = 4;
  constexpr std::size_t kCounterLength = 8;
  for (std::size_t i = 0; i < kCounterLength; ++i) {
    const std::size_t shift =
        algorithm == CipherAlgorithm::kAesGcm ? 8 * (kCounterLength - 1 - i) : 8 * i;
    nonce[kCounterOffset + i] = static_cast<std::uint8_t>(n >> shift);
  }
  return nonce;
}

namespace {

Result<std::unique_ptr<crypto::Aead>> make_aead(CipherAlgorithm algorithm, ByteView key) {
  if (algorithm == CipherAlgorithm::kAesGcm) {
    Result<std::unique_ptr<crypto::AesGcm>> aead = crypto::AesGcm::create(key);
    if (!aead) {
      return aead.error();
    }
    return std::unique_ptr<crypto::Aead>(std::move(*aead));
  }
  Result<std::unique_ptr<crypto::ChaCha20Poly1305>> aead = crypto::ChaCha20Poly1305::create(key);
  if (!aead) {
    return aead.error();
  }
  return std::unique_ptr<crypto::Aead>(std::move(*aead));
}

}  // namespace

Result<void> CipherState::initialize_key(SecretBytes key) {
  if (key.size() != kCipherKeyLength) {
    return Error(Origin::kNoise, Kind::kInvalid, "cipher key must be 32 bytes");
  }
  Result<std::unique_ptr<crypto::Aead>> aead = make_aead(algorithm_, key.expose_secret());
  if (!aead) {
    return aead.error();
  }
  aead_ = std::move(*aead);
  key_ = std::move(key);
  n_ = 0;
  return ok();
}

Result<void> CipherState::check_nonce() const {
  // n == 2^64-1 is reserved (spec §5.1): refusing it also means n can never wrap around.
  if (n_ == kReservedNonce) {
    return Error(Origin::kNoise, Kind::kResourceExhausted, "cipher nonce exhausted");
  }
  return ok();
}

Result<void> CipherState::encrypt_with_ad(ByteView ad, ByteView plaintext, Bytes& out) {
  if (!has_key()) {
    out.insert(out.end(), plaintext.begin(), plaintext.end());
    return ok();
  }
  if (Result<void> nonce_ok = check_nonce(); !nonce_ok) {
    return nonce_ok;
  }
  if (Result<void> sealed = aead_->encrypt(noise_nonce(algorithm_, n_), ad, plaintext, out);
      !sealed) {
    return sealed;
  }
  ++n_;
  return ok();
}

Result<void> CipherState::decrypt_with_ad(ByteView ad, ByteView ciphertext, Bytes& out) {
  if (!has_key()) {
    out.insert(out.end(), ciphertext.begin(), ciphertext.end());
    return ok();
  }
  if (Result<void> nonce_ok = check_nonce(); !nonce_ok) {
    return nonce_ok;
  }
  if (Result<void> opened = aead_->decrypt(noise_nonce(algorithm_, n_), ad, ciphertext, out);
      !opened) {
    return Error(Origin::kNoise, Kind::kProtocol, "message authentication failed");
  }
  ++n_;
  return ok();
}

Result<void> CipherState::rekey() {
  if (!has_key()) {
    return Error(Origin::kNoise, Kind::kMisuse, "rekey without a key");
  }
  std::array<std::uint8_t, kCipherKeyLength + crypto::kAeadTagLength> block{};
  const std::span<std::uint8_t> body = std::span(block).first(kCipherKeyLength);
  const std::span<std::uint8_t, crypto::kAeadTagLength> tag(block.data() + kCipherKeyLength,
                                                            crypto::kAeadTagLength);
  Result<void> sealed =
      aead_->encrypt_in_place(noise_nonce(algorithm_, kReservedNonce), {}, body, tag);
  if (!sealed) {
    return sealed;
  }
  const std::uint64_t n = n_;
  Result<void> keyed = initialize_key(SecretBytes(ByteView(body)));
  secure_wipe(block);
  n_ = n;
  return keyed;
}

}  // namespace ockam::noise
