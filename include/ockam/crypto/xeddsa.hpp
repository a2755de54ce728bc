#pragma once

#include <array>
#include <cstdint>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"
#include "ockam/core/secret_bytes.hpp"

namespace ockam::crypto {

/// XEdDsaSignature is R || s (64 bytes), as an Ed25519 signature.
using XEdDsaSignature = std::array<std::uint8_t, 64>;

/// xeddsa_sign signs `message` with the X25519 secret `x25519_secret` (32 bytes, clamped as
/// X25519 clamps it), following Signal's XEdDSA specification (rev. 1, §4.1): the Edwards key
/// pair is derived from the Montgomery one with the public sign bit forced to 0, and the nonce
/// is hash1(a || M || Z) with 64 fresh random bytes Z, so signatures are not deterministic.
/// kInvalid when the secret is not 32 bytes.
Result<XEdDsaSignature> xeddsa_sign(const SecretBytes& x25519_secret, ByteView message);

/// xeddsa_sign_for_testing is xeddsa_sign with the 64-byte random Z given (for known-answer
/// tests); kInvalid on other lengths.
Result<XEdDsaSignature> xeddsa_sign_for_testing(const SecretBytes& x25519_secret, ByteView message,
                                                ByteView random_z);

/// xeddsa_verify checks `signature` (64 bytes) of `message` by the X25519 public key
/// `montgomery_public` (32 bytes): the u-coordinate is converted to the Edwards point with sign
/// bit 0 and the signature verified as Ed25519 (libsodium). False on any length mismatch, a
/// u-coordinate not below 2^255-19, or an invalid signature.
bool xeddsa_verify(ByteView montgomery_public, ByteView message, ByteView signature);

}  // namespace ockam::crypto
