// Fuzzes an Ockam-profile responder HandshakeState with arbitrary handshake messages 1 and 3.
// Input: a 2-byte big-endian length L, then message 1 (L bytes, clamped), then message 3.
// Besides never crashing, it checks that a failed state answers every later call with kMisuse.
#include <cstdint>
#include <cstdlib>

#include "ockam/core/byte_reader.hpp"
#include "ockam/noise/handshake_state.hpp"

namespace {

using ockam::noise::HandshakeConfig;
using ockam::noise::HandshakeState;

HandshakeState make_responder() {
  static const std::shared_ptr<ockam::noise::InMemoryStaticKey> kStaticKey =
      ockam::noise::InMemoryStaticKey::from_secret(ockam::Bytes(32, 0x01)).value();
  HandshakeConfig config = HandshakeConfig::ockam(ockam::noise::Role::kResponder, kStaticKey);
  // A fixed ephemeral key keeps runs reproducible.
  config.ephemeral_secret_for_testing = ockam::SecretBytes(ockam::ByteView(ockam::Bytes(32, 0x02)));
  return HandshakeState::create(std::move(config)).value();
}

/// Aborts unless a failed state refuses further use with kMisuse.
void check_failed_state_is_sticky(HandshakeState& state) {
  if (!state.is_failed() || state.write_message({}).error().kind() != ockam::Kind::kMisuse ||
      state.read_message({}).error().kind() != ockam::Kind::kMisuse) {
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ockam::ByteReader reader(ockam::ByteView(data, size));
  std::uint16_t first_length = 0;
  if (!reader.read_u16_be(first_length)) {
    return 0;
  }
  ockam::ByteView message1;
  if (!reader.read_bytes(std::min<std::size_t>(first_length, reader.remaining()), message1)) {
    return 0;
  }
  const ockam::ByteView message3 = reader.rest();

  HandshakeState responder = make_responder();
  if (!responder.read_message(message1)) {
    check_failed_state_is_sticky(responder);
    return 0;
  }
  if (!responder.write_message({})) {
    check_failed_state_is_sticky(responder);
    return 0;
  }
  if (!responder.read_message(message3)) {
    check_failed_state_is_sticky(responder);
    return 0;
  }
  // Only a message 3 that authenticates reaches this point.
  if (!responder.is_complete() || !std::move(responder).split()) {
    std::abort();
  }
  return 0;
}
