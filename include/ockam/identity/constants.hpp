#pragma once

#include <cstddef>
#include <cstdint>

/// Limits and defaults of the identity module. Values marked "Ockam" come from the Rust
/// reference (crate ockam_identity 0.125); the others are implementation choices.
namespace ockam::identity {

/// `VersionedData::version` of every format below (Ockam: models/versioned_data.rs).
inline constexpr std::uint8_t kVersionedDataVersion = 1;
/// `VersionedData::data_type` of a ChangeData (Ockam: CHANGE_DATA_TYPE).
inline constexpr std::uint8_t kChangeDataType = 1;
/// `VersionedData::data_type` of a PurposeKeyAttestationData (Ockam:
/// PURPOSE_KEY_ATTESTATION_DATA_TYPE).
inline constexpr std::uint8_t kPurposeKeyAttestationDataType = 2;
/// `VersionedData::data_type` of a CredentialData (Ockam: CREDENTIAL_DATA_TYPE).
inline constexpr std::uint8_t kCredentialDataType = 3;

/// Validity of the attestations of a new identity key: 10 years (Ockam: DEFAULT_IDENTITY_TTL,
/// identities/identity_builder.rs).
inline constexpr std::uint64_t kDefaultIdentityTtl = 10ull * 365 * 24 * 60 * 60;
/// Validity of a secure-channel purpose key: 5 years (Ockam:
/// DEFAULT_SECURE_CHANNEL_PURPOSE_KEY_TTL, purpose_keys/builder/secure_channel.rs).
inline constexpr std::uint64_t kSecureChannelPurposeKeyTtl = 5ull * 365 * 24 * 60 * 60;
/// How far in the future a purpose key or credential may have been created, for clock skew:
/// 60 seconds (Ockam: MAX_ALLOWED_TIME_DRIFT).
inline constexpr std::uint64_t kMaxAllowedTimeDrift = 60;

/// Most changes a decoded change history may hold (implementation limit; each costs one or two
/// signature checks).
inline constexpr std::size_t kMaxChanges = 256;
/// Most credentials an IdentityAndCredentials payload may carry (implementation limit; Ockam
/// sends 0 or 1).
inline constexpr std::size_t kMaxCredentials = 16;
/// Most attributes a credential may carry (implementation limit).
inline constexpr std::size_t kMaxAttributes = 1024;

}  // namespace ockam::identity
