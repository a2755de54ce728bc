#pragma once

#include <cstdint>
#include <map>
#include <optional>

#include "ockam/core/bytes.hpp"
#include "ockam/core/cbor_reader.hpp"
#include "ockam/core/cbor_writer.hpp"
#include "ockam/core/result.hpp"
#include "ockam/identity/change_history.hpp"
#include "ockam/identity/clock.hpp"
#include "ockam/identity/identifier.hpp"
#include "ockam/identity/purpose_key_attestation.hpp"
#include "ockam/vault/signature.hpp"

/// The CBOR model of credentials (Ockam: models/credential.rs and
/// models/credential_and_purpose_key.rs, reference §5.5). These types only encode and decode;
/// see credential_verification.hpp.
namespace ockam::identity {

/// Attributes is array(2) [schema, map<bytes, bytes>]: what the issuer attests about the
/// subject. Keys are unique; the map iterates (and encodes) in the byte order Ockam's BTreeMap
/// uses.
struct Attributes {
  std::uint64_t schema = 0;
  std::map<Bytes, Bytes> map;

  friend bool operator==(const Attributes&, const Attributes&) = default;
};

/// CredentialData is array(5) [subject or null, subject_latest_change_hash or null,
/// attributes, created_at, expires_at].
struct CredentialData {
  std::optional<Identifier> subject;
  std::optional<ChangeHash> subject_latest_change_hash;
  Attributes subject_attributes;
  TimestampInSeconds created_at = 0;
  TimestampInSeconds expires_at = 0;

  friend bool operator==(const CredentialData&, const CredentialData&) = default;
};

/// encode_credential_data returns the CBOR of `data`.
Bytes encode_credential_data(const CredentialData& data);
/// decode_credential_data parses one CredentialData (at most kMaxAttributes attributes, no
/// repeated key); kParse on malformed input or trailing bytes.
Result<CredentialData> decode_credential_data(ByteView encoded);

/// Credential is array(2) [data, signature]: `data` is a VersionedData (version 1, data type 3)
/// around a CredentialData, signed (over its SHA-256) by the issuer's credential purpose key.
struct Credential {
  Bytes data;
  vault::Signature signature;

  /// Opens `data` and decodes the credential data (no signature is checked); kParse,
  /// kUnsupported or kInvalid as decode_versioned_data reports.
  Result<CredentialData> decode_data() const;

  friend bool operator==(const Credential&, const Credential&) = default;
};

/// CredentialAndPurposeKey is array(2) [credential, the issuer's purpose key attestation]: what
/// a peer presents.
struct CredentialAndPurposeKey {
  Credential credential;
  PurposeKeyAttestation purpose_key_attestation;

  friend bool operator==(const CredentialAndPurposeKey&, const CredentialAndPurposeKey&) = default;
};

/// write_credential_and_purpose_key appends the CBOR of `value`.
void write_credential_and_purpose_key(CborWriter& out, const CredentialAndPurposeKey& value);
/// read_credential_and_purpose_key reads one value; false (reader unchanged) on malformed input.
bool read_credential_and_purpose_key(CborReader& in, CredentialAndPurposeKey& out);
/// encode_credential_and_purpose_key returns the CBOR of `value`.
Bytes encode_credential_and_purpose_key(const CredentialAndPurposeKey& value);
/// decode_credential_and_purpose_key parses one value; kParse on malformed input or trailing
/// bytes.
Result<CredentialAndPurposeKey> decode_credential_and_purpose_key(ByteView encoded);

}  // namespace ockam::identity
