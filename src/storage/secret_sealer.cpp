#include "ockam/storage/secret_sealer.hpp"

#include <algorithm>

#include "ockam/crypto/chacha20_poly1305.hpp"
#include "ockam/crypto/random.hpp"

namespace ockam::storage {
namespace {

constexpr std::uint8_t kSealVersion = 1;
constexpr std::size_t kHeaderLength = 1 + crypto::kAeadNonceLength;

}  // namespace

Result<SecretSealer> SecretSealer::create(const SecretBytes& key) {
  if (key.size() != crypto::kAeadKeyLength) {
    return Error(Origin::kVault, Kind::kInvalid, "the vault key is not 32 bytes");
  }
  return SecretSealer(std::make_shared<const SecretBytes>(key.clone()));
}

Result<Bytes> SecretSealer::seal(ByteView secret, ByteView associated_data) const {
  crypto::AeadNonce nonce{};
  crypto::random_fill(nonce);
  Bytes sealed;
  sealed.reserve(kHeaderLength + secret.size() + crypto::kAeadTagLength);
  sealed.push_back(kSealVersion);
  sealed.insert(sealed.end(), nonce.begin(), nonce.end());
  auto aead = crypto::ChaCha20Poly1305::create(key_->expose_secret());
  if (!aead) {
    return aead.error();
  }
  auto encrypted = (*aead)->encrypt(nonce, associated_data, secret, sealed);
  if (!encrypted) {
    return encrypted.error();
  }
  return sealed;
}

Result<SecretBytes> SecretSealer::unseal(ByteView sealed, ByteView associated_data) const {
  if (sealed.size() < kHeaderLength + crypto::kAeadTagLength || sealed[0] != kSealVersion) {
    return Error(Origin::kVault, Kind::kParse, "a stored secret is not in sealed form");
  }
  crypto::AeadNonce nonce{};
  std::copy_n(sealed.begin() + 1, nonce.size(), nonce.begin());
  ByteView ciphertext = sealed.subspan(kHeaderLength);
  SecretBytes secret(ciphertext.size() - crypto::kAeadTagLength);
  auto tag = ciphertext.subspan(secret.size()).first<crypto::kAeadTagLength>();
  std::copy_n(ciphertext.begin(), secret.size(), secret.expose_secret_mut().begin());
  auto aead = crypto::ChaCha20Poly1305::create(key_->expose_secret());
  if (!aead) {
    return aead.error();
  }
  auto opened = (*aead)->decrypt_in_place(nonce, associated_data, secret.expose_secret_mut(), tag);
  if (!opened) {
    return Error(Origin::kVault, Kind::kPermission,
                 "a stored secret does not open with the vault key (wrong key or tampered row)");
  }
  return secret;
}

}  // namespace ockam::storage
