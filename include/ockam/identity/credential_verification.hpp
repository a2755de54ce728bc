#pragma once

#include <optional>
#include <span>

#include "ockam/core/result.hpp"
#include "ockam/identity/clock.hpp"
#include "ockam/identity/credential.hpp"
#include "ockam/identity/identifier.hpp"
#include "ockam/identity/identity.hpp"
#include "ockam/identity/purpose_key_attestation.hpp"

namespace ockam::identity {

/// VerifiedCredential is a credential that passed verify_credential, with the issuer's
/// purpose key that signed it.
struct VerifiedCredential {
  CredentialData data;
  PurposeKeyAttestationData issuer_purpose_key;
};

/// verify_credential_signed_by checks `credential` against the issuer's purpose key data
/// `issuer_key` (already verified by the caller) at time `now` (Ockam:
/// credentials/credentials_verification.rs): the key is a CredentialSigning key; the signature
/// over SHA-256 of the data verifies with it; VersionedData version 1 of the credential type;
/// a subject is present and equals `expected_subject` when one is given; `created_at >=` and
/// `expires_at <=` those of the purpose key; `created_at` at most kMaxAllowedTimeDrift seconds
/// after `now`; `expires_at` not before `now`. Returns the credential data; kParse,
/// kUnsupported or kInvalid otherwise.
Result<CredentialData> verify_credential_signed_by(
    const Credential& credential, const PurposeKeyAttestationData& issuer_key,
    const std::optional<Identifier>& expected_subject, TimestampInSeconds now);

/// verify_credential checks a presented credential: its issuer must be one of `authorities`
/// (kPermission otherwise), the issuer's purpose key attestation must verify against that
/// authority (verify_purpose_key_attestation), and the credential must pass
/// verify_credential_signed_by.
Result<VerifiedCredential> verify_credential(const CredentialAndPurposeKey& presented,
                                             std::span<const Identity> authorities,
                                             const std::optional<Identifier>& expected_subject,
                                             TimestampInSeconds now);

}  // namespace ockam::identity
