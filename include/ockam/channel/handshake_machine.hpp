#pragma once

#include <memory>
#include <optional>

#include "ockam/channel/key_exchange.hpp"
#include "ockam/identity/identities.hpp"
#include "ockam/identity/trust_policy.hpp"
#include "ockam/noise/handshake_state.hpp"

namespace ockam::channel {

/// HandshakeMachine is the Noise XX key exchange: Ockam's secure-channel handshake (reference
/// §4.1-4.2) with Ockam's profile, whose messages 2 and 3 carry the sender's
/// IdentityAndCredentials. The peer's identity is imported and verified, its secure-channel
/// purpose key must be attested by it and equal the Noise static key, and the trust policy
/// must accept its identifier. Any failure leaves the machine failed.
class HandshakeMachine final : public KeyExchange {
 public:
  /// Creates the initiator or responder side for `self`, whose purpose key `purpose_key` (in
  /// the vault of `identities`) becomes the Noise static key.
  static Result<std::unique_ptr<HandshakeMachine>> create(
      noise::Role role, std::shared_ptr<identity::Identities> identities, identity::Identity self,
      identity::SecureChannelPurposeKey purpose_key, identity::TrustPolicy trust_policy);

  KeyAgreement key_agreement() const noexcept override { return KeyAgreement::kNoiseXx; }
  noise::Role role() const noexcept override { return role_; }
  /// Message 1 on a fresh initiator, then the answer to the last message handled, if any.
  Result<std::optional<Bytes>> next_message() override;
  Result<void> handle_message(ByteView message) override;
  bool is_complete() const noexcept override { return complete_; }
  /// The transport keys of Noise's Split() (the initiator encrypts with the second).
  Result<CompletedKeyExchange> finish() override;

  /// Use `create`.
  HandshakeMachine(noise::Role role, noise::HandshakeState state,
                   std::shared_ptr<identity::Identities> identities, Bytes own_payload,
                   identity::TrustPolicy trust_policy)
      : role_(role),
        state_(std::move(state)),
        identities_(std::move(identities)),
        own_payload_(std::move(own_payload)),
        trust_policy_(std::move(trust_policy)) {}

 private:
  Error fail(Error error);

  noise::Role role_;
  noise::HandshakeState state_;
  std::shared_ptr<identity::Identities> identities_;
  Bytes own_payload_;
  identity::TrustPolicy trust_policy_;
  identity::Identifier their_identifier_;
  std::optional<Bytes> pending_;
  bool started_ = false;
  bool complete_ = false;
  bool finished_ = false;
  bool failed_ = false;
};

}  // namespace ockam::channel
