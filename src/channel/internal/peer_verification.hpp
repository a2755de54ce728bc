#pragma once

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"
#include "ockam/identity/identities.hpp"
#include "ockam/identity/trust_policy.hpp"

namespace ockam::channel::internal {

/// own_identity_payload is the IdentityAndCredentials a side sends (reference §4.2): its change
/// history and the attestation of its secure-channel purpose key, no credentials.
Bytes own_identity_payload(const identity::Identity& self,
                           const identity::SecureChannelPurposeKey& purpose_key);

/// verify_peer_identity checks the peer's IdentityAndCredentials `payload`: the change history
/// imports, it attests a secure-channel purpose key, that key is `key_used` (the static key of
/// the key agreement) and `trust_policy` accepts the identifier, which is returned. kProtocol
/// with a message per failure, kPermission when the policy refuses.
Result<identity::Identifier> verify_peer_identity(identity::Identities& identities,
                                                  ByteView payload, ByteView key_used,
                                                  const identity::TrustPolicy& trust_policy);

}  // namespace ockam::channel::internal
