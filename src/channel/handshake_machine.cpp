#include "ockam/channel/handshake_machine.hpp"

#include "channel/internal/peer_verification.hpp"
#include "channel/internal/vault_static_key.hpp"
#include "ockam/channel/constants.hpp"

namespace ockam::channel {

Result<std::unique_ptr<HandshakeMachine>> HandshakeMachine::create(
    noise::Role role, std::shared_ptr<identity::Identities> identities, identity::Identity self,
    identity::SecureChannelPurposeKey purpose_key, identity::TrustPolicy trust_policy) {
  auto static_key = std::make_shared<internal::VaultStaticKey>(identities->vault(), purpose_key.key,
                                                               purpose_key.public_key);
  auto state = noise::HandshakeState::create(noise::HandshakeConfig::ockam(role, static_key));
  if (!state) {
    return state.error();
  }
  return std::make_unique<HandshakeMachine>(role, std::move(*state), std::move(identities),
                                            internal::own_identity_payload(self, purpose_key),
                                            std::move(trust_policy));
}

Error HandshakeMachine::fail(Error error) {
  failed_ = true;
  return error;
}

Result<std::optional<Bytes>> HandshakeMachine::next_message() {
  if (failed_) {
    return Error(Origin::kChannel, Kind::kMisuse, "the handshake failed");
  }
  if (role_ == noise::Role::kInitiator && !started_) {
    started_ = true;
    auto message1 = state_.write_message({});
    if (!message1) {
      return fail(message1.error());
    }
    return std::optional<Bytes>(std::move(*message1));
  }
  std::optional<Bytes> message = std::move(pending_);
  pending_.reset();
  return message;
}

Result<void> HandshakeMachine::handle_message(ByteView message) {
  if (failed_ || complete_ || (role_ == noise::Role::kInitiator && !started_)) {
    return Error(Origin::kChannel, Kind::kMisuse, "the handshake does not expect a message");
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
    pending_ = std::move(*reply);
    return ok();
  }
  auto verified =
      internal::verify_peer_identity(*identities_, *payload, state_.remote_static(), trust_policy_);
  if (!verified) {
    return fail(verified.error());
  }
  their_identifier_ = std::move(*verified);
  if (role_ == noise::Role::kInitiator) {
    auto message3 = state_.write_message(own_payload_);
    if (!message3) {
      return fail(message3.error());
    }
    pending_ = std::move(*message3);
  }
  complete_ = true;
  return ok();
}

Result<CompletedKeyExchange> HandshakeMachine::finish() {
  if (!complete_ || finished_) {
    return Error(Origin::kChannel, Kind::kMisuse, "the handshake is not complete");
  }
  finished_ = true;
  auto transport = std::move(state_).split();
  if (!transport) {
    return transport.error();
  }
  auto encrypt_key = ChannelKey::create(transport->encrypt_key().clone());
  auto decrypt_key = ChannelKey::create(transport->decrypt_key().clone());
  if (!encrypt_key || !decrypt_key) {
    return Error(Origin::kChannel, Kind::kInternal, "bad transport key");
  }
  const ByteView hash = transport->handshake_hash();
  return CompletedKeyExchange{Encryptor(std::move(*encrypt_key)),
                              Decryptor(std::move(*decrypt_key)), Bytes(hash.begin(), hash.end()),
                              their_identifier_};
}

}  // namespace ockam::channel
