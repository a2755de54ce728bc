// Fuzzes the secure-channel HandshakeMachine (both roles) with identity payloads chosen by the
// fuzzer. The attacker is a raw Ockam-profile Noise handshake, so the fuzzer's bytes arrive
// correctly encrypted and reach the identity decoding and verification of the real machine.
// Input: one byte (bit 0: 0 attacks an initiator with message 2, 1 attacks a responder with
// message 3), then the payload the attacker sends as its IdentityAndCredentials.
// Besides never crashing, a machine that completes must hand over keys naming the peer.
#include <cstdint>
#include <cstdlib>

#include "ockam/channel/handshake_machine.hpp"
#include "ockam/noise/handshake_state.hpp"
#include "ockam/noise/static_key.hpp"
#include "ockam/vault/vault.hpp"

namespace {

using ockam::Bytes;
using ockam::ByteView;
using ockam::channel::HandshakeMachine;
using ockam::noise::Role;

struct Victim {
  std::shared_ptr<ockam::identity::Identities> identities =
      std::make_shared<ockam::identity::Identities>(std::make_shared<ockam::vault::Vault>());
  ockam::identity::Identity self = identities->create_identity().value();

  std::unique_ptr<HandshakeMachine> machine(Role role) {
    auto purpose_key =
        identities->get_or_create_secure_channel_purpose_key(self.identifier()).value();
    return HandshakeMachine::create(role, identities, self, std::move(purpose_key),
                                    ockam::identity::trust_everyone())
        .value();
  }
};

Victim& victim() {
  static Victim instance;
  return instance;
}

ockam::noise::HandshakeState attacker(Role role) {
  static const std::shared_ptr<ockam::noise::InMemoryStaticKey> kStaticKey =
      ockam::noise::InMemoryStaticKey::from_secret(Bytes(32, 0x05)).value();
  auto config = ockam::noise::HandshakeConfig::ockam(role, kStaticKey);
  return ockam::noise::HandshakeState::create(std::move(config)).value();
}

/// Hands the attacker's `message` to `victim`; a machine that says it completed must hand over
/// keys and name the peer.
void deliver(HandshakeMachine& victim_machine, ByteView message) {
  if (!victim_machine.handle_message(message) || !victim_machine.is_complete()) {
    return;
  }
  auto completed = victim_machine.finish();
  if (!completed || completed->their_identifier.to_string().empty()) {
    std::abort();
  }
}

/// The attacker responds to a real initiator: message 2 carries the fuzzer's payload.
void attack_initiator(ByteView payload) {
  auto initiator = victim().machine(Role::kInitiator);
  auto evil = attacker(Role::kResponder);
  auto message1 = initiator->next_message();
  if (!message1 || !*message1 || !evil.read_message(**message1)) {
    std::abort();  // an honest message 1 always parses
  }
  auto message2 = evil.write_message(payload);
  if (!message2) {
    return;  // payload too long for one Noise message
  }
  deliver(*initiator, *message2);
}

/// The attacker initiates toward a real responder: message 3 carries the fuzzer's payload.
void attack_responder(ByteView payload) {
  auto responder = victim().machine(Role::kResponder);
  auto evil = attacker(Role::kInitiator);
  auto message1 = evil.write_message({});
  if (!message1 || !responder->handle_message(*message1)) {
    std::abort();
  }
  auto message2 = responder->next_message();
  if (!message2 || !*message2 || !evil.read_message(**message2)) {
    std::abort();  // an honest exchange up to message 2 always works
  }
  auto message3 = evil.write_message(payload);
  if (!message3) {
    return;
  }
  deliver(*responder, *message3);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1 || size > 16 * 1024) {
    return 0;
  }
  ByteView payload(data + 1, size - 1);
  if ((data[0] & 1) == 0) {
    attack_initiator(payload);
  } else {
    attack_responder(payload);
  }
  return 0;
}
