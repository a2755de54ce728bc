#pragma once

#include <array>
#include <cstdint>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"
#include "ockam/core/secret_bytes.hpp"
#include "ockam/noise/role.hpp"
#include "ockam/vault/vault.hpp"

namespace ockam::channel {

/// X3dhKeys is what one side of an X3DH exchange derives (shared/reference/x3dh.md §2.4): the
/// AES-256-GCM key it encrypts with, the one it decrypts with, the hash `h` and the peer's
/// identity key as it appeared in the exchange.
struct X3dhKeys {
  SecretBytes encrypt_key;
  SecretBytes decrypt_key;
  std::array<std::uint8_t, 32> h{};
  vault::X25519PublicKey their_identity_key{};
};

/// derive_x3dh_keys runs X3DH's KDF for `role` over DH1..DH4 (each 32 bytes): IKM = 32×0xFF ||
/// DH1 || DH2 || DH3 || DH4, okm = HKDF-SHA256(salt = 32 zero bytes, IKM, info, 64 bytes); the
/// responder encrypts with okm[0..32] and the initiator with okm[32..64];
/// h = SHA256(SHA256(info) || IKM). kInvalid when a DH result is not 32 bytes.
Result<X3dhKeys> derive_x3dh_keys(noise::Role role, const SecretBytes& dh1, const SecretBytes& dh2,
                                  const SecretBytes& dh3, const SecretBytes& dh4,
                                  const vault::X25519PublicKey& their_identity_key);

}  // namespace ockam::channel
