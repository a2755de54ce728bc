#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"
#include "ockam/identity/clock.hpp"
#include "ockam/identity/identifier.hpp"
#include "ockam/identity/identity.hpp"
#include "ockam/identity/purpose_key.hpp"
#include "ockam/identity/purpose_key_attestation.hpp"
#include "ockam/vault/handles.hpp"
#include "ockam/vault/signing_key_type.hpp"
#include "ockam/vault/vault.hpp"

namespace ockam::storage {
class Storage;
}  // namespace ockam::storage

namespace ockam::identity {

/// RotateKeyOptions tunes Identities::rotate_key.
struct RotateKeyOptions {
  /// Algorithm of the new key; the current key's algorithm when absent.
  std::optional<vault::SigningKeyType> key_type;
  /// Marks every purpose key attested by earlier keys as revoked.
  bool revoke_all_purpose_keys = false;
};

/// NamedIdentity is one of our identities as listed by name.
struct NamedIdentity {
  std::string name;
  Identifier identifier;
  bool is_default = false;
};

/// Identities creates identities whose keys live in a vault, imports and remembers the
/// identities of others, rotates keys and attests and verifies purpose keys (Ockam's
/// `Identities`, reference §5). Remembered histories only move forward: a history replaces the
/// known one of the same identifier only when it extends it. Peers' identities are remembered up
/// to kMaxKnownIdentities in memory (beyond, one is dropped; with a storage it is read back when
/// needed) and, with a storage, per database scope (StorageOptions::max_known_identities, the
/// least recently stored go; ours are kept: docs/identity.md). With a storage,
/// every history, name and purpose key is written through to the database (and read back, verified
/// again, when not in memory), so identities survive restarts. Safe for concurrent use.
class Identities {
 public:
  /// Bound on the peers' identities kept in memory (and, by default, per database scope).
  static constexpr std::size_t kMaxKnownIdentities = 10'000;

  /// Uses `vault` for keys and `clock` (which must be safe to call from any thread) for the
  /// current time; identities live in memory only (names in a private in-memory database).
  explicit Identities(std::shared_ptr<vault::Vault> vault, Clock clock = system_now);
  /// As above, and keeps identities, names and purpose keys in `storage` (whose secrets the
  /// vault should keep too: vault::PersistentSecretStore).
  Identities(std::shared_ptr<vault::Vault> vault, std::shared_ptr<storage::Storage> storage,
             Clock clock = system_now);

  /// The vault holding the keys of our identities and purpose keys.
  const std::shared_ptr<vault::Vault>& vault() const noexcept { return vault_; }
  /// The current time of the injected clock.
  TimestampInSeconds now() const { return clock_(); }

  /// create_identity makes an identity with a fresh key of `type`, attestations valid from now
  /// for kDefaultIdentityTtl (10 years); kInternal if key generation fails.
  Result<Identity> create_identity(vault::SigningKeyType type = vault::SigningKeyType::kEd25519);
  /// create_identity_with_key makes an identity whose first change carries the vault key `key`
  /// and the given validity. With an Ed25519 key this is deterministic: the same key and times
  /// give the same identity byte for byte. kNotFound for an unknown key.
  Result<Identity> create_identity_with_key(const vault::SigningKeyHandle& key,
                                            TimestampInSeconds valid_from,
                                            TimestampInSeconds valid_until);

  /// import verifies a CBOR change history (Identity::import) and remembers it. kInvalid when it
  /// conflicts with, or is older than, the history known for the same identifier.
  Result<Identity> import(ByteView change_history);
  /// import_hex is `import` of hexadecimal text.
  Result<Identity> import_hex(std::string_view change_history_hex);
  /// remember is `import` of an identity already verified (`Identity::import`), for callers
  /// that check more before they keep it: a secure channel remembers a peer only once its
  /// purpose key verified and the trust policy accepted it.
  Result<Identity> remember(Identity identity);
  /// get returns the remembered identity of `identifier` (from the database when it is not in
  /// memory, verified again); kNotFound when unknown.
  Result<Identity> get(const Identifier& identifier) const;

  // --- our identities by name -----------------------------------------------------------------

  /// create_named_identity creates an identity (as create_identity) and stores it under
  /// `name`; the first one becomes the default. The change history and the name are written in
  /// one transaction: after a crash the name is there with its history, or not at all.
  /// kAlreadyExists when the name is taken, kInvalid for an empty name.
  Result<Identity> create_named_identity(
      const std::string& name, vault::SigningKeyType type = vault::SigningKeyType::kEd25519);
  /// get_or_create_named_identity returns the identity named `name`, creating it when there is
  /// none (also when another process creates it at the same time: then that one is returned).
  Result<Identity> get_or_create_named_identity(const std::string& name);
  /// get_named_identity returns the identity named `name`; kNotFound when there is none.
  Result<Identity> get_named_identity(const std::string& name) const;
  /// list_named_identities lists our identities by name, oldest first.
  Result<std::vector<NamedIdentity>> list_named_identities() const;
  /// default_named_identity returns the default identity; kNotFound when there are none.
  Result<Identity> default_named_identity() const;
  /// set_default_named_identity makes `name` the default; kNotFound when there is none.
  Result<void> set_default_named_identity(const std::string& name);
  /// delete_named_identity deletes the identity named `name`, its history, purpose keys and
  /// its keys from the vault; another identity becomes the default if it was. kNotFound when
  /// there is none.
  Result<void> delete_named_identity(const std::string& name);
  /// rotate_named_identity_key is rotate_key for the identity named `name`.
  Result<Identity> rotate_named_identity_key(const std::string& name,
                                             const RotateKeyOptions& options = {});

  /// rotate_key appends a change with a fresh primary key, signed by the new key and by the
  /// current one (reference §5.3), remembers the new history and deletes the old key from the
  /// vault. Attestations of the new key are valid from now (or the previous change's start, if
  /// later) for kDefaultIdentityTtl. kNotFound when the identity is unknown or its key is not in
  /// the vault.
  Result<Identity> rotate_key(const Identifier& identifier, const RotateKeyOptions& options = {});

  /// attest_purpose_key signs an attestation of `key` for the identity `identifier` with its
  /// current primary key, naming its latest change. kNotFound when the identity is unknown or
  /// its key is not in the vault.
  Result<PurposeKeyAttestation> attest_purpose_key(const Identifier& identifier,
                                                   const PurposePublicKey& key,
                                                   TimestampInSeconds created_at,
                                                   TimestampInSeconds expires_at);
  /// create_secure_channel_purpose_key makes a fresh X25519 key in the vault and attests it as a
  /// SecureChannelStatic key, valid from now for kSecureChannelPurposeKeyTtl (5 years), cut to
  /// the end of the identity key's attestations. kInvalid when those have ended; kNotFound as
  /// attest_purpose_key.
  Result<SecureChannelPurposeKey> create_secure_channel_purpose_key(const Identifier& identifier);
  /// get_or_create_secure_channel_purpose_key returns the purpose key made earlier for
  /// `identifier` while it still verifies (not expired, latest key), else a new one.
  Result<SecureChannelPurposeKey> get_or_create_secure_channel_purpose_key(
      const Identifier& identifier);
  /// verify_secure_channel_purpose_key is verify_secure_channel_purpose_key at the current time.
  Result<vault::X25519PublicKey> verify_secure_channel_purpose_key(
      const Identity& subject, const PurposeKeyAttestation& attestation) const;

 private:
  Result<Identity> remember_locked(Identity identity);
  void cache_locked(const Identity& identity) const;
  Result<vault::SigningKeyHandle> key_of(const Identity& identity) const;
  Result<SecureChannelPurposeKey> stored_purpose_key(const Identity& subject) const;
  Result<storage::Storage*> names() const;

  std::shared_ptr<vault::Vault> vault_;
  // Where histories, names and purpose keys are written through; null for memory only.
  std::shared_ptr<storage::Storage> storage_;
  // Holds the names of an Identities without storage, opened on first use.
  mutable std::shared_ptr<storage::Storage> names_in_memory_;
  Clock clock_;
  mutable std::mutex mutex_;
  // A cache of the stored histories (all of them without storage), bounded for peers.
  mutable std::map<Identifier, Identity> known_;
  // Identities whose keys we hold: never evicted from known_.
  mutable std::set<Identifier> own_;
  std::map<Identifier, SecureChannelPurposeKey> purpose_keys_;
};

}  // namespace ockam::identity
