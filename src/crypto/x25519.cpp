#include "ockam/crypto/x25519.hpp"

#include "crypto/internal/sodium_init.hpp"
#include "ockam/crypto/random.hpp"

namespace ockam::crypto {

X25519KeyPair x25519_generate() {
  SecretBytes secret(kX25519KeyLength);
  random_fill(secret.expose_secret_mut());
  // A 32-byte secret always derives a key pair.
  return *x25519_from_secret(secret.expose_secret());
}

Result<X25519KeyPair> x25519_from_secret(ByteView secret_key) {
  if (secret_key.size() != kX25519KeyLength) {
    return Error(Origin::kCrypto, Kind::kInvalid, "X25519 secret key must be 32 bytes");
  }
  internal::ensure_sodium_initialized();
  X25519KeyPair pair{SecretBytes(secret_key), {}};
  crypto_scalarmult_curve25519_base(pair.public_key.data(), pair.secret_key.expose_secret().data());
  return pair;
}

Result<SecretBytes> x25519_dh(const SecretBytes& secret_key, ByteView peer_public_key) {
  if (secret_key.size() != kX25519KeyLength || peer_public_key.size() != kX25519KeyLength) {
    return Error(Origin::kCrypto, Kind::kInvalid, "X25519 keys must be 32 bytes");
  }
  internal::ensure_sodium_initialized();
  SecretBytes shared(kX25519KeyLength);
  // libsodium returns -1 when the shared secret is all zero (a low-order peer key).
  if (crypto_scalarmult_curve25519(shared.expose_secret_mut().data(),
                                   secret_key.expose_secret().data(),
                                   peer_public_key.data()) != 0 ||
      ct_is_zero(shared.expose_secret())) {
    return Error(Origin::kCrypto, Kind::kProtocol, "X25519 shared secret is all zero");
  }
  return shared;
}

}  // namespace ockam::crypto
