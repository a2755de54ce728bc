#include "ockam/identity/identities.hpp"

#include <algorithm>
#include <utility>

#include "identity/internal/cbor_fields.hpp"
#include "ockam/identity/constants.hpp"
#include "ockam/identity/purpose_key_verification.hpp"
#include "ockam/identity/versioned_data.hpp"

namespace ockam::identity {
namespace {

// Builds a change stating `data`, signed by `key` and, for a rotation, by `previous_key`.
Result<Change> signed_change(const vault::Vault& vault, const ChangeData& data,
                             const vault::SigningKeyHandle& key,
                             const vault::SigningKeyHandle* previous_key) {
  Change change;
  change.data = encode_versioned_data(kChangeDataType, encode_change_data(data));
  auto signature = internal::sign_over_hash(vault, key, change.data);
  if (!signature) {
    return signature.error();
  }
  change.signature = *signature;
  if (previous_key != nullptr) {
    auto previous_signature = internal::sign_over_hash(vault, *previous_key, change.data);
    if (!previous_signature) {
      return previous_signature.error();
    }
    change.previous_signature = *previous_signature;
  }
  return change;
}

}  // namespace

Identities::Identities(std::shared_ptr<vault::Vault> vault, Clock clock)
    : vault_(std::move(vault)), clock_(std::move(clock)) {}

Result<Identity> Identities::remember(Identity identity) {
  std::lock_guard lock(mutex_);
  auto [it, inserted] = known_.try_emplace(identity.identifier(), identity);
  if (inserted) {
    return identity;
  }
  switch (identity.compare_to(it->second)) {
    case HistoryComparison::kEqual:
      return it->second;
    case HistoryComparison::kNewer:
      it->second = identity;
      return identity;
    case HistoryComparison::kOlder:
    case HistoryComparison::kConflict:
      break;
  }
  return Error(Origin::kIdentity, Kind::kInvalid, "the change history conflicts with a known one");
}

Result<vault::SigningKeyHandle> Identities::key_of(const Identity& identity) const {
  return vault_->signing_key_handle(identity.primary_public_key());
}

Result<Identity> Identities::create_identity(vault::SigningKeyType type) {
  auto key = vault_->generate_signing_key(type);
  if (!key) {
    return key.error();
  }
  TimestampInSeconds valid_from = now();
  return create_identity_with_key(*key, valid_from, valid_from + kDefaultIdentityTtl);
}

Result<Identity> Identities::create_identity_with_key(const vault::SigningKeyHandle& key,
                                                      TimestampInSeconds valid_from,
                                                      TimestampInSeconds valid_until) {
  auto public_key = vault_->signing_public_key(key);
  if (!public_key) {
    return public_key.error();
  }
  ChangeData data{std::nullopt, std::move(*public_key), false, valid_from, valid_until};
  auto change = signed_change(*vault_, data, key, nullptr);
  if (!change) {
    return change.error();
  }
  auto identity = Identity::from_change_history(ChangeHistory{{std::move(*change)}});
  if (!identity) {
    return identity.error();
  }
  return remember(std::move(*identity));
}

Result<Identity> Identities::import(ByteView change_history) {
  auto identity = Identity::import(change_history);
  if (!identity) {
    return identity.error();
  }
  return remember(std::move(*identity));
}

Result<Identity> Identities::import_hex(std::string_view change_history_hex) {
  auto identity = Identity::import_hex(change_history_hex);
  if (!identity) {
    return identity.error();
  }
  return remember(std::move(*identity));
}

Result<Identity> Identities::get(const Identifier& identifier) const {
  std::lock_guard lock(mutex_);
  auto it = known_.find(identifier);
  if (it == known_.end()) {
    return Error(Origin::kIdentity, Kind::kNotFound, "unknown identity");
  }
  return it->second;
}

Result<Identity> Identities::rotate_key(const Identifier& identifier,
                                        const RotateKeyOptions& options) {
  auto current = get(identifier);
  if (!current) {
    return current.error();
  }
  auto old_key = key_of(*current);
  if (!old_key) {
    return old_key.error();
  }
  const ChangeData& latest = current->latest_change_data();
  auto new_key =
      vault_->generate_signing_key(options.key_type.value_or(latest.primary_public_key.type));
  if (!new_key) {
    return new_key.error();
  }
  auto new_public_key = vault_->signing_public_key(*new_key);
  if (!new_public_key) {
    return new_public_key.error();
  }
  TimestampInSeconds valid_from = std::max(now(), latest.attestations_valid_from);
  ChangeData data{current->latest_change_hash(), std::move(*new_public_key),
                  options.revoke_all_purpose_keys, valid_from, valid_from + kDefaultIdentityTtl};
  auto discard_new_key = [&](const Error& error) {
    (void)vault_->delete_signing_key(*new_key);
    return error;
  };
  auto change = signed_change(*vault_, data, *new_key, &*old_key);
  if (!change) {
    return discard_new_key(change.error());
  }
  ChangeHistory history = current->change_history();
  history.changes.push_back(std::move(*change));
  auto rotated = Identity::from_change_history(std::move(history));
  if (!rotated) {
    return discard_new_key(rotated.error());
  }
  auto remembered = remember(std::move(*rotated));
  if (!remembered) {
    return discard_new_key(remembered.error());
  }
  // As Ockam does, the old secret goes once the new change is in place.
  (void)vault_->delete_signing_key(*old_key);
  return remembered;
}

Result<PurposeKeyAttestation> Identities::attest_purpose_key(const Identifier& identifier,
                                                             const PurposePublicKey& key,
                                                             TimestampInSeconds created_at,
                                                             TimestampInSeconds expires_at) {
  auto identity = get(identifier);
  if (!identity) {
    return identity.error();
  }
  auto signing_key = key_of(*identity);
  if (!signing_key) {
    return signing_key.error();
  }
  PurposeKeyAttestationData data{identifier, identity->latest_change_hash(), key, created_at,
                                 expires_at};
  PurposeKeyAttestation attestation;
  attestation.data = encode_versioned_data(kPurposeKeyAttestationDataType,
                                           encode_purpose_key_attestation_data(data));
  auto signature = internal::sign_over_hash(*vault_, *signing_key, attestation.data);
  if (!signature) {
    return signature.error();
  }
  attestation.signature = *signature;
  return attestation;
}

Result<SecureChannelPurposeKey> Identities::create_secure_channel_purpose_key(
    const Identifier& identifier) {
  auto identity = get(identifier);
  if (!identity) {
    return identity.error();
  }
  TimestampInSeconds created_at = now();
  TimestampInSeconds expires_at = std::min(created_at + kSecureChannelPurposeKeyTtl,
                                           identity->latest_change_data().attestations_valid_until);
  if (expires_at < created_at) {
    return Error(Origin::kIdentity, Kind::kInvalid, "the identity key's attestations have ended");
  }
  auto key = vault_->generate_x25519_key();
  if (!key) {
    return key.error();
  }
  auto public_key = vault_->x25519_public_key(*key);
  if (!public_key) {
    return public_key.error();
  }
  auto attestation = attest_purpose_key(identifier, *public_key, created_at, expires_at);
  if (!attestation) {
    (void)vault_->delete_x25519_key(*key);
    return attestation.error();
  }
  return SecureChannelPurposeKey{identifier, std::move(*key), *public_key, std::move(*attestation),
                                 expires_at};
}

Result<SecureChannelPurposeKey> Identities::get_or_create_secure_channel_purpose_key(
    const Identifier& identifier) {
  auto subject = get(identifier);
  if (!subject) {
    return subject.error();
  }
  {
    std::lock_guard lock(mutex_);
    // Our own attestation was verified when made: it stays good while it has not expired and
    // still names the identity's latest change (no signature check per handshake).
    auto it = purpose_keys_.find(identifier);
    if (it != purpose_keys_.end() && it->second.expires_at > now()) {
      auto data = it->second.attestation.decode_data();
      if (data && data->subject_latest_change_hash == subject->latest_change_hash()) {
        return it->second;
      }
    }
  }
  auto created = create_secure_channel_purpose_key(identifier);
  if (!created) {
    return created.error();
  }
  std::lock_guard lock(mutex_);
  purpose_keys_.insert_or_assign(identifier, *created);
  return created;
}

Result<vault::X25519PublicKey> Identities::verify_secure_channel_purpose_key(
    const Identity& subject, const PurposeKeyAttestation& attestation) const {
  return identity::verify_secure_channel_purpose_key(subject, attestation, now());
}

}  // namespace ockam::identity
