#pragma once

#include <cstddef>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"
#include "ockam/core/secret_bytes.hpp"

namespace ockam::noise {

/// DhAlgorithm names the Noise DH functions (spec §12.1-12.2).
enum class DhAlgorithm { k25519, k448 };

/// dh_length returns DHLEN: 32 for 25519, 56 for 448.
std::size_t dh_length(DhAlgorithm algorithm);

/// DhKeyPair is an in-memory key pair of any DhAlgorithm.
struct DhKeyPair {
  SecretBytes secret_key;
  Bytes public_key;
};

/// dh_generate makes a fresh random key pair (GENERATE_KEYPAIR); kInternal on backend failure.
Result<DhKeyPair> dh_generate(DhAlgorithm algorithm);

/// dh_key_pair_from_secret derives the key pair of a DHLEN-byte secret; kInvalid on a wrong length.
Result<DhKeyPair> dh_key_pair_from_secret(DhAlgorithm algorithm, ByteView secret_key);

/// dh computes DH(secret_key, peer_public_key); kProtocol when the result is all zero,
/// kInvalid on wrong key lengths.
Result<SecretBytes> dh(DhAlgorithm algorithm, const SecretBytes& secret_key,
                       ByteView peer_public_key);

}  // namespace ockam::noise
