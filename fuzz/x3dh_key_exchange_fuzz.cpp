// Fuzzes the X3DH key exchange (X3dhKeyExchange) with arbitrary messages from the peer.
// Input: a mode byte, a 2-byte big-endian length L, then part 1 (L bytes, clamped) and part 2.
//   mode 0: a responder reads part 1 as message 1 and part 2 as the initiator's identity message
//   mode 1: an initiator reads part 1 as the prekey bundle and part 2 as the responder's identity
//           message
//   mode 2: an honest responder answers an initiator, whose identity message is parts 1 and 2
//           sealed with the responder's new key: the post-agreement identity payload is fuzzed
// Besides never crashing, it checks that a failed exchange answers every later call with kMisuse.
#include <cstdint>
#include <cstdlib>

#include "ockam/channel/x3dh_key_exchange.hpp"
#include "ockam/core/byte_reader.hpp"

namespace {

using ockam::channel::X3dhKeyExchange;

/// One identity with its purpose key and a signed prekey, made once per process.
struct Party {
  std::shared_ptr<ockam::identity::Identities> identities =
      std::make_shared<ockam::identity::Identities>(std::make_shared<ockam::vault::Vault>());
  ockam::identity::Identity self = identities->create_identity().value();
  ockam::identity::SecureChannelPurposeKey purpose_key =
      identities->create_secure_channel_purpose_key(self.identifier()).value();
  std::shared_ptr<const ockam::channel::X3dhSignedPrekey> prekey =
      ockam::channel::X3dhSignedPrekey::create(*identities->vault(), purpose_key.key).value();
};

Party& party() {
  static Party instance;
  return instance;
}

std::unique_ptr<X3dhKeyExchange> make(ockam::noise::Role role) {
  Party& p = party();
  if (role == ockam::noise::Role::kInitiator) {
    return X3dhKeyExchange::create_initiator(p.identities, p.self, p.purpose_key,
                                             ockam::identity::trust_everyone())
        .value();
  }
  return X3dhKeyExchange::create_responder(p.identities, p.self, p.purpose_key, p.prekey,
                                           ockam::identity::trust_everyone())
      .value();
}

/// Aborts unless a failed exchange refuses further use with kMisuse.
void check_failure_is_sticky(X3dhKeyExchange& exchange) {
  auto next = exchange.next_message();
  auto handled = exchange.handle_message({});
  if (exchange.is_complete() || next || next.error().kind() != ockam::Kind::kMisuse || handled ||
      handled.error().kind() != ockam::Kind::kMisuse) {
    std::abort();
  }
}

/// Sends everything the exchange has ready into the void.
void drain(X3dhKeyExchange& exchange) {
  while (true) {
    auto next = exchange.next_message();
    if (!next || !*next) {
      return;
    }
  }
}

/// Handles `message`; on failure checks stickiness and returns false.
bool handle(X3dhKeyExchange& exchange, ockam::ByteView message) {
  if (!exchange.handle_message(message)) {
    check_failure_is_sticky(exchange);
    return false;
  }
  drain(exchange);
  return true;
}

/// Mode 2: the initiator gets a real bundle, then `plaintext` as the responder's identity.
void fuzz_identity_message(ockam::ByteView plaintext) {
  Party& p = party();
  auto initiator = make(ockam::noise::Role::kInitiator);
  auto message1 = initiator->next_message().value().value();
  auto responder = ockam::channel::X3dhResponder::create(p.identities->vault(), p.prekey).value();
  auto keys = responder.read_message1(message1).value();
  if (!handle(*initiator, responder.message2())) {
    std::abort();  // an honest bundle is always accepted
  }
  ockam::channel::Encryptor encryptor(
      ockam::channel::ChannelKey::create(std::move(keys.encrypt_key)).value());
  ockam::Bytes sealed;
  if (!encryptor.encrypt(plaintext, sealed)) {
    return;
  }
  if (handle(*initiator, sealed) && !initiator->is_complete()) {
    std::abort();  // an identity that verifies completes the initiator
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ockam::ByteReader reader(ockam::ByteView(data, size));
  std::uint8_t mode = 0;
  std::uint16_t first_length = 0;
  if (!reader.read_u8(mode) || !reader.read_u16_be(first_length)) {
    return 0;
  }
  const ockam::ByteView rest = reader.rest();
  ockam::ByteView part1;
  if (!reader.read_bytes(std::min<std::size_t>(first_length, reader.remaining()), part1)) {
    return 0;
  }
  const ockam::ByteView part2 = reader.rest();
  switch (mode % 3) {
    case 0: {
      auto responder = make(ockam::noise::Role::kResponder);
      if (handle(*responder, part1)) {
        (void)handle(*responder, part2);
      }
      break;
    }
    case 1: {
      auto initiator = make(ockam::noise::Role::kInitiator);
      drain(*initiator);
      if (handle(*initiator, part1)) {
        (void)handle(*initiator, part2);
      }
      break;
    }
    default:
      fuzz_identity_message(rest);
      break;
  }
  return 0;
}
