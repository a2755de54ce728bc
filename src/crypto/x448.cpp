#include "ockam/crypto/x448.hpp"

#include "crypto/internal/openssl_ptr.hpp"
#include "ockam/crypto/random.hpp"

namespace ockam::crypto {

namespace {

Error internal_error() {
  return Error(Origin::kCrypto, Kind::kInternal, "OpenSSL X448 operation failed");
}

internal::PkeyPtr private_pkey(ByteView secret_key) {
  return internal::PkeyPtr(
      EVP_PKEY_new_raw_private_key(EVP_PKEY_X448, nullptr, secret_key.data(), secret_key.size()));
}

}  // namespace

Result<X448KeyPair> x448_generate() {
  SecretBytes secret(kX448KeyLength);
  random_fill(secret.expose_secret_mut());
  return x448_from_secret(secret.expose_secret());
}

Result<X448KeyPair> x448_from_secret(ByteView secret_key) {
  if (secret_key.size() != kX448KeyLength) {
    return Error(Origin::kCrypto, Kind::kInvalid, "X448 secret key must be 56 bytes");
  }
  internal::PkeyPtr pkey = private_pkey(secret_key);
  X448KeyPair pair{SecretBytes(secret_key), {}};
  std::size_t length = pair.public_key.size();
  if (!pkey || EVP_PKEY_get_raw_public_key(pkey.get(), pair.public_key.data(), &length) != 1 ||
      length != kX448KeyLength) {
    return internal_error();
  }
  return pair;
}

Result<SecretBytes> x448_dh(const SecretBytes& secret_key, ByteView peer_public_key) {
  if (secret_key.size() != kX448KeyLength || peer_public_key.size() != kX448KeyLength) {
    return Error(Origin::kCrypto, Kind::kInvalid, "X448 keys must be 56 bytes");
  }
  internal::PkeyPtr local = private_pkey(secret_key.expose_secret());
  internal::PkeyPtr peer(EVP_PKEY_new_raw_public_key(EVP_PKEY_X448, nullptr, peer_public_key.data(),
                                                     peer_public_key.size()));
  if (!local || !peer) {
    return internal_error();
  }
  internal::PkeyCtxPtr ctx(EVP_PKEY_CTX_new(local.get(), nullptr));
  SecretBytes shared(kX448KeyLength);
  std::size_t length = shared.size();
  if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1 ||
      EVP_PKEY_derive_set_peer(ctx.get(), peer.get()) != 1) {
    return internal_error();
  }
  // OpenSSL itself refuses an all-zero X448 result; the explicit check keeps the contract local.
  if (EVP_PKEY_derive(ctx.get(), shared.expose_secret_mut().data(), &length) != 1 ||
      length != kX448KeyLength || ct_is_zero(shared.expose_secret())) {
    return Error(Origin::kCrypto, Kind::kProtocol, "X448 shared secret is all zero");
  }
  return shared;
}

}  // namespace ockam::crypto
