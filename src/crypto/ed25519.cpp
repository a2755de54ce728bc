#include "ockam/crypto/ed25519.hpp"

#include "crypto/internal/sodium_init.hpp"
#include "ockam/crypto/random.hpp"

namespace ockam::crypto {

namespace {
constexpr std::size_t kSeedLength = crypto_sign_SEEDBYTES;
constexpr std::size_t kSignatureLength = crypto_sign_BYTES;
static_assert(kSeedLength == 32 && kSignatureLength == 64);

/// Expands a 32-byte seed into libsodium's 64-byte secret key (seed || public key).
SecretBytes expand_seed(ByteView seed, std::array<std::uint8_t, 32>& public_key) {
  internal::ensure_sodium_initialized();
  SecretBytes expanded(crypto_sign_SECRETKEYBYTES);
  crypto_sign_seed_keypair(public_key.data(), expanded.expose_secret_mut().data(), seed.data());
  return expanded;
}
}  // namespace

Ed25519KeyPair ed25519_generate() {
  SecretBytes seed(kSeedLength);
  random_fill(seed.expose_secret_mut());
  // A 32-byte seed always derives a key pair.
  return *ed25519_from_seed(seed.expose_secret());
}

Result<Ed25519KeyPair> ed25519_from_seed(ByteView seed) {
  if (seed.size() != kSeedLength) {
    return Error(Origin::kCrypto, Kind::kInvalid, "Ed25519 seed must be 32 bytes");
  }
  Ed25519KeyPair pair{SecretBytes(seed), {}};
  expand_seed(seed, pair.public_key);
  return pair;
}

std::array<std::uint8_t, 64> ed25519_sign(const SecretBytes& seed, ByteView message) {
  std::array<std::uint8_t, 64> signature{};
  if (seed.size() != kSeedLength) {
    return signature;
  }
  std::array<std::uint8_t, 32> public_key{};
  const SecretBytes expanded = expand_seed(seed.expose_secret(), public_key);
  crypto_sign_detached(signature.data(), nullptr, message.data(), message.size(),
                       expanded.expose_secret().data());
  return signature;
}

bool ed25519_verify(ByteView public_key, ByteView message, ByteView signature) {
  if (public_key.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != kSignatureLength) {
    return false;
  }
  internal::ensure_sodium_initialized();
  return crypto_sign_verify_detached(signature.data(), message.data(), message.size(),
                                     public_key.data()) == 0;
}

}  // namespace ockam::crypto
