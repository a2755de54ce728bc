#pragma once

#include "ockam/identity/clock.hpp"
#include "ockam/identity/identifier.hpp"
#include "ockam/identity/purpose_key_attestation.hpp"
#include "ockam/vault/handles.hpp"
#include "ockam/vault/vault.hpp"

namespace ockam::identity {

/// SecureChannelPurposeKey is one of our identities' secure-channel static keys: an X25519 key
/// kept in the vault, and the attestation (signed by the identity's primary key) that the
/// handshake sends to prove the key belongs to the identity.
struct SecureChannelPurposeKey {
  Identifier subject;
  vault::X25519KeyHandle key;
  vault::X25519PublicKey public_key{};
  PurposeKeyAttestation attestation;
  TimestampInSeconds expires_at = 0;
};

}  // namespace ockam::identity
