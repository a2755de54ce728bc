#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"
#include "ockam/core/secret_bytes.hpp"
#include "ockam/crypto/aead.hpp"
#include "ockam/crypto/xeddsa.hpp"
#include "ockam/vault/handles.hpp"
#include "ockam/vault/secret_store.hpp"
#include "ockam/vault/signature.hpp"
#include "ockam/vault/signing_key_type.hpp"
#include "ockam/vault/verifying_public_key.hpp"

namespace ockam::vault {

/// X25519PublicKey is the public half of an X25519 key.
using X25519PublicKey = std::array<std::uint8_t, 32>;

/// Vault keeps long-lived secrets behind handles (Ockam's `VaultForSigning` and
/// `VaultForSecureChannels`, reference §6): callers sign, run X25519, derive and encrypt by
/// handle, and no secret leaves the vault except the documented X25519 output. Signing and
/// X25519 keys are named by the SHA-256 of their public key, as in Ockam, so a public key leads
/// back to its secret; buffers and AEAD keys get random 16-byte handles. A handle of the wrong
/// kind is reported as kNotFound. All members are safe for concurrent use.
class Vault {
 public:
  /// Length of each output of `hkdf`.
  static constexpr std::size_t kHkdfOutputLength = 32;
  /// Largest number of outputs `hkdf` produces at once.
  static constexpr std::size_t kMaxHkdfOutputs = 8;

  /// Creates a vault over an in-memory store.
  Vault();
  /// Creates a vault over `store` (for example a persistent one).
  explicit Vault(std::unique_ptr<SecretStore> store);
  ~Vault();
  Vault(const Vault&) = delete;
  Vault& operator=(const Vault&) = delete;

  // --- signing keys -------------------------------------------------------------------------

  /// Generates and stores a fresh signing key of `type`; kInternal if key generation fails.
  Result<SigningKeyHandle> generate_signing_key(SigningKeyType type);
  /// Stores the signing key whose secret is `secret` (an Ed25519 seed or a P-256 scalar, 32
  /// bytes); kInvalid when it is not a valid key. Importing a key the vault already holds
  /// returns its handle again.
  Result<SigningKeyHandle> import_signing_key(SigningKeyType type, const SecretBytes& secret);
  /// Returns the public key of `handle`; kNotFound for an unknown handle.
  Result<VerifyingPublicKey> signing_public_key(const SigningKeyHandle& handle) const;
  /// Returns the handle of the secret of `public_key`; kNotFound when the vault does not hold it.
  Result<SigningKeyHandle> signing_key_handle(const VerifyingPublicKey& public_key) const;
  /// Signs `data` (Ed25519 over `data`, or ECDSA P-256 over SHA-256(`data`)); kNotFound for an
  /// unknown handle.
  Result<Signature> sign(const SigningKeyHandle& handle, ByteView data) const;
  /// Deletes a signing key; kNotFound for an unknown handle.
  Result<void> delete_signing_key(const SigningKeyHandle& handle);
  /// Checks that `signature` is a valid signature of `data` by `public_key`; false on any
  /// mismatch of algorithm or length, or an invalid signature.
  static bool verify_signature(const VerifyingPublicKey& public_key, ByteView data,
                               const Signature& signature);

  // --- X25519 keys --------------------------------------------------------------------------

  /// Generates and stores a fresh static X25519 key.
  Result<X25519KeyHandle> generate_x25519_key();
  /// Stores the X25519 key whose 32-byte secret is `secret` (for keys from a test vector or a
  /// persisted channel); kInvalid on another length. Importing a held key returns its handle.
  Result<X25519KeyHandle> import_x25519_key(const SecretBytes& secret);
  /// Returns the public key of `handle`; kNotFound for an unknown handle.
  Result<X25519PublicKey> x25519_public_key(const X25519KeyHandle& handle) const;
  /// Returns the Diffie-Hellman output of the key `handle` and `peer_public_key`. The output is
  /// a transient secret for the caller (the Noise handshake) to mix and wipe; the static key
  /// never leaves the vault. kNotFound for an unknown handle, kInvalid for a peer key that is
  /// not 32 bytes, kProtocol for an all-zero output (low-order peer key).
  Result<SecretBytes> x25519_ecdh(const X25519KeyHandle& handle, ByteView peer_public_key) const;
  /// Signs `data` with the X25519 key `handle` as XEdDSA (crypto::xeddsa_sign): X3DH's signed
  /// prekey. kNotFound for an unknown handle.
  Result<crypto::XEdDsaSignature> x25519_xeddsa_sign(const X25519KeyHandle& handle,
                                                     ByteView data) const;
  /// Deletes an X25519 key; kNotFound for an unknown handle.
  Result<void> delete_x25519_key(const X25519KeyHandle& handle);

  // --- secret buffers, HKDF and AEAD keys ---------------------------------------------------

  /// Stores `secret` as a buffer.
  Result<SecretBufferHandle> import_secret_buffer(SecretBytes secret);
  /// Deletes a buffer; kNotFound for an unknown handle.
  Result<void> delete_secret_buffer(const SecretBufferHandle& handle);
  /// HKDF-SHA256 with the buffer `salt` as salt, the buffer `ikm` (empty when absent) as input
  /// key material and an empty info: stores `outputs` buffers of 32 bytes each (Ockam's `hkdf`,
  /// equal to the Noise HKDF). kNotFound for an unknown handle, kInvalid when `outputs` is 0 or
  /// above kMaxHkdfOutputs.
  Result<std::vector<SecretBufferHandle>> hkdf(const SecretBufferHandle& salt,
                                               const std::optional<SecretBufferHandle>& ikm,
                                               std::size_t outputs);
  /// Turns a 32-byte buffer into an AES-256-GCM key; the buffer handle is consumed (it no longer
  /// names a buffer). kNotFound for an unknown handle, kInvalid for a buffer of another length.
  Result<AeadKeyHandle> convert_secret_buffer_to_aead_key(const SecretBufferHandle& handle);
  /// Stores a 32-byte AES-256-GCM key (for example a persisted channel key); kInvalid on another
  /// length.
  Result<AeadKeyHandle> import_aead_key(SecretBytes key);
  /// Appends AES-256-GCM(`plaintext`) || tag to `out`; kNotFound for an unknown handle.
  Result<void> aead_encrypt(const AeadKeyHandle& handle, const crypto::AeadNonce& nonce,
                            ByteView ad, ByteView plaintext, Bytes& out) const;
  /// Appends the plaintext of `ciphertext` (which ends with the tag) to `out`; kProtocol when it
  /// does not authenticate (out unchanged), kNotFound for an unknown handle.
  Result<void> aead_decrypt(const AeadKeyHandle& handle, const crypto::AeadNonce& nonce,
                            ByteView ad, ByteView ciphertext, Bytes& out) const;
  /// Deletes an AEAD key; kNotFound for an unknown handle.
  Result<void> delete_aead_key(const AeadKeyHandle& handle);

 private:
  Result<SecretBytes> load(ByteView handle, SecretType type) const;
  Result<SecretBytes> load_signing(ByteView handle, SecretType& type) const;
  Result<void> remove(ByteView handle, SecretType type);
  Result<Bytes> store_random(SecretType type, SecretBytes secret);
  template <class Use>
  Result<void> with_aead(const AeadKeyHandle& handle, Use use) const;

  std::unique_ptr<SecretStore> store_;
  // Expanded AES key schedules by handle, so a message costs no key setup. Guarded by
  // aead_mutex_, which also serialises use of each cipher (an Aead is not reentrant).
  mutable std::mutex aead_mutex_;
  mutable std::map<Bytes, std::unique_ptr<crypto::Aead>> aead_cache_;
};

}  // namespace ockam::vault
