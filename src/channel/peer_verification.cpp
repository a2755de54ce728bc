#include "channel/internal/peer_verification.hpp"

#include "ockam/identity/identity_and_credentials.hpp"

namespace ockam::channel::internal {

Bytes own_identity_payload(const identity::Identity& self,
                           const identity::SecureChannelPurposeKey& purpose_key) {
  return identity::encode_identity_and_credentials(
      identity::IdentityAndCredentials{self.export_bytes(), purpose_key.attestation, {}});
}

Result<identity::Identifier> verify_peer_identity(identity::Identities& identities,
                                                  ByteView payload, ByteView key_used,
                                                  const identity::TrustPolicy& trust_policy) {
  auto decoded = identity::decode_identity_and_credentials(payload);
  if (!decoded) {
    return Error(Origin::kChannel, Kind::kProtocol, "the peer's identity payload is malformed");
  }
  // Verified here, remembered only once every check passed: a refused peer leaves nothing
  // behind (a flood of refused identities would fill the cache, or the database).
  auto identity = identity::Identity::import(decoded->change_history);
  if (!identity) {
    return Error(Origin::kChannel, Kind::kProtocol, "the peer's identity does not verify");
  }
  auto attested =
      identities.verify_secure_channel_purpose_key(*identity, decoded->purpose_key_attestation);
  if (!attested) {
    return Error(Origin::kChannel, Kind::kProtocol, "the peer's purpose key does not verify");
  }
  if (!ct_equal(*attested, key_used)) {
    return Error(Origin::kChannel, Kind::kProtocol,
                 "the peer's purpose key is not its handshake key");
  }
  if (!trust_policy.check(identity->identifier())) {
    return Error(Origin::kChannel, Kind::kPermission,
                 "the trust policy refused the peer's identifier");
  }
  auto remembered = identities.remember(std::move(*identity));
  if (!remembered) {
    return Error(Origin::kChannel, Kind::kProtocol,
                 "the peer's identity conflicts with the one known for its identifier");
  }
  return remembered->identifier();
}

}  // namespace ockam::channel::internal
