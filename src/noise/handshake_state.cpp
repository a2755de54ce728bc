#include "ockam/noise/handshake_state.hpp"

#include "noise/internal/local_key.hpp"
#include "ockam/crypto/aead.hpp"
#include "ockam/noise/constants.hpp"

namespace ockam::noise {

namespace {

constexpr std::size_t kPskLength = 32;

Error invalid(const char* message) {
  return Error(Origin::kNoise, Kind::kInvalid, message);
}

Error misuse(const char* message) {
  return Error(Origin::kNoise, Kind::kMisuse, message);
}

Error truncated() {
  return Error(Origin::kNoise, Kind::kProtocol, "handshake message too short");
}

}  // namespace

HandshakeConfig HandshakeConfig::ockam(Role role, std::shared_ptr<const StaticKey> static_key) {
  HandshakeConfig config;
  config.protocol_name = std::string(kOckamProtocolName);
  config.role = role;
  config.static_key = std::move(static_key);
  return config;
}

HandshakeState::HandshakeState(ProtocolName protocol, Role role)
    : protocol_(std::move(protocol)),
      role_(role),
      symmetric_(as_bytes(protocol_.text), protocol_.cipher, protocol_.hash) {}

HandshakeState::HandshakeState(HandshakeState&&) noexcept = default;
HandshakeState& HandshakeState::operator=(HandshakeState&&) noexcept = default;
HandshakeState::~HandshakeState() = default;

Result<HandshakeState> HandshakeState::create(HandshakeConfig config) {
  Result<ProtocolName> protocol = ProtocolName::parse(config.protocol_name);
  if (!protocol) {
    return protocol.error();
  }
  HandshakeState state(std::move(*protocol), config.role);
  if (Result<void> initialized = state.initialize(config); !initialized) {
    return initialized.error();
  }
  return state;
}

Result<void> HandshakeState::initialize(HandshakeConfig& config) {
  const HandshakePattern& pattern = protocol_.pattern;
  const bool initiator = role_ == Role::kInitiator;
  const std::size_t key_length = dh_length(protocol_.dh);

  if (config.static_key && !config.static_secret.empty()) {
    return invalid("give either a static key or a static secret, not both");
  }
  if (config.static_key) {
    if (protocol_.dh != DhAlgorithm::k25519) {
      return invalid("an external static key is X25519 only");
    }
    static_ = internal::LocalKey::external(std::move(config.static_key));
  } else if (!config.static_secret.empty()) {
    Result<std::unique_ptr<internal::LocalKey>> key =
        internal::LocalKey::in_memory(protocol_.dh, config.static_secret.expose_secret());
    if (!key) {
      return key.error();
    }
    static_ = std::move(*key);
  }
  if (pattern.needs_local_static(initiator) && !static_) {
    return invalid("the pattern needs a local static key");
  }
  if (pattern.needs_remote_static(initiator) != !config.remote_static.empty()) {
    return invalid("a remote static key must be given exactly when the pattern pre-shares it");
  }
  if (!config.remote_static.empty() && config.remote_static.size() != key_length) {
    return invalid("remote static key has the wrong length");
  }
  if (config.psks.size() != pattern.psk_count()) {
    return invalid("psk count does not match the pattern");
  }
  for (const SecretBytes& psk : config.psks) {
    if (psk.size() != kPskLength) {
      return invalid("psk must be 32 bytes");
    }
  }
  if (!config.ephemeral_secret_for_testing.empty() &&
      config.ephemeral_secret_for_testing.size() != key_length) {
    return invalid("ephemeral secret has the wrong length");
  }
  remote_static_ = std::move(config.remote_static);
  psks_ = std::move(config.psks);
  ephemeral_secret_for_testing_ = std::move(config.ephemeral_secret_for_testing);

  symmetric_.mix_hash(config.prologue);
  // Pre-messages (spec §7.1): the initiator's keys first, then the responder's; only `s`.
  if (!pattern.initiator_pre_message.empty()) {
    symmetric_.mix_hash(initiator ? static_->public_key() : ByteView(remote_static_));
  }
  if (!pattern.responder_pre_message.empty()) {
    symmetric_.mix_hash(initiator ? ByteView(remote_static_) : static_->public_key());
  }
  return ok();
}

Role HandshakeState::message_writer() const noexcept {
  const bool initiator_writes = protocol_.pattern.is_one_way() || message_index_ % 2 == 0;
  return initiator_writes ? Role::kInitiator : Role::kResponder;
}

HandshakeState::Action HandshakeState::next_action() const noexcept {
  if (failed_) {
    return Action::kFailed;
  }
  if (message_index_ == protocol_.pattern.messages.size()) {
    return Action::kSplit;
  }
  return message_writer() == role_ ? Action::kWriteMessage : Action::kReadMessage;
}

bool HandshakeState::is_complete() const noexcept {
  return next_action() == Action::kSplit;
}

Error HandshakeState::fail(Error error) noexcept {
  failed_ = true;
  ephemeral_.reset();
  return error;
}

Result<Bytes> HandshakeState::write_message(ByteView payload) {
  if (next_action() != Action::kWriteMessage) {
    return fail(misuse("not this side's turn to write a handshake message"));
  }
  if (payload.size() > kMaxMessageLength) {
    return fail(invalid("handshake message too long"));
  }
  Bytes out;
  for (Token token : protocol_.pattern.messages[message_index_]) {
    if (Result<void> written = write_token(token, out); !written) {
      return fail(written.error());
    }
  }
  if (Result<void> sealed = symmetric_.encrypt_and_hash(payload, out); !sealed) {
    return fail(sealed.error());
  }
  if (out.size() > kMaxMessageLength) {
    return fail(invalid("handshake message too long"));
  }
  ++message_index_;
  return out;
}

Result<Bytes> HandshakeState::read_message(ByteView message) {
  if (next_action() != Action::kReadMessage) {
    return fail(misuse("not this side's turn to read a handshake message"));
  }
  if (message.size() > kMaxMessageLength) {
    return fail(Error(Origin::kNoise, Kind::kProtocol, "handshake message too long"));
  }
  ByteReader reader(message);
  for (Token token : protocol_.pattern.messages[message_index_]) {
    if (Result<void> read = read_token(token, reader); !read) {
      return fail(read.error());
    }
  }
  Bytes payload;
  if (Result<void> opened = symmetric_.decrypt_and_hash(reader.rest(), payload); !opened) {
    return fail(opened.error());
  }
  ++message_index_;
  return payload;
}

Result<void> HandshakeState::mix_ephemeral(ByteView public_key) {
  symmetric_.mix_hash(public_key);
  // In PSK mode `e` also keys the cipher (spec §9.2), so no message is sent unencrypted.
  if (protocol_.pattern.psk_count() > 0) {
    return symmetric_.mix_key(public_key);
  }
  return ok();
}

Result<void> HandshakeState::write_token(Token token, Bytes& out) {
  switch (token) {
    case Token::kE: {
      Result<std::unique_ptr<internal::LocalKey>> key =
          ephemeral_secret_for_testing_.empty()
              ? internal::LocalKey::generate(protocol_.dh)
              : internal::LocalKey::in_memory(protocol_.dh,
                                              ephemeral_secret_for_testing_.expose_secret());
      if (!key) {
        return key.error();
      }
      ephemeral_ = std::move(*key);
      ephemeral_secret_for_testing_ = SecretBytes();
      const ByteView public_key = ephemeral_->public_key();
      out.insert(out.end(), public_key.begin(), public_key.end());
      return mix_ephemeral(public_key);
    }
    case Token::kS:
      return symmetric_.encrypt_and_hash(static_->public_key(), out);
    case Token::kPsk:
      return symmetric_.mix_key_and_hash(psks_[next_psk_++].expose_secret());
    case Token::kEe:
    case Token::kEs:
    case Token::kSe:
    case Token::kSs:
      return mix_dh(token);
  }
  return misuse("unknown token");
}

Result<void> HandshakeState::read_token(Token token, ByteReader& reader) {
  const std::size_t key_length = dh_length(protocol_.dh);
  switch (token) {
    case Token::kE: {
      ByteView public_key;
      if (!reader.read_bytes(key_length, public_key)) {
        return truncated();
      }
      remote_ephemeral_.assign(public_key.begin(), public_key.end());
      return mix_ephemeral(public_key);
    }
    case Token::kS: {
      const std::size_t length =
          key_length + (symmetric_.has_key() ? crypto::kAeadTagLength : std::size_t{0});
      ByteView sealed;
      if (!reader.read_bytes(length, sealed)) {
        return truncated();
      }
      Bytes public_key;
      if (Result<void> opened = symmetric_.decrypt_and_hash(sealed, public_key); !opened) {
        return opened;
      }
      remote_static_ = std::move(public_key);
      return ok();
    }
    case Token::kPsk:
      return symmetric_.mix_key_and_hash(psks_[next_psk_++].expose_secret());
    case Token::kEe:
    case Token::kEs:
    case Token::kSe:
    case Token::kSs:
      return mix_dh(token);
  }
  return misuse("unknown token");
}

Result<void> HandshakeState::mix_dh(Token token) {
  // Token names say whose key is used: the first letter is the initiator's, the second the
  // responder's (spec §7.1). Each side pairs its own secret with the other's public key.
  const bool initiator = role_ == Role::kInitiator;
  const internal::LocalKey* local = nullptr;
  ByteView remote;
  switch (token) {
    case Token::kEe:
      local = ephemeral_.get();
      remote = remote_ephemeral_;
      break;
    case Token::kEs:
      local = initiator ? ephemeral_.get() : static_.get();
      remote = initiator ? ByteView(remote_static_) : ByteView(remote_ephemeral_);
      break;
    case Token::kSe:
      local = initiator ? static_.get() : ephemeral_.get();
      remote = initiator ? ByteView(remote_ephemeral_) : ByteView(remote_static_);
      break;
    default:
      local = static_.get();
      remote = remote_static_;
      break;
  }
  if (local == nullptr || remote.empty()) {
    return misuse("DH token before both keys are known");
  }
  Result<SecretBytes> shared = local->dh(remote);
  if (!shared) {
    return shared.error();
  }
  return symmetric_.mix_key(shared->expose_secret());
}

Result<TransportState> HandshakeState::split() && {
  if (!is_complete()) {
    return fail(misuse("split before the handshake is complete"));
  }
  Result<std::pair<CipherState, CipherState>> ciphers = symmetric_.split();
  if (!ciphers) {
    return fail(ciphers.error());
  }
  // Noise: the initiator sends with c1. Ockam's profile reverses it.
  const bool send_with_first = (role_ == Role::kInitiator) != protocol_.reversed_split;
  CipherState& first = ciphers->first;
  CipherState& second = ciphers->second;
  const ByteView hash = symmetric_.handshake_hash();
  TransportState transport(std::move(send_with_first ? first : second),
                           std::move(send_with_first ? second : first),
                           Bytes(hash.begin(), hash.end()), std::move(remote_static_));
  fail(misuse("handshake consumed by split"));
  return transport;
}

}  // namespace ockam::noise
