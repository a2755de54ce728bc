#pragma once

#include <variant>

#include "ockam/core/bytes.hpp"
#include "ockam/core/cbor_reader.hpp"
#include "ockam/core/cbor_writer.hpp"
#include "ockam/core/result.hpp"
#include "ockam/identity/change_history.hpp"
#include "ockam/identity/clock.hpp"
#include "ockam/identity/identifier.hpp"
#include "ockam/vault/signature.hpp"
#include "ockam/vault/vault.hpp"
#include "ockam/vault/verifying_public_key.hpp"

/// The CBOR model of purpose-key attestations (Ockam: models/purpose_key_attestation.rs,
/// reference §5.4). These types only encode and decode; see purpose_key_verification.hpp.
namespace ockam::identity {

/// PurposePublicKey is the attested key: the enum [0 SecureChannelStatic → [X25519 bytes(32)] |
/// 1 CredentialSigning → [public key enum]]. The variant index is the CBOR variant index.
using PurposePublicKey = std::variant<vault::X25519PublicKey, vault::VerifyingPublicKey>;

/// PurposeKeyAttestationData is array(5) [subject, subject_latest_change_hash, public_key,
/// created_at, expires_at].
struct PurposeKeyAttestationData {
  Identifier subject;
  ChangeHash subject_latest_change_hash{};
  PurposePublicKey public_key;
  TimestampInSeconds created_at = 0;
  TimestampInSeconds expires_at = 0;

  friend bool operator==(const PurposeKeyAttestationData&,
                         const PurposeKeyAttestationData&) = default;
};

/// encode_purpose_key_attestation_data returns the CBOR of `data`.
Bytes encode_purpose_key_attestation_data(const PurposeKeyAttestationData& data);
/// decode_purpose_key_attestation_data parses one PurposeKeyAttestationData; kParse on
/// malformed input or trailing bytes.
Result<PurposeKeyAttestationData> decode_purpose_key_attestation_data(ByteView encoded);

/// PurposeKeyAttestation is array(2) [data, signature]: `data` is a VersionedData (version 1,
/// data type 2) around a PurposeKeyAttestationData, signed (over its SHA-256) by the subject's
/// primary key.
struct PurposeKeyAttestation {
  Bytes data;
  vault::Signature signature;

  /// Opens `data` and decodes the attestation data (no signature is checked); kParse,
  /// kUnsupported or kInvalid as decode_versioned_data reports.
  Result<PurposeKeyAttestationData> decode_data() const;

  friend bool operator==(const PurposeKeyAttestation&, const PurposeKeyAttestation&) = default;
};

/// write_purpose_key_attestation appends the CBOR of `attestation`.
void write_purpose_key_attestation(CborWriter& out, const PurposeKeyAttestation& attestation);
/// read_purpose_key_attestation reads one attestation; false (reader unchanged) on malformed
/// input.
bool read_purpose_key_attestation(CborReader& in, PurposeKeyAttestation& out);
/// encode_purpose_key_attestation returns the CBOR of `attestation`.
Bytes encode_purpose_key_attestation(const PurposeKeyAttestation& attestation);
/// decode_purpose_key_attestation parses one attestation; kParse on malformed input or trailing
/// bytes.
Result<PurposeKeyAttestation> decode_purpose_key_attestation(ByteView encoded);

}  // namespace ockam::identity
