#pragma once

#include <array>
#include <cstdint>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"
#include "ockam/core/secret_bytes.hpp"

namespace ockam::crypto {

inline constexpr std::size_t kX448KeyLength = 56;

/// X448KeyPair is a Curve448 Diffie-Hellman key pair (RFC 7748), over OpenSSL EVP.
struct X448KeyPair {
  SecretBytes secret_key;
  std::array<std::uint8_t, 56> public_key;
};

/// x448_generate makes a fresh random key pair; kInternal if OpenSSL fails.
Result<X448KeyPair> x448_generate();

/// x448_from_secret derives the key pair of a 56-byte secret; kInvalid on another length,
/// kInternal if OpenSSL fails.
Result<X448KeyPair> x448_from_secret(ByteView secret_key);

/// x448_dh computes the 56-byte shared secret; kProtocol when it is all zero (low-order peer
/// key), kInvalid when a key has the wrong length, kInternal if OpenSSL fails.
Result<SecretBytes> x448_dh(const SecretBytes& secret_key, ByteView peer_public_key);

}  // namespace ockam::crypto
