#pragma once

#include <memory>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"
#include "ockam/crypto/x25519.hpp"
#include "ockam/crypto/xeddsa.hpp"
#include "ockam/vault/vault.hpp"

namespace ockam::channel {

/// X3dhSignedPrekey is an X3DH responder's signed prekey SPK_B: an X25519 key pair held in
/// memory (wiped when the last owner drops it) and the XEdDSA signature of its public key by the
/// identity key IK_B, which stays in the vault (shared/reference/x3dh.md §2.1-2.2). One signed
/// prekey serves many exchanges; each exchange adds its own one-time prekey. Immutable, so it
/// may be shared between threads.
class X3dhSignedPrekey {
 public:
  /// Makes a fresh prekey signed by the vault's X25519 key `identity_key`; kNotFound for an
  /// unknown handle.
  static Result<std::shared_ptr<const X3dhSignedPrekey>> create(
      const vault::Vault& vault, const vault::X25519KeyHandle& identity_key);
  /// Same with the prekey secret given (vectors and tests); kInvalid unless 32 bytes.
  static Result<std::shared_ptr<const X3dhSignedPrekey>> from_secret_for_testing(
      const vault::Vault& vault, const vault::X25519KeyHandle& identity_key, ByteView secret);

  const vault::X25519KeyHandle& identity_key() const noexcept { return identity_key_; }
  const vault::X25519PublicKey& identity_public_key() const noexcept { return identity_public_; }
  const vault::X25519PublicKey& public_key() const noexcept { return pair_.public_key; }
  const crypto::XEdDsaSignature& signature() const noexcept { return signature_; }
  /// DH(SPK_B, peer_public); kProtocol for an all-zero result, kInvalid unless 32 bytes.
  Result<SecretBytes> dh(ByteView peer_public) const;

  /// Use `create`.
  X3dhSignedPrekey(vault::X25519KeyHandle identity_key, vault::X25519PublicKey identity_public,
                   crypto::X25519KeyPair pair, crypto::XEdDsaSignature signature)
      : identity_key_(std::move(identity_key)),
        identity_public_(identity_public),
        pair_(std::move(pair)),
        signature_(signature) {}

 private:
  vault::X25519KeyHandle identity_key_;
  vault::X25519PublicKey identity_public_;
  crypto::X25519KeyPair pair_;
  crypto::XEdDsaSignature signature_;
};

}  // namespace ockam::channel
