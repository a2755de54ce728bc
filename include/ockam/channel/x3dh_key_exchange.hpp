#pragma once

#include <deque>
#include <memory>
#include <optional>

#include "ockam/channel/key_exchange.hpp"
#include "ockam/channel/x3dh_initiator.hpp"
#include "ockam/channel/x3dh_responder.hpp"
#include "ockam/identity/identities.hpp"
#include "ockam/identity/trust_policy.hpp"

namespace ockam::channel {

/// X3dhKeyExchange is X3DH (X3dhInitiator / X3dhResponder) authenticated with Ockam identities.
/// IK_A and IK_B are each side's secure-channel purpose key. Messages, in order:
///   1. initiator → responder: IK_A || EK_A (64 bytes)
///   2. responder → initiator: the prekey bundle (160 bytes); the initiator aborts on a bad
///      prekey signature
///   3. responder → initiator: its IdentityAndCredentials, sealed with its new key at nonce 0
///   4. initiator → responder: its IdentityAndCredentials, sealed with its new key at nonce 0
/// Each side checks that the peer's identity attests the IK used in the exchange and applies its
/// trust policy before it completes; the initiator reveals its identity only after verifying the
/// responder's. The channel's ciphertexts continue at nonce 1 in each direction.
class X3dhKeyExchange final : public KeyExchange {
 public:
  /// The initiator side for `self`, whose purpose key (in the vault of `identities`) is IK_A.
  static Result<std::unique_ptr<X3dhKeyExchange>> create_initiator(
      std::shared_ptr<identity::Identities> identities, const identity::Identity& self,
      const identity::SecureChannelPurposeKey& purpose_key, identity::TrustPolicy trust_policy);
  /// The responder side for `self`; `prekey` must be signed by its purpose key (IK_B).
  static Result<std::unique_ptr<X3dhKeyExchange>> create_responder(
      std::shared_ptr<identity::Identities> identities, const identity::Identity& self,
      const identity::SecureChannelPurposeKey& purpose_key,
      std::shared_ptr<const X3dhSignedPrekey> prekey, identity::TrustPolicy trust_policy);

  KeyAgreement key_agreement() const noexcept override { return KeyAgreement::kX3dh; }
  noise::Role role() const noexcept override { return role_; }
  Result<std::optional<Bytes>> next_message() override;
  /// Distinct kProtocol messages: the X3DH errors of X3dhInitiator / X3dhResponder, "the peer's
  /// identity message does not decrypt" (e.g. a bundle answering another message 1) and those
  /// of the identity check; kPermission when the trust policy refuses.
  Result<void> handle_message(ByteView message) override;
  bool is_complete() const noexcept override { return step_ == Step::kComplete; }
  Result<CompletedKeyExchange> finish() override;

  /// Use `create_initiator` or `create_responder`.
  X3dhKeyExchange(noise::Role role, std::shared_ptr<identity::Identities> identities,
                  Bytes own_payload, identity::TrustPolicy trust_policy)
      : role_(role),
        identities_(std::move(identities)),
        own_payload_(std::move(own_payload)),
        trust_policy_(std::move(trust_policy)) {}

 private:
  enum class Step { kStart, kAwaitMessage1, kAwaitBundle, kAwaitIdentity, kComplete, kFinished };

  Result<void> agree(Result<X3dhKeys> keys);
  Result<void> verify_identity(ByteView message);
  Result<void> send_identity();
  Error fail(Error error);

  noise::Role role_;
  std::shared_ptr<identity::Identities> identities_;
  Bytes own_payload_;
  identity::TrustPolicy trust_policy_;
  std::optional<X3dhInitiator> initiator_;
  std::optional<X3dhResponder> responder_;
  Step step_ = Step::kStart;
  bool failed_ = false;
  std::deque<Bytes> outgoing_;
  std::optional<Encryptor> encryptor_;
  std::optional<Decryptor> decryptor_;
  Bytes handshake_hash_;
  vault::X25519PublicKey their_identity_key_{};
  identity::Identifier their_identifier_;
};

}  // namespace ockam::channel
