#include "ockam/vault/vault.hpp"

#include <utility>

#include "ockam/crypto/aes_gcm.hpp"
#include "ockam/crypto/ed25519.hpp"
#include "ockam/crypto/hkdf.hpp"
#include "ockam/crypto/p256.hpp"
#include "ockam/crypto/random.hpp"
#include "ockam/crypto/sha256.hpp"
#include "ockam/crypto/x25519.hpp"
#include "ockam/vault/in_memory_secret_store.hpp"

namespace ockam::vault {
namespace {

constexpr std::size_t kRandomHandleLength = 16;
constexpr std::size_t kSymmetricKeyLength = 32;

Error not_found() {
  return Error(Origin::kVault, Kind::kNotFound, "no secret of this kind");
}

SecretType secret_type_of(SigningKeyType type) {
  return type == SigningKeyType::kEd25519 ? SecretType::kEd25519 : SecretType::kP256;
}

Bytes handle_of_public_key(ByteView public_key) {
  crypto::Sha256Digest digest = crypto::sha256(public_key);
  return Bytes(digest.begin(), digest.end());
}

struct SigningKeyPair {
  SecretBytes secret;
  Bytes public_key;
};

template <class KeyPair>
SigningKeyPair take_pair(KeyPair& pair) {
  return SigningKeyPair{std::move(pair.secret_key),
                        Bytes(pair.public_key.begin(), pair.public_key.end())};
}

Result<SigningKeyPair> signing_key_pair(SigningKeyType type, ByteView secret) {
  if (type == SigningKeyType::kEd25519) {
    auto pair = crypto::ed25519_from_seed(secret);
    if (!pair) {
      return pair.error();
    }
    return take_pair(*pair);
  }
  auto pair = crypto::p256_from_secret(secret);
  if (!pair) {
    return pair.error();
  }
  return take_pair(*pair);
}

Result<SigningKeyPair> generate_signing_key_pair(SigningKeyType type) {
  if (type == SigningKeyType::kEd25519) {
    crypto::Ed25519KeyPair pair = crypto::ed25519_generate();
    return take_pair(pair);
  }
  auto pair = crypto::p256_generate();
  if (!pair) {
    return pair.error();
  }
  return take_pair(*pair);
}

// Stores a key under SHA-256 of its public key. Storing a key that is already there (same
// handle, same type) is not an error: it is the same key.
Result<Bytes> store_by_public_key(SecretStore& store, SecretType type, ByteView public_key,
                                  SecretBytes secret) {
  Bytes handle = handle_of_public_key(public_key);
  auto stored = store.store(handle, type, std::move(secret));
  if (!stored) {
    if (stored.error().kind() != Kind::kAlreadyExists) {
      return stored.error();
    }
    auto existing = store.load(handle);
    if (!existing || existing->type != type) {
      return stored.error();
    }
  }
  return handle;
}

}  // namespace

Vault::Vault() : Vault(std::make_unique<InMemorySecretStore>()) {}

Vault::Vault(std::unique_ptr<SecretStore> store) : store_(std::move(store)) {}

Vault::~Vault() = default;

Result<SecretBytes> Vault::load(ByteView handle, SecretType type) const {
  auto stored = store_->load(handle);
  if (!stored) {
    return stored.error();
  }
  if (stored->type != type) {
    return not_found();
  }
  return std::move(stored->secret);
}

Result<SecretBytes> Vault::load_signing(ByteView handle, SecretType& type) const {
  auto stored = store_->load(handle);
  if (!stored) {
    return stored.error();
  }
  if (stored->type != SecretType::kEd25519 && stored->type != SecretType::kP256) {
    return not_found();
  }
  type = stored->type;
  return std::move(stored->secret);
}

Result<void> Vault::remove(ByteView handle, SecretType type) {
  if (auto secret = load(handle, type); !secret) {
    return secret.error();
  }
  return store_->remove(handle);
}

Result<Bytes> Vault::store_random(SecretType type, SecretBytes secret) {
  Bytes handle = crypto::random_bytes(kRandomHandleLength);
  if (auto stored = store_->store(handle, type, std::move(secret)); !stored) {
    return stored.error();
  }
  return handle;
}

// --- signing keys -----------------------------------------------------------------------------

Result<SigningKeyHandle> Vault::generate_signing_key(SigningKeyType type) {
  auto pair = generate_signing_key_pair(type);
  if (!pair) {
    return pair.error();
  }
  auto handle =
      store_by_public_key(*store_, secret_type_of(type), pair->public_key, std::move(pair->secret));
  if (!handle) {
    return handle.error();
  }
  return SigningKeyHandle(std::move(*handle));
}

Result<SigningKeyHandle> Vault::import_signing_key(SigningKeyType type, const SecretBytes& secret) {
  auto pair = signing_key_pair(type, secret.expose_secret());
  if (!pair) {
    return Error(Origin::kVault, Kind::kInvalid, "not a valid signing key");
  }
  auto handle =
      store_by_public_key(*store_, secret_type_of(type), pair->public_key, std::move(pair->secret));
  if (!handle) {
    return handle.error();
  }
  return SigningKeyHandle(std::move(*handle));
}

Result<VerifyingPublicKey> Vault::signing_public_key(const SigningKeyHandle& handle) const {
  SecretType stored_type{};
  auto secret = load_signing(handle.value(), stored_type);
  if (!secret) {
    return secret.error();
  }
  SigningKeyType type =
      stored_type == SecretType::kEd25519 ? SigningKeyType::kEd25519 : SigningKeyType::kP256;
  auto pair = signing_key_pair(type, secret->expose_secret());
  if (!pair) {
    return pair.error();
  }
  return VerifyingPublicKey{type, std::move(pair->public_key)};
}

Result<SigningKeyHandle> Vault::signing_key_handle(const VerifyingPublicKey& public_key) const {
  Bytes handle = handle_of_public_key(public_key.key);
  if (auto secret = load(handle, secret_type_of(public_key.type)); !secret) {
    return secret.error();
  }
  return SigningKeyHandle(std::move(handle));
}

Result<Signature> Vault::sign(const SigningKeyHandle& handle, ByteView data) const {
  SecretType stored_type{};
  auto secret = load_signing(handle.value(), stored_type);
  if (!secret) {
    return secret.error();
  }
  if (stored_type == SecretType::kEd25519) {
    return Signature{SigningKeyType::kEd25519, crypto::ed25519_sign(*secret, data)};
  }
  auto signature = crypto::p256_sign(*secret, data);
  if (!signature) {
    return signature.error();
  }
  return Signature{SigningKeyType::kP256, *signature};
}

Result<void> Vault::delete_signing_key(const SigningKeyHandle& handle) {
  SecretType stored_type{};
  if (auto secret = load_signing(handle.value(), stored_type); !secret) {
    return secret.error();
  }
  return store_->remove(handle.value());
}

bool Vault::verify_signature(const VerifyingPublicKey& public_key, ByteView data,
                             const Signature& signature) {
  if (public_key.type != signature.type) {
    return false;
  }
  if (public_key.type == SigningKeyType::kEd25519) {
    return crypto::ed25519_verify(public_key.key, data, signature.bytes);
  }
  return crypto::p256_verify(public_key.key, data, signature.bytes);
}

// --- X25519 keys ------------------------------------------------------------------------------

Result<X25519KeyHandle> Vault::generate_x25519_key() {
  crypto::X25519KeyPair pair = crypto::x25519_generate();
  auto handle = store_by_public_key(*store_, SecretType::kX25519, pair.public_key,
                                    std::move(pair.secret_key));
  if (!handle) {
    return handle.error();
  }
  return X25519KeyHandle(std::move(*handle));
}

Result<X25519KeyHandle> Vault::import_x25519_key(const SecretBytes& secret) {
  auto pair = crypto::x25519_from_secret(secret.expose_secret());
  if (!pair) {
    return Error(Origin::kVault, Kind::kInvalid, "not a valid X25519 key");
  }
  auto handle = store_by_public_key(*store_, SecretType::kX25519, pair->public_key,
                                    std::move(pair->secret_key));
  if (!handle) {
    return handle.error();
  }
  return X25519KeyHandle(std::move(*handle));
}

Result<X25519PublicKey> Vault::x25519_public_key(const X25519KeyHandle& handle) const {
  auto secret = load(handle.value(), SecretType::kX25519);
  if (!secret) {
    return secret.error();
  }
  auto pair = crypto::x25519_from_secret(secret->expose_secret());
  if (!pair) {
    return pair.error();
  }
  return pair->public_key;
}

Result<SecretBytes> Vault::x25519_ecdh(const X25519KeyHandle& handle,
                                       ByteView peer_public_key) const {
  auto secret = load(handle.value(), SecretType::kX25519);
  if (!secret) {
    return secret.error();
  }
  return crypto::x25519_dh(*secret, peer_public_key);
}

Result<crypto::XEdDsaSignature> Vault::x25519_xeddsa_sign(const X25519KeyHandle& handle,
                                                          ByteView data) const {
  auto secret = load(handle.value(), SecretType::kX25519);
  if (!secret) {
    return secret.error();
  }
  return crypto::xeddsa_sign(*secret, data);
}

Result<void> Vault::delete_x25519_key(const X25519KeyHandle& handle) {
  return remove(handle.value(), SecretType::kX25519);
}

// --- secret buffers, HKDF and AEAD keys -------------------------------------------------------

Result<SecretBufferHandle> Vault::import_secret_buffer(SecretBytes secret) {
  auto handle = store_random(SecretType::kBuffer, std::move(secret));
  if (!handle) {
    return handle.error();
  }
  return SecretBufferHandle(std::move(*handle));
}

Result<void> Vault::delete_secret_buffer(const SecretBufferHandle& handle) {
  return remove(handle.value(), SecretType::kBuffer);
}

Result<std::vector<SecretBufferHandle>> Vault::hkdf(const SecretBufferHandle& salt,
                                                    const std::optional<SecretBufferHandle>& ikm,
                                                    std::size_t outputs) {
  if (outputs == 0 || outputs > kMaxHkdfOutputs) {
    return Error(Origin::kVault, Kind::kInvalid, "unsupported number of HKDF outputs");
  }
  auto salt_secret = load(salt.value(), SecretType::kBuffer);
  if (!salt_secret) {
    return salt_secret.error();
  }
  SecretBytes ikm_secret;
  if (ikm) {
    auto loaded = load(ikm->value(), SecretType::kBuffer);
    if (!loaded) {
      return loaded.error();
    }
    ikm_secret = std::move(*loaded);
  }
  auto okm = crypto::hkdf_sha256(salt_secret->expose_secret(), ikm_secret.expose_secret(), {},
                                 outputs * kHkdfOutputLength);
  if (!okm) {
    return okm.error();
  }
  std::vector<SecretBufferHandle> handles;
  handles.reserve(outputs);
  for (std::size_t i = 0; i < outputs; ++i) {
    SecretBytes part(okm->expose_secret().subspan(i * kHkdfOutputLength, kHkdfOutputLength));
    auto handle = import_secret_buffer(std::move(part));
    if (!handle) {
      return handle.error();
    }
    handles.push_back(std::move(*handle));
  }
  return handles;
}

Result<AeadKeyHandle> Vault::convert_secret_buffer_to_aead_key(const SecretBufferHandle& handle) {
  auto secret = load(handle.value(), SecretType::kBuffer);
  if (!secret) {
    return secret.error();
  }
  if (secret->size() != kSymmetricKeyLength) {
    return Error(Origin::kVault, Kind::kInvalid, "an AEAD key must be 32 bytes");
  }
  if (auto removed = store_->remove(handle.value()); !removed) {
    return removed.error();
  }
  if (auto stored = store_->store(handle.value(), SecretType::kAes256Gcm, std::move(*secret));
      !stored) {
    return stored.error();
  }
  return AeadKeyHandle(handle.value());
}

Result<AeadKeyHandle> Vault::import_aead_key(SecretBytes key) {
  if (key.size() != kSymmetricKeyLength) {
    return Error(Origin::kVault, Kind::kInvalid, "an AEAD key must be 32 bytes");
  }
  auto handle = store_random(SecretType::kAes256Gcm, std::move(key));
  if (!handle) {
    return handle.error();
  }
  return AeadKeyHandle(std::move(*handle));
}

template <class Use>
Result<void> Vault::with_aead(const AeadKeyHandle& handle, Use use) const {
  std::lock_guard lock(aead_mutex_);
  auto it = aead_cache_.find(handle.value());
  if (it == aead_cache_.end()) {
    auto key = load(handle.value(), SecretType::kAes256Gcm);
    if (!key) {
      return key.error();
    }
    auto cipher = crypto::AesGcm::create(key->expose_secret());
    if (!cipher) {
      return cipher.error();
    }
    it = aead_cache_.emplace(handle.value(), std::move(*cipher)).first;
  }
  return use(*it->second);
}

Result<void> Vault::aead_encrypt(const AeadKeyHandle& handle, const crypto::AeadNonce& nonce,
                                 ByteView ad, ByteView plaintext, Bytes& out) const {
  return with_aead(
      handle, [&](const crypto::Aead& aead) { return aead.encrypt(nonce, ad, plaintext, out); });
}

Result<void> Vault::aead_decrypt(const AeadKeyHandle& handle, const crypto::AeadNonce& nonce,
                                 ByteView ad, ByteView ciphertext, Bytes& out) const {
  return with_aead(
      handle, [&](const crypto::Aead& aead) { return aead.decrypt(nonce, ad, ciphertext, out); });
}

Result<void> Vault::delete_aead_key(const AeadKeyHandle& handle) {
  std::lock_guard lock(aead_mutex_);
  if (auto removed = remove(handle.value(), SecretType::kAes256Gcm); !removed) {
    return removed.error();
  }
  aead_cache_.erase(handle.value());
  return ok();
}

}  // namespace ockam::vault
