#pragma once

#include <gtest/gtest.h>

#include "ockam/noise/handshake_state.hpp"

namespace ockam::noise::test {

/// Drives `initiator` and `responder` through every handshake message with empty payloads.
/// Returns false (after recording a test failure) if any step fails.
inline bool run_handshake(HandshakeState& initiator, HandshakeState& responder) {
  while (!initiator.is_complete() || !responder.is_complete()) {
    const bool initiator_writes = initiator.next_action() == HandshakeState::Action::kWriteMessage;
    HandshakeState& writer = initiator_writes ? initiator : responder;
    HandshakeState& reader = initiator_writes ? responder : initiator;
    Result<Bytes> message = writer.write_message({});
    if (!message) {
      ADD_FAILURE() << "write_message: " << message.error().to_string();
      return false;
    }
    Result<Bytes> payload = reader.read_message(*message);
    if (!payload) {
      ADD_FAILURE() << "read_message: " << payload.error().to_string();
      return false;
    }
  }
  return true;
}

/// The two TransportStates of a completed Ockam-profile handshake with fresh keys.
struct TransportPair {
  TransportState initiator;
  TransportState responder;
};

/// A fresh Ockam-profile HandshakeState for `role` with a new in-memory static key.
inline HandshakeState fresh_ockam_handshake(Role role) {
  return HandshakeState::create(HandshakeConfig::ockam(role, InMemoryStaticKey::generate()))
      .value();
}

inline TransportPair ockam_transport_pair() {
  HandshakeState initiator = fresh_ockam_handshake(Role::kInitiator);
  HandshakeState responder = fresh_ockam_handshake(Role::kResponder);
  EXPECT_TRUE(run_handshake(initiator, responder));
  return TransportPair{std::move(initiator).split().value(), std::move(responder).split().value()};
}

}  // namespace ockam::noise::test
