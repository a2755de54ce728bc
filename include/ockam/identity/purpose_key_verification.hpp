#pragma once

#include "ockam/core/result.hpp"
#include "ockam/identity/clock.hpp"
#include "ockam/identity/identity.hpp"
#include "ockam/identity/purpose_key_attestation.hpp"
#include "ockam/vault/vault.hpp"

namespace ockam::identity {

/// verify_purpose_key_attestation checks `attestation` against its subject's verified identity
/// at time `now` with the rules of reference §5.4 (Ockam:
/// purpose_keys/purpose_key_verification.rs): VersionedData version 1 of the attestation type;
/// the subject is `subject`; it names `subject`'s latest change (attestations for older keys
/// are not accepted, as in Ockam); `created_at >= attestations_valid_from` and `expires_at <=
/// attestations_valid_until` of that change; `created_at` at most kMaxAllowedTimeDrift seconds
/// after `now`; `expires_at` not before `now`; signed by the current primary key over the
/// SHA-256 of the data. Returns the attested data; kParse, kUnsupported or kInvalid otherwise.
Result<PurposeKeyAttestationData> verify_purpose_key_attestation(
    const Identity& subject, const PurposeKeyAttestation& attestation, TimestampInSeconds now);

/// verify_secure_channel_purpose_key runs verify_purpose_key_attestation and also requires a
/// SecureChannelStatic key; returns the attested X25519 public key, which the secure channel
/// compares with the Noise static key of the peer. kInvalid for a key of another purpose.
Result<vault::X25519PublicKey> verify_secure_channel_purpose_key(
    const Identity& subject, const PurposeKeyAttestation& attestation, TimestampInSeconds now);

}  // namespace ockam::identity
