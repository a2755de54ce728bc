#include "ockam/noise/dh.hpp"

#include "ockam/crypto/x25519.hpp"
#include "ockam/crypto/x448.hpp"

namespace ockam::noise {

namespace {

template <class Pair>
DhKeyPair to_dh_key_pair(Pair pair) {
  return DhKeyPair{std::move(pair.secret_key),
                   Bytes(pair.public_key.begin(), pair.public_key.end())};
}

template <class Pair>
Result<DhKeyPair> to_dh_key_pair(Result<Pair> pair) {
  if (!pair) {
    return pair.error();
  }
  return to_dh_key_pair(std::move(*pair));
}

}  // namespace

std::size_t dh_length(DhAlgorithm algorithm) {
  return algorithm == DhAlgorithm::k448 ? crypto::kX448KeyLength : crypto::kX25519KeyLength;
}

Result<DhKeyPair> dh_generate(DhAlgorithm algorithm) {
  if (algorithm == DhAlgorithm::k448) {
    return to_dh_key_pair(crypto::x448_generate());
  }
  return to_dh_key_pair(crypto::x25519_generate());
}

Result<DhKeyPair> dh_key_pair_from_secret(DhAlgorithm algorithm, ByteView secret_key) {
  if (algorithm == DhAlgorithm::k448) {
    return to_dh_key_pair(crypto::x448_from_secret(secret_key));
  }
  return to_dh_key_pair(crypto::x25519_from_secret(secret_key));
}

Result<SecretBytes> dh(DhAlgorithm algorithm, const SecretBytes& secret_key,
                       ByteView peer_public_key) {
  if (algorithm == DhAlgorithm::k448) {
    return crypto::x448_dh(secret_key, peer_public_key);
  }
  return crypto::x25519_dh(secret_key, peer_public_key);
}

}  // namespace ockam::noise
