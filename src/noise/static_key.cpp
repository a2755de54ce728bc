#include "ockam/noise/static_key.hpp"

#include "ockam/crypto/x25519.hpp"

namespace ockam::noise {

std::shared_ptr<InMemoryStaticKey> InMemoryStaticKey::generate() {
  crypto::X25519KeyPair pair = crypto::x25519_generate();
  return std::make_shared<InMemoryStaticKey>(ConstructionToken(), std::move(pair.secret_key),
                                             pair.public_key);
}

Result<std::shared_ptr<InMemoryStaticKey>> InMemoryStaticKey::from_secret(ByteView secret_key) {
  Result<crypto::X25519KeyPair> pair = crypto::x25519_from_secret(secret_key);
  if (!pair) {
    return pair.error();
  }
  return std::make_shared<InMemoryStaticKey>(ConstructionToken(), std::move(pair->secret_key),
                                             pair->public_key);
}

Result<SecretBytes> InMemoryStaticKey::dh(ByteView peer_public) const {
  return crypto::x25519_dh(secret_key_, peer_public);
}

}  // namespace ockam::noise
