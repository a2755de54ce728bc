#pragma once

#include <memory>
#include <optional>

#include "channel/internal/channel_state.hpp"
#include "ockam/channel/key_exchange.hpp"

namespace ockam::channel::internal {

/// DecryptorWorker is one side's decryptor, which first runs the key exchange (any
/// KeyExchange: Noise XX or X3DH) at decryptor_remote. Once the handshake completes it decrypts
/// what arrives there and forwards the plaintext from decryptor_internal with the peer's
/// identifier attached. A failed handshake stops it (and, on the initiator, fails
/// `create_channel` at once); undecryptable messages are dropped and counted.
///
/// decryptor_internal accepts no messages from anyone (deny-all incoming access control), so
/// whatever reaches it is a notice from the node itself (`notify`): the channel's
/// transport went away, the peer sent Close, or a responder's handshake ran out of time. Each
/// stops the channel.
///
/// Ciphertexts of an established channel take the synchronous path: an idle decryptor opens
/// them in the reader's call (the TCP connection's) and hands the plaintext on.
class DecryptorWorker final : public Worker<Any> {
 public:
  DecryptorWorker(std::unique_ptr<KeyExchange> exchange, std::shared_ptr<ChannelState> state,
                  std::shared_ptr<HandshakeOutcome> outcome, Address creator,
                  std::chrono::milliseconds responder_timeout)
      : exchange_(std::move(exchange)),
        state_(std::move(state)),
        outcome_(std::move(outcome)),
        creator_(std::move(creator)),
        responder_timeout_(responder_timeout) {}

  Task<Result<void>> initialize(Context& ctx) override;
  std::optional<Result<void>> handle_synchronously(Context& ctx, const Address& msg_address,
                                                   LocalMessage& message) override;
  Task<Result<void>> handle_message(Context& ctx, Routed<Any> message) override;
  Task<Result<void>> shutdown(Context& ctx) override;

 private:
  Task<Result<void>> handle_handshake(Context& ctx, LocalMessage message);
  Task<Result<void>> complete(Context& ctx);
  Result<void> handle_ciphertext(Context& ctx, LocalMessage& message);
  Task<Result<void>> handle_notice(Context& ctx);
  Task<Result<void>> send_to_peer(Context& ctx, Bytes payload);
  /// Sends every message the key exchange has ready; the handshake's failure otherwise.
  Task<Result<void>> send_pending(Context& ctx);
  /// Ends a failed handshake (reports it to `create_channel` and stops this worker) and
  /// returns `error`, so the runtime counts the handler as failed.
  Task<Result<void>> fail(Context& ctx, Error error);
  /// Roaming (reference §4.4): a responder follows the newest path the peer's messages take.
  void follow_peer(Context& ctx, Route& return_route);
  /// Takes a responder out of the node's half-open handshake gauge (once) and cancels its
  /// reaping timer.
  void leave_half_open(Context& ctx);

  std::unique_ptr<KeyExchange> exchange_;
  std::shared_ptr<ChannelState> state_;
  std::shared_ptr<HandshakeOutcome> outcome_;
  Address creator_;
  std::chrono::milliseconds responder_timeout_;
  bool counted_half_open_ = false;
  /// A responder's bound on its handshake: when it fires, a notice stops the worker.
  std::optional<asio::steady_timer> reaper_;
};

}  // namespace ockam::channel::internal
