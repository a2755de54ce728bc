#pragma once

#include <array>
#include <cstdint>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"
#include "ockam/core/secret_bytes.hpp"

namespace ockam::crypto {

inline constexpr std::size_t kX25519KeyLength = 32;

/// X25519KeyPair is a Curve25519 Diffie-Hellman key pair (RFC 7748).
struct X25519KeyPair {
  SecretBytes secret_key;
  std::array<std::uint8_t, 32> public_key;
};

/// x25519_generate makes a fresh random key pair.
X25519KeyPair x25519_generate();

/// x25519_from_secret derives the key pair of a 32-byte secret; kInvalid on another length.
Result<X25519KeyPair> x25519_from_secret(ByteView secret_key);

/// DH; kProtocol error when the result is all zero (low-order peer key).
/// kInvalid when either key is not 32 bytes.
Result<SecretBytes> x25519_dh(const SecretBytes& secret_key, ByteView peer_public_key);

}  // namespace ockam::crypto
