#pragma once

#include <vector>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"
#include "ockam/identity/credential.hpp"
#include "ockam/identity/purpose_key_attestation.hpp"

namespace ockam::identity {

/// IdentityAndCredentials is the identity payload of secure-channel handshake messages 2 and 3
/// (reference §4.2): array(3) [ChangeHistory, PurposeKeyAttestation of the Noise static key,
/// [CredentialAndPurposeKey...]]. Decoding checks only the structure: the receiver imports the
/// change history (Identities::import) and verifies the attestation and credentials.
struct IdentityAndCredentials {
  /// The CBOR change history, byte for byte as sent (Identity::export_bytes() when sending).
  Bytes change_history;
  PurposeKeyAttestation purpose_key_attestation;
  std::vector<CredentialAndPurposeKey> credentials;

  friend bool operator==(const IdentityAndCredentials&, const IdentityAndCredentials&) = default;
};

/// encode_identity_and_credentials returns the CBOR of `value`; `value.change_history` is copied
/// verbatim and must be one encoded change history.
Bytes encode_identity_and_credentials(const IdentityAndCredentials& value);

/// decode_identity_and_credentials parses one payload (a well-formed change history, at most
/// kMaxCredentials credentials); kParse on malformed input or trailing bytes.
Result<IdentityAndCredentials> decode_identity_and_credentials(ByteView encoded);

}  // namespace ockam::identity
