#pragma once

#include <memory>

#include "channel/internal/channel_state.hpp"
#include "ockam/channel/handshake_machine.hpp"

namespace ockam::channel::internal {

/// HandshakeWorker runs one side's handshake at decryptor_remote, then becomes the decryptor:
/// it decrypts what arrives there and forwards the plaintext from decryptor_internal with the
/// peer's identifier attached. A failed handshake stops it (and, on the initiator, fails
/// `create_channel` at once); undecryptable messages are dropped and counted.
class HandshakeWorker final : public Worker<Any> {
 public:
  HandshakeWorker(HandshakeMachine machine, std::shared_ptr<ChannelState> state,
                  std::shared_ptr<HandshakeOutcome> outcome, Address creator,
                  std::chrono::milliseconds responder_timeout)
      : machine_(std::move(machine)),
        state_(std::move(state)),
        outcome_(std::move(outcome)),
        creator_(std::move(creator)),
        responder_timeout_(responder_timeout) {}

  Task<Result<void>> initialize(Context& ctx) override;
  Task<Result<void>> handle_message(Context& ctx, Routed<Any> message) override;
  Task<Result<void>> shutdown(Context& ctx) override;

 private:
  Task<Result<void>> handle_handshake(Context& ctx, LocalMessage message);
  Task<Result<void>> complete(Context& ctx);
  Task<Result<void>> handle_ciphertext(Context& ctx, LocalMessage message);
  Task<Result<void>> send_to_peer(Context& ctx, Bytes payload);
  Task<Result<void>> fail(Context& ctx, Error error);

  std::optional<HandshakeMachine> machine_;
  std::shared_ptr<ChannelState> state_;
  std::shared_ptr<HandshakeOutcome> outcome_;
  Address creator_;
  std::chrono::milliseconds responder_timeout_;
};

}  // namespace ockam::channel::internal
