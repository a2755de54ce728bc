#include "ockam/channel/handshake_machine.hpp"

#include "channel/internal/vault_static_key.hpp"
#include "ockam/channel/constants.hpp"
#include "ockam/identity/identity_and_credentials.hpp"

namespace ockam::channel {

Result<HandshakeMachine> HandshakeMachine::create(noise::Role role,
                                                  std::shared_ptr<identity::Identities> identities,
                                                  identity::Identity self,
                                                  identity::SecureChannelPurposeKey purpose_key,
                                                  identity::TrustPolicy trust_policy) {
  auto static_key = std::make_shared<internal::VaultStaticKey>(identities->vault(), purpose_key.key,
                                                               purpose_key.public_key);
  auto state = noise::HandshakeState::create(noise::HandshakeConfig::ockam(role, static_key));
  if (!state) {
    return state.error();
  }
  identity::IdentityAndCredentials payload{self.export_bytes(), purpose_key.attestation, {}};
  return HandshakeMachine(role, std::move(*state), std::move(identities),
                          identity::encode_identity_and_credentials(payload),
                          std::move(trust_policy));
}

Error HandshakeMachine::fail(Error error) {
  failed_ = true;
  return error;
}

Result<Bytes> HandshakeMachine::start() {
  if (role_ != noise::Role::kInitiator || failed_) {
    return Error(Origin::kChannel, Kind::kMisuse, "only a fresh initiator starts a handshake");
  }
  auto message = state_.write_message({});
  if (!message) {
    return fail(message.error());
  }
  return message;
}

Result<void> HandshakeMachine::verify_peer(ByteView payload) {
  auto decoded = identity::decode_identity_and_credentials(payload);
  if (!decoded) {
    return Error(Origin::kChannel, Kind::kProtocol, "the peer's identity payload is malformed");
  }
  auto identity = identities_->import(decoded->change_history);
  if (!identity) {
    return Error(Origin::kChannel, Kind::kProtocol, "the peer's identity does not verify");
  }
  auto attested =
      identities_->verify_secure_channel_purpose_key(*identity, decoded->purpose_key_attestation);
  if (!attested) {
    return Error(Origin::kChannel, Kind::kProtocol, "the peer's purpose key does not verify");
  }
  if (!ct_equal(*attested, state_.remote_static())) {
    return Error(Origin::kChannel, Kind::kProtocol,
                 "the peer's purpose key is not its handshake key");
  }
  if (!trust_policy_.check(identity->identifier())) {
    return Error(Origin::kChannel, Kind::kPermission,
                 "the trust policy refused the peer's identifier");
  }
  their_identifier_ = identity->identifier();
  return ok();
}

Result<std::optional<Bytes>> HandshakeMachine::on_message(ByteView message) {
  if (failed_ || complete_) {
    return Error(Origin::kChannel, Kind::kMisuse, "the handshake is over");
  }
  if (message.size() > kMaxHandshakeMessageSize) {
    return fail(Error(Origin::kChannel, Kind::kProtocol, "handshake message too large"));
  }
  auto payload = state_.read_message(message);
  if (!payload) {
    return fail(Error(Origin::kChannel, Kind::kProtocol, "handshake message rejected"));
  }
  if (role_ == noise::Role::kResponder &&
      state_.next_action() == noise::HandshakeState::Action::kWriteMessage) {
    // Message 1 read: answer with message 2, which carries our identity.
    auto reply = state_.write_message(own_payload_);
    if (!reply) {
      return fail(reply.error());
    }
    return std::optional<Bytes>(std::move(*reply));
  }
  if (auto verified = verify_peer(*payload); !verified) {
    return fail(verified.error());
  }
  std::optional<Bytes> reply;
  if (role_ == noise::Role::kInitiator) {
    auto message3 = state_.write_message(own_payload_);
    if (!message3) {
      return fail(message3.error());
    }
    reply = std::move(*message3);
  }
  complete_ = true;
  return reply;
}

Result<noise::TransportState> HandshakeMachine::split() && {
  if (!complete_) {
    return Error(Origin::kChannel, Kind::kMisuse, "the handshake is not complete");
  }
  return std::move(state_).split();
}

}  // namespace ockam::channel
