#include "ockam/identity/identities.hpp"

#include <algorithm>
#include <utility>

#include "identity/internal/cbor_fields.hpp"
#include "ockam/crypto/sha256.hpp"
#include "ockam/identity/constants.hpp"
#include "ockam/identity/purpose_key_verification.hpp"
#include "ockam/identity/versioned_data.hpp"
#include "ockam/storage/storage.hpp"

namespace ockam::identity {
namespace {

// Ockam's purpose name for secure-channel static keys (the `purpose` column).
const std::string kSecureChannels = "SecureChannels";
// Times a history is compared and stored again when other processes keep replacing it.
constexpr int kStoreAttempts = 3;

// The detail of an error about a named identity: the caller's name, never a peer's text.
std::string identity_named(const std::string& name) {
  return "identity \"" + name + "\"";
}

Error no_identity_named(const std::string& name) {
  return Error(Origin::kIdentity, Kind::kNotFound, "no identity with this name")
      .with_detail(identity_named(name));
}

Error identity_name_taken(const std::string& name) {
  return Error(Origin::kIdentity, Kind::kAlreadyExists, "an identity with this name exists")
      .with_detail(identity_named(name));
}

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

Identities::Identities(std::shared_ptr<vault::Vault> vault,
                       std::shared_ptr<storage::Storage> storage, Clock clock)
    : vault_(std::move(vault)), storage_(std::move(storage)), clock_(std::move(clock)) {}

void Identities::cache_locked(const Identity& identity) const {
  if (known_.size() >= kMaxKnownIdentities && !known_.contains(identity.identifier())) {
    // Drop one peer (with storage it is read back on demand; without, it is imported again at
    // its next handshake). Our own identities stay.
    for (auto it = known_.begin(); it != known_.end(); ++it) {
      if (!own_.contains(it->first)) {
        known_.erase(it);
        break;
      }
    }
  }
  known_.insert_or_assign(identity.identifier(), identity);
}

Result<Identity> Identities::remember(Identity identity) {
  std::lock_guard lock(mutex_);
  return remember_locked(std::move(identity));
}

Result<Identity> Identities::remember_locked(Identity identity) {
  auto cached = known_.find(identity.identifier());
  if (cached != known_.end() && cached->second == identity) {
    return cached->second;
  }
  const Error conflict(Origin::kIdentity, Kind::kInvalid,
                       "the change history conflicts with a known one");
  if (storage_ == nullptr) {
    if (cached != known_.end() &&
        identity.compare_to(cached->second) != HistoryComparison::kNewer) {
      return conflict;
    }
    cache_locked(identity);
    return identity;
  }
  // The database is the reference (other processes share it). The stored history is read and
  // verified (signature checks) with no transaction open; the write transaction only checks
  // that the row is still the one verified and replaces it. Another process changing the row
  // in between makes us compare again.
  std::string identifier = identity.identifier().to_string();
  auto& repository = storage_->identities();
  auto owner = own_.contains(identity.identifier()) ? storage::HistoryOwner::kOurs
                                                    : storage::HistoryOwner::kPeer;
  for (int attempt = 0; attempt < kStoreAttempts; ++attempt) {
    auto bytes = repository.change_history(identifier);
    if (!bytes && bytes.error().kind() != Kind::kNotFound) {
      return bytes.error();
    }
    if (bytes) {
      auto known = Identity::import(*bytes);
      if (!known) {
        return Error(Origin::kIdentity, Kind::kInvalid,
                     "a stored change history does not verify (damaged database)");
      }
      auto comparison = identity.compare_to(*known);
      if (comparison == HistoryComparison::kEqual) {
        cache_locked(*known);
        return std::move(*known);
      }
      if (comparison != HistoryComparison::kNewer) {
        return conflict;
      }
    }
    bool unchanged = true;
    auto stored = storage_->database().transaction([&]() -> Result<void> {
      auto current = repository.change_history(identifier);
      if (!current && current.error().kind() != Kind::kNotFound) {
        return current.error();
      }
      unchanged = current ? bytes && *current == *bytes : !bytes;
      if (!unchanged) {
        return ok();
      }
      return repository.put_change_history(identifier, identity.export_bytes(),
                                           static_cast<std::int64_t>(now()), owner);
    });
    if (!stored) {
      return stored.error();
    }
    if (unchanged) {
      cache_locked(identity);
      return identity;
    }
  }
  return Error(Origin::kIdentity, Kind::kTimeout,
               "the stored change history kept changing under other processes' writes");
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
  std::lock_guard lock(mutex_);
  own_.insert(identity->identifier());
  return remember_locked(std::move(*identity));
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
  if (it != known_.end()) {
    return it->second;
  }
  // The caller asked for this identifier: errors name it.
  auto unknown = [&identifier] {
    return Error(Origin::kIdentity, Kind::kNotFound, "unknown identity")
        .with_detail(identifier.to_string());
  };
  if (storage_ == nullptr) {
    return unknown();
  }
  auto bytes = storage_->identities().change_history(identifier.to_string());
  if (!bytes) {
    return bytes.error().kind() == Kind::kNotFound ? unknown() : bytes.error();
  }
  // Verified again: the database is outside our control.
  auto identity = Identity::import(*bytes);
  if (!identity || identity->identifier() != identifier) {
    return Error(Origin::kIdentity, Kind::kInvalid,
                 "a stored change history does not verify (damaged database)")
        .with_detail(identifier.to_string());
  }
  cache_locked(*identity);
  return std::move(*identity);
}

Result<storage::Storage*> Identities::names() const {
  if (storage_ != nullptr) {
    return storage_.get();
  }
  std::lock_guard lock(mutex_);
  if (names_in_memory_ == nullptr) {
    auto opened = storage::Storage::open(storage::StorageOptions::in_memory());
    if (!opened) {
      return opened.error();
    }
    names_in_memory_ = std::move(*opened);
  }
  return names_in_memory_.get();
}

Result<Identity> Identities::create_named_identity(const std::string& name,
                                                   vault::SigningKeyType type) {
  if (name.empty()) {
    return Error(Origin::kIdentity, Kind::kInvalid, "an identity name may not be empty");
  }
  auto names_storage = names();
  if (!names_storage) {
    return names_storage.error();
  }
  storage::Storage& names_db = **names_storage;
  if (auto taken = names_db.identities().named(name); taken) {
    return identity_name_taken(name);
  }
  auto identity = create_identity(type);
  if (!identity) {
    return identity.error();
  }
  // The history was stored when remembered; storing it again with the name in one transaction
  // makes the pair atomic even if a concurrent import evicted it in between.
  std::string identifier = identity->identifier().to_string();
  auto named = names_db.database().transaction([&]() -> Result<void> {
    auto put = names_db.identities().put_change_history(identifier, identity->export_bytes(),
                                                        static_cast<std::int64_t>(now()),
                                                        storage::HistoryOwner::kOurs);
    if (!put) {
      return put;
    }
    return names_db.identities().insert_named(name, identifier, static_cast<std::int64_t>(now()));
  });
  if (!named) {
    if (auto key = key_of(*identity); key) {
      (void)vault_->delete_signing_key(*key);
    }
    if (named.error().kind() == Kind::kAlreadyExists) {
      return identity_name_taken(name);
    }
    return named.error();
  }
  return identity;
}

Result<Identity> Identities::get_or_create_named_identity(const std::string& name) {
  auto found = get_named_identity(name);
  if (found || found.error().kind() != Kind::kNotFound) {
    return found;
  }
  auto created = create_named_identity(name);
  if (!created && created.error().kind() == Kind::kAlreadyExists) {
    return get_named_identity(name);
  }
  return created;
}

Result<Identity> Identities::get_named_identity(const std::string& name) const {
  auto names_storage = names();
  if (!names_storage) {
    return names_storage.error();
  }
  auto record = (*names_storage)->identities().named(name);
  if (!record) {
    if (record.error().kind() == Kind::kNotFound) {
      return no_identity_named(name);
    }
    return record.error();
  }
  auto identifier = Identifier::parse(record->identifier);
  if (!identifier) {
    return Error(Origin::kIdentity, Kind::kInvalid, "a stored identifier is invalid");
  }
  {
    std::lock_guard lock(mutex_);
    own_.insert(*identifier);
  }
  return get(*identifier);
}

Result<std::vector<NamedIdentity>> Identities::list_named_identities() const {
  auto names_storage = names();
  if (!names_storage) {
    return names_storage.error();
  }
  auto records = (*names_storage)->identities().list_named();
  if (!records) {
    return records.error();
  }
  std::vector<NamedIdentity> out;
  for (auto& record : *records) {
    auto identifier = Identifier::parse(record.identifier);
    if (!identifier) {
      return Error(Origin::kIdentity, Kind::kInvalid, "a stored identifier is invalid");
    }
    out.push_back(NamedIdentity{std::move(record.name), *identifier, record.is_default});
  }
  return out;
}

Result<Identity> Identities::default_named_identity() const {
  auto names_storage = names();
  if (!names_storage) {
    return names_storage.error();
  }
  auto record = (*names_storage)->identities().default_named();
  if (!record) {
    if (record.error().kind() == Kind::kNotFound) {
      return Error(Origin::kIdentity, Kind::kNotFound, "there is no default identity");
    }
    return record.error();
  }
  return get_named_identity(record->name);
}

Result<void> Identities::set_default_named_identity(const std::string& name) {
  auto names_storage = names();
  if (!names_storage) {
    return names_storage.error();
  }
  storage::Storage& names_db = **names_storage;
  auto set = names_db.database().transaction(
      [&]() -> Result<void> { return names_db.identities().set_default(name); });
  if (!set && set.error().kind() == Kind::kNotFound) {
    return no_identity_named(name);
  }
  return set;
}

Result<void> Identities::delete_named_identity(const std::string& name) {
  auto identity = get_named_identity(name);
  if (!identity) {
    return identity.error();
  }
  auto names_storage = names();
  if (!names_storage) {
    return names_storage.error();
  }
  storage::Storage& names_db = **names_storage;
  std::string identifier = identity->identifier().to_string();
  auto deleted = names_db.database().transaction([&]() -> Result<void> {
    auto removed = names_db.identities().delete_named(name);
    if (!removed) {
      return removed.error();
    }
    auto purposes = names_db.purpose_keys().remove_all(identifier);
    if (!purposes) {
      return purposes;
    }
    return names_db.identities().delete_change_history(identifier);
  });
  if (!deleted) {
    return deleted;
  }
  // The keys go after the rows that name them: a crash in between leaves unused keys, never an
  // identity without its key.
  std::optional<SecureChannelPurposeKey> purpose_key;
  {
    std::lock_guard lock(mutex_);
    if (auto it = purpose_keys_.find(identity->identifier()); it != purpose_keys_.end()) {
      purpose_key = it->second;
      purpose_keys_.erase(it);
    }
    known_.erase(identity->identifier());
    own_.erase(identity->identifier());
  }
  if (purpose_key) {
    (void)vault_->delete_x25519_key(purpose_key->key);
  }
  if (auto key = key_of(*identity); key) {
    (void)vault_->delete_signing_key(*key);
  }
  return ok();
}

Result<Identity> Identities::rotate_named_identity_key(const std::string& name,
                                                       const RotateKeyOptions& options) {
  auto identity = get_named_identity(name);
  if (!identity) {
    return identity.error();
  }
  return rotate_key(identity->identifier(), options);
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

Result<SecureChannelPurposeKey> Identities::stored_purpose_key(const Identity& subject) const {
  const Error none(Origin::kIdentity, Kind::kNotFound, "no usable stored purpose key");
  if (storage_ == nullptr) {
    return none;
  }
  auto bytes = storage_->purpose_keys().get(subject.identifier().to_string(), kSecureChannels);
  if (!bytes) {
    return bytes.error().kind() == Kind::kNotFound ? none : bytes.error();
  }
  auto attestation = decode_purpose_key_attestation(*bytes);
  if (!attestation) {
    return none;
  }
  // The full check, signature included: the row comes from outside our control.
  auto public_key = verify_secure_channel_purpose_key(subject, *attestation);
  if (!public_key) {
    return none;
  }
  auto data = attestation->decode_data();
  if (!data || data->expires_at <= now()) {
    return none;
  }
  // An X25519 key's handle is the SHA-256 of its public key (vault.hpp); the key must be there.
  auto digest = crypto::sha256(*public_key);
  vault::X25519KeyHandle handle(Bytes(digest.begin(), digest.end()));
  auto held = vault_->x25519_public_key(handle);
  if (!held || *held != *public_key) {
    return none;
  }
  return SecureChannelPurposeKey{subject.identifier(), std::move(handle), *public_key,
                                 std::move(*attestation), data->expires_at};
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
  auto stored = stored_purpose_key(*subject);
  if (stored) {
    std::lock_guard lock(mutex_);
    purpose_keys_.insert_or_assign(identifier, *stored);
    return stored;
  }
  auto created = create_secure_channel_purpose_key(identifier);
  if (!created) {
    return created.error();
  }
  if (storage_ != nullptr) {
    auto put = storage_->purpose_keys().put(identifier.to_string(), kSecureChannels,
                                            encode_purpose_key_attestation(created->attestation));
    if (!put) {
      return put.error();
    }
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
