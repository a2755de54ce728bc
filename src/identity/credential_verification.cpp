#include "ockam/identity/credential_verification.hpp"

#include <algorithm>
#include <utility>
#include <variant>

#include "identity/internal/cbor_fields.hpp"
#include "ockam/identity/constants.hpp"
#include "ockam/identity/purpose_key_verification.hpp"

namespace ockam::identity {
namespace {

Error rejected(const char* message) {
  return Error(Origin::kIdentity, Kind::kInvalid, message);
}

}  // namespace

Result<CredentialData> verify_credential_signed_by(
    const Credential& credential, const PurposeKeyAttestationData& issuer_key,
    const std::optional<Identifier>& expected_subject, TimestampInSeconds now) {
  const auto* signing_key = std::get_if<vault::VerifyingPublicKey>(&issuer_key.public_key);
  if (signing_key == nullptr) {
    return rejected("the issuer's purpose key is not a credential signing key");
  }
  if (!internal::verify_over_hash(*signing_key, credential.data, credential.signature)) {
    return rejected("the credential signature is invalid");
  }
  auto data = credential.decode_data();
  if (!data) {
    return data.error();
  }
  if (!data->subject) {
    return rejected("the credential has no subject");
  }
  if (expected_subject && *data->subject != *expected_subject) {
    return rejected("the credential is for another subject");
  }
  if (data->created_at < issuer_key.created_at) {
    return rejected("the credential predates the issuer's purpose key");
  }
  if (data->expires_at > issuer_key.expires_at) {
    return rejected("the credential outlives the issuer's purpose key");
  }
  if (data->created_at > now && data->created_at - now > kMaxAllowedTimeDrift) {
    return rejected("the credential is created in the future");
  }
  if (data->expires_at < now) {
    return rejected("the credential has expired");
  }
  return data;
}

Result<VerifiedCredential> verify_credential(const CredentialAndPurposeKey& presented,
                                             std::span<const Identity> authorities,
                                             const std::optional<Identifier>& expected_subject,
                                             TimestampInSeconds now) {
  auto claimed = presented.purpose_key_attestation.decode_data();
  if (!claimed) {
    return claimed.error();
  }
  auto issuer = std::find_if(authorities.begin(), authorities.end(),
                             [&](const Identity& a) { return a.identifier() == claimed->subject; });
  if (issuer == authorities.end()) {
    return Error(Origin::kIdentity, Kind::kPermission, "the credential issuer is not an authority");
  }
  auto issuer_key = verify_purpose_key_attestation(*issuer, presented.purpose_key_attestation, now);
  if (!issuer_key) {
    return issuer_key.error();
  }
  auto data = verify_credential_signed_by(presented.credential, *issuer_key, expected_subject, now);
  if (!data) {
    return data.error();
  }
  return VerifiedCredential{std::move(*data), std::move(*issuer_key)};
}

}  // namespace ockam::identity
