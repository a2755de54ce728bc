#include "ockam/channel/x3dh_key_exchange.hpp"

#include "channel/internal/peer_verification.hpp"
#include "ockam/channel/constants.hpp"

namespace ockam::channel {

Result<std::unique_ptr<X3dhKeyExchange>> X3dhKeyExchange::create_initiator(
    std::shared_ptr<identity::Identities> identities, const identity::Identity& self,
    const identity::SecureChannelPurposeKey& purpose_key, identity::TrustPolicy trust_policy) {
  auto initiator = X3dhInitiator::create(identities->vault(), purpose_key.key);
  if (!initiator) {
    return initiator.error();
  }
  auto exchange = std::make_unique<X3dhKeyExchange>(
      noise::Role::kInitiator, std::move(identities),
      internal::own_identity_payload(self, purpose_key), std::move(trust_policy));
  exchange->initiator_.emplace(std::move(*initiator));
  return exchange;
}

Result<std::unique_ptr<X3dhKeyExchange>> X3dhKeyExchange::create_responder(
    std::shared_ptr<identity::Identities> identities, const identity::Identity& self,
    const identity::SecureChannelPurposeKey& purpose_key,
    std::shared_ptr<const X3dhSignedPrekey> prekey, identity::TrustPolicy trust_policy) {
  if (prekey->identity_key() != purpose_key.key) {
    return Error(Origin::kChannel, Kind::kMisuse, "the prekey is not signed by the purpose key");
  }
  auto responder = X3dhResponder::create(identities->vault(), std::move(prekey));
  if (!responder) {
    return responder.error();
  }
  auto exchange = std::make_unique<X3dhKeyExchange>(
      noise::Role::kResponder, std::move(identities),
      internal::own_identity_payload(self, purpose_key), std::move(trust_policy));
  exchange->responder_.emplace(std::move(*responder));
  exchange->step_ = Step::kAwaitMessage1;
  return exchange;
}

Error X3dhKeyExchange::fail(Error error) {
  failed_ = true;
  outgoing_.clear();
  encryptor_.reset();
  decryptor_.reset();
  return error;
}

Result<std::optional<Bytes>> X3dhKeyExchange::next_message() {
  if (failed_) {
    return Error(Origin::kChannel, Kind::kMisuse, "the key exchange failed");
  }
  if (step_ == Step::kStart) {
    step_ = Step::kAwaitBundle;
    return std::optional<Bytes>(initiator_->message1());
  }
  if (outgoing_.empty()) {
    return std::optional<Bytes>();
  }
  std::optional<Bytes> message(std::move(outgoing_.front()));
  outgoing_.pop_front();
  return message;
}

Result<void> X3dhKeyExchange::handle_message(ByteView message) {
  if (failed_) {
    return Error(Origin::kChannel, Kind::kMisuse, "the key exchange failed");
  }
  switch (step_) {
    case Step::kAwaitMessage1: {
      if (auto agreed = agree(responder_->read_message1(message)); !agreed) {
        return agreed;
      }
      outgoing_.push_back(responder_->message2());
      return send_identity();
    }
    case Step::kAwaitBundle:
      return agree(initiator_->read_message2(message));
    case Step::kAwaitIdentity: {
      if (auto verified = verify_identity(message); !verified) {
        return verified;
      }
      if (role_ == noise::Role::kInitiator) {
        if (auto sent = send_identity(); !sent) {
          return sent;
        }
      }
      step_ = Step::kComplete;
      return ok();
    }
    default:
      return Error(Origin::kChannel, Kind::kMisuse, "the key exchange does not expect a message");
  }
}

Result<void> X3dhKeyExchange::agree(Result<X3dhKeys> keys) {
  if (!keys) {
    return fail(keys.error());
  }
  auto encrypt_key = ChannelKey::create(std::move(keys->encrypt_key));
  auto decrypt_key = ChannelKey::create(std::move(keys->decrypt_key));
  if (!encrypt_key || !decrypt_key) {
    return fail(Error(Origin::kChannel, Kind::kInternal, "bad X3DH key"));
  }
  encryptor_.emplace(std::move(*encrypt_key));
  decryptor_.emplace(std::move(*decrypt_key));
  handshake_hash_.assign(keys->h.begin(), keys->h.end());
  their_identity_key_ = keys->their_identity_key;
  step_ = Step::kAwaitIdentity;
  return ok();
}

Result<void> X3dhKeyExchange::send_identity() {
  Bytes sealed;
  if (auto encrypted = encryptor_->encrypt(own_payload_, sealed); !encrypted) {
    return fail(encrypted.error());
  }
  outgoing_.push_back(std::move(sealed));
  return ok();
}

Result<void> X3dhKeyExchange::verify_identity(ByteView message) {
  if (message.size() > kMaxHandshakeMessageSize) {
    return fail(Error(Origin::kChannel, Kind::kProtocol, "handshake message too large"));
  }
  Bytes payload;
  if (!decryptor_->decrypt(message, payload)) {
    return fail(
        Error(Origin::kChannel, Kind::kProtocol, "the peer's identity message does not decrypt"));
  }
  auto verified =
      internal::verify_peer_identity(*identities_, payload, their_identity_key_, trust_policy_);
  secure_wipe(payload);
  if (!verified) {
    return fail(verified.error());
  }
  their_identifier_ = std::move(*verified);
  return ok();
}

Result<CompletedKeyExchange> X3dhKeyExchange::finish() {
  if (step_ != Step::kComplete) {
    return Error(Origin::kChannel, Kind::kMisuse, "the key exchange is not complete");
  }
  step_ = Step::kFinished;
  return CompletedKeyExchange{std::move(*encryptor_), std::move(*decryptor_),
                              std::move(handshake_hash_), their_identifier_};
}

}  // namespace ockam::channel
