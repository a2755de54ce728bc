#pragma once

#include <memory>

#include "channel/internal/channel_state.hpp"

namespace ockam::channel::internal {

/// EncryptorWorker is the channel's address for senders: it wraps each message (onward route
/// after itself, return route, payload) in the channel's plaintext envelope, encrypts it and
/// sends it along the remote route. Stopping it sends Close to the peer.
class EncryptorWorker final : public Worker<Any> {
 public:
  explicit EncryptorWorker(std::shared_ptr<ChannelState> state) : state_(std::move(state)) {}

  Task<Result<void>> handle_message(Context& ctx, Routed<Any> message) override;
  Task<Result<void>> shutdown(Context& ctx) override;

 private:
  std::shared_ptr<ChannelState> state_;
};

}  // namespace ockam::channel::internal
