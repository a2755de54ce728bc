#pragma once

#include <array>
#include <cstdint>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"
#include "ockam/core/secret_bytes.hpp"

namespace ockam::crypto {

/// Ed25519KeyPair is an EdDSA key pair (RFC 8032); the secret is the 32-byte seed.
struct Ed25519KeyPair {
  SecretBytes secret_key;  // 32-byte seed
  std::array<std::uint8_t, 32> public_key;
};

/// ed25519_generate makes a fresh random key pair.
Ed25519KeyPair ed25519_generate();

/// ed25519_from_seed derives the key pair of a 32-byte seed; kInvalid on another length.
Result<Ed25519KeyPair> ed25519_from_seed(ByteView seed);

/// ed25519_sign returns the 64-byte signature of `message` under the 32-byte `seed`.
/// A seed of the wrong length yields an all-zero signature (which never verifies).
std::array<std::uint8_t, 64> ed25519_sign(const SecretBytes& seed, ByteView message);

/// ed25519_verify checks a 64-byte `signature` of `message` by a 32-byte `public_key`;
/// false on any length mismatch or invalid signature.
bool ed25519_verify(ByteView public_key, ByteView message, ByteView signature);

}  // namespace ockam::crypto
