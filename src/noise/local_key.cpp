#include "noise/internal/local_key.hpp"

namespace ockam::noise::internal {

namespace {
std::unique_ptr<LocalKey> from_pair(DhAlgorithm algorithm, DhKeyPair pair) {
  return std::make_unique<LocalKey>(algorithm, std::move(pair.public_key),
                                    std::move(pair.secret_key), nullptr);
}
}  // namespace

std::unique_ptr<LocalKey> LocalKey::external(std::shared_ptr<const StaticKey> key) {
  const std::array<std::uint8_t, 32> public_key = key->public_key();
  return std::make_unique<LocalKey>(DhAlgorithm::k25519,
                                    Bytes(public_key.begin(), public_key.end()), SecretBytes(),
                                    std::move(key));
}

Result<std::unique_ptr<LocalKey>> LocalKey::in_memory(DhAlgorithm algorithm, ByteView secret) {
  Result<DhKeyPair> pair = dh_key_pair_from_secret(algorithm, secret);
  if (!pair) {
    return pair.error();
  }
  return from_pair(algorithm, std::move(*pair));
}

Result<std::unique_ptr<LocalKey>> LocalKey::generate(DhAlgorithm algorithm) {
  Result<DhKeyPair> pair = dh_generate(algorithm);
  if (!pair) {
    return pair.error();
  }
  return from_pair(algorithm, std::move(*pair));
}

Result<SecretBytes> LocalKey::dh(ByteView peer_public) const {
  if (external_) {
    return external_->dh(peer_public);
  }
  return noise::dh(algorithm_, secret_, peer_public);
}

}  // namespace ockam::noise::internal
