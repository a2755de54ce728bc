#include "ockam/identity/purpose_key_verification.hpp"

#include <variant>

#include "identity/internal/cbor_fields.hpp"
#include "ockam/identity/constants.hpp"

namespace ockam::identity {
namespace {

Error rejected(const char* message) {
  return Error(Origin::kIdentity, Kind::kInvalid, message);
}

}  // namespace

Result<PurposeKeyAttestationData> verify_purpose_key_attestation(
    const Identity& subject, const PurposeKeyAttestation& attestation, TimestampInSeconds now) {
  auto data = attestation.decode_data();
  if (!data) {
    return data.error();
  }
  if (data->subject != subject.identifier()) {
    return rejected("the purpose key is attested for another identity");
  }
  if (data->subject_latest_change_hash != subject.latest_change_hash()) {
    return rejected("the purpose key does not name the identity's latest change");
  }
  const ChangeData& latest = subject.latest_change_data();
  if (data->expires_at > latest.attestations_valid_until) {
    return rejected("the purpose key outlives the identity key's attestations");
  }
  if (data->created_at < latest.attestations_valid_from) {
    return rejected("the purpose key predates the identity key's attestations");
  }
  if (data->created_at > now && data->created_at - now > kMaxAllowedTimeDrift) {
    return rejected("the purpose key is created in the future");
  }
  if (data->expires_at < now) {
    return rejected("the purpose key has expired");
  }
  if (!internal::verify_over_hash(subject.primary_public_key(), attestation.data,
                                  attestation.signature)) {
    return rejected("the purpose key attestation signature is invalid");
  }
  return data;
}

Result<vault::X25519PublicKey> verify_secure_channel_purpose_key(
    const Identity& subject, const PurposeKeyAttestation& attestation, TimestampInSeconds now) {
  auto data = verify_purpose_key_attestation(subject, attestation, now);
  if (!data) {
    return data.error();
  }
  const auto* key = std::get_if<vault::X25519PublicKey>(&data->public_key);
  if (key == nullptr) {
    return rejected("the purpose key is not a secure channel key");
  }
  return *key;
}

}  // namespace ockam::identity
