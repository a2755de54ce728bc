#pragma once

#include <memory>

#include "ockam/channel/x3dh_keys.hpp"
#include "ockam/crypto/x25519.hpp"
#include "ockam/vault/vault.hpp"

namespace ockam::channel {

/// X3dhInitiator is Alice's side of Ockam's X3DH v2 (shared/reference/x3dh.md §2), without I/O:
/// message 1 is IK_A || EK_A, message 2 the responder's 160-byte prekey bundle. Unlike Ockam's
/// crate it aborts when the bundle's prekey signature does not verify. IK_A stays in the vault;
/// EK_A is wiped once message 2 has been read. Not safe for concurrent use.
class X3dhInitiator {
 public:
  /// Uses the vault's X25519 key `identity_key` as IK_A and a fresh ephemeral key; kNotFound for
  /// an unknown handle.
  static Result<X3dhInitiator> create(std::shared_ptr<const vault::Vault> vault,
                                      vault::X25519KeyHandle identity_key);
  /// Same with EK_A's secret given (vectors); kInvalid unless 32 bytes.
  static Result<X3dhInitiator> create_for_testing(std::shared_ptr<const vault::Vault> vault,
                                                  vault::X25519KeyHandle identity_key,
                                                  ByteView ephemeral_secret);

  /// Message 1 (64 bytes).
  Bytes message1() const;
  /// Reads message 2 and derives the keys, once. kProtocol with a distinct message when it is
  /// not 160 bytes, its prekey signature does not verify, or a DH result is all zero; kMisuse
  /// when called again. The ephemeral secret is wiped either way.
  Result<X3dhKeys> read_message2(ByteView message);

 private:
  static Result<X3dhInitiator> with_ephemeral(std::shared_ptr<const vault::Vault> vault,
                                              vault::X25519KeyHandle identity_key,
                                              crypto::X25519KeyPair ephemeral);
  X3dhInitiator(std::shared_ptr<const vault::Vault> vault, vault::X25519KeyHandle identity_key,
                vault::X25519PublicKey identity_public, crypto::X25519KeyPair ephemeral)
      : vault_(std::move(vault)),
        identity_key_(std::move(identity_key)),
        identity_public_(identity_public),
        ephemeral_(std::move(ephemeral)) {}

  Result<X3dhKeys> derive(ByteView message);

  std::shared_ptr<const vault::Vault> vault_;
  vault::X25519KeyHandle identity_key_;
  vault::X25519PublicKey identity_public_;
  crypto::X25519KeyPair ephemeral_;
  bool used_ = false;
};

}  // namespace ockam::channel
