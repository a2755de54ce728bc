#pragma once

#include <memory>

#include "channel/internal/channel_state.hpp"
#include "ockam/channel/key_exchange.hpp"

namespace ockam::channel::internal {

/// HandshakeWorker runs one side's key exchange (any KeyExchange: Noise XX or X3DH) at
/// decryptor_remote, then becomes the decryptor:
/// it decrypts what arrives there and forwards the plaintext from decryptor_internal with the
/// peer's identifier attached. A failed handshake stops it (and, on the initiator, fails
/// `create_channel` at once); undecryptable messages are dropped and counted.
class HandshakeWorker final : public Worker<Any> {
 public:
  HandshakeWorker(std::unique_ptr<KeyExchange> exchange, std::shared_ptr<ChannelState> state,
                  std::shared_ptr<HandshakeOutcome> outcome, Address creator,
                  std::chrono::milliseconds responder_timeout)
      : exchange_(std::move(exchange)),
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
  /// Sends every message the key exchange has ready; false when the handshake failed instead.
  Task<bool> send_pending(Context& ctx);
  Task<Result<void>> fail(Context& ctx, Error error);
  /// Takes a responder out of the node's half-open handshake gauge (once).
  void leave_half_open(Context& ctx);

  std::unique_ptr<KeyExchange> exchange_;
  std::shared_ptr<ChannelState> state_;
  std::shared_ptr<HandshakeOutcome> outcome_;
  Address creator_;
  std::chrono::milliseconds responder_timeout_;
  bool counted_half_open_ = false;
};

}  // namespace ockam::channel::internal
