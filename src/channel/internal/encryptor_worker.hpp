#pragma once

#include <memory>

#include "channel/internal/channel_state.hpp"
#include "ockam/core/route_encoding_cache.hpp"

namespace ockam::channel::internal {

/// EncryptorWorker is the channel's address for senders: it wraps each message (onward route
/// after itself, return route, payload) in the channel's plaintext envelope, encrypts it and
/// sends it along the remote route. Stopping it sends Close to the peer. It never waits, so an
/// idle encryptor seals in the sender's call (the node's synchronous path).
class EncryptorWorker final : public Worker<Any> {
 public:
  explicit EncryptorWorker(std::shared_ptr<ChannelState> state) : state_(std::move(state)) {}

  std::optional<Result<void>> handle_synchronously(Context& ctx, const Address& msg_address,
                                                   LocalMessage& message) override;
  /// The run loop takes handle_synchronously first, which handles every message; this is the
  /// same path for a caller that goes through handle_local_message.
  Task<Result<void>> handle_message(Context& ctx, Routed<Any> message) override;
  Task<Result<void>> shutdown(Context& ctx) override;

 private:
  Result<void> seal_and_forward(Context& ctx, LocalMessage& message);

  std::shared_ptr<ChannelState> state_;
  // A sender uses the same routes message after message: their CBOR is kept, not redone.
  RouteEncodingCache onward_routes_;
  RouteEncodingCache return_routes_;
};

}  // namespace ockam::channel::internal
