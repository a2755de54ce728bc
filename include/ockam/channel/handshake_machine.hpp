#pragma once

#include <memory>
#include <optional>

#include "ockam/identity/identities.hpp"
#include "ockam/identity/trust_policy.hpp"
#include "ockam/noise/handshake_state.hpp"
#include "ockam/noise/transport_state.hpp"

namespace ockam::channel {

/// HandshakeMachine is Ockam's secure-channel handshake (reference §4.1-4.2), synchronously and
/// without I/O: Noise XX with Ockam's profile, whose messages 2 and 3 carry the sender's
/// IdentityAndCredentials. The peer's identity is imported and verified, its secure-channel
/// purpose key must be attested by it and equal the Noise static key, and the trust policy
/// must accept its identifier. Any failure leaves the machine failed.
class HandshakeMachine {
 public:
  /// Creates the initiator or responder side for `self`, whose purpose key `purpose_key` (in
  /// the vault of `identities`) becomes the Noise static key.
  static Result<HandshakeMachine> create(noise::Role role,
                                         std::shared_ptr<identity::Identities> identities,
                                         identity::Identity self,
                                         identity::SecureChannelPurposeKey purpose_key,
                                         identity::TrustPolicy trust_policy);

  /// Initiator only: message 1.
  Result<Bytes> start();
  /// Handles a message from the peer; returns the message to send back, if any. The
  /// handshake is complete when `is_complete()`.
  Result<std::optional<Bytes>> on_message(ByteView message);

  bool is_complete() const noexcept { return complete_; }
  noise::Role role() const noexcept { return role_; }
  /// After completion: the verified peer identifier.
  const identity::Identifier& their_identifier() const noexcept { return their_identifier_; }
  /// After completion: the transport keys (consumes the handshake).
  Result<noise::TransportState> split() &&;

 private:
  HandshakeMachine(noise::Role role, noise::HandshakeState state,
                   std::shared_ptr<identity::Identities> identities, Bytes own_payload,
                   identity::TrustPolicy trust_policy)
      : role_(role),
        state_(std::move(state)),
        identities_(std::move(identities)),
        own_payload_(std::move(own_payload)),
        trust_policy_(std::move(trust_policy)) {}

  Result<void> verify_peer(ByteView payload);
  Error fail(Error error);

  noise::Role role_;
  noise::HandshakeState state_;
  std::shared_ptr<identity::Identities> identities_;
  Bytes own_payload_;
  identity::TrustPolicy trust_policy_;
  identity::Identifier their_identifier_;
  bool complete_ = false;
  bool failed_ = false;
};

}  // namespace ockam::channel
