#pragma once

#include <array>
#include <cstdint>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"
#include "ockam/core/secret_bytes.hpp"

namespace ockam::crypto {

/// P256KeyPair is a NIST P-256 key pair: a 32-byte big-endian scalar and the SEC1
/// uncompressed public point (0x04 || x || y, 65 bytes).
struct P256KeyPair {
  SecretBytes secret_key;  // 32-byte scalar
  std::array<std::uint8_t, 65> public_key;
};

/// p256_generate makes a fresh random key pair; kInternal if OpenSSL fails.
Result<P256KeyPair> p256_generate();

/// p256_from_secret derives the key pair of a 32-byte scalar; kInvalid on a wrong length or a
/// scalar outside [1, n-1].
Result<P256KeyPair> p256_from_secret(ByteView secret_key);

/// ECDSA with SHA-256 over `message` (it hashes `message` itself).
/// Returns r || s (32 bytes each, big-endian); kInvalid on a bad key, kInternal on OpenSSL failure.
Result<std::array<std::uint8_t, 64>> p256_sign(const SecretBytes& secret_key, ByteView message);

/// p256_verify checks an r || s `signature` (64 bytes) of `message` (SHA-256 is applied here)
/// by a 65-byte SEC1 uncompressed `public_key`; false on any malformed input.
bool p256_verify(ByteView public_key, ByteView message, ByteView signature);

}  // namespace ockam::crypto
