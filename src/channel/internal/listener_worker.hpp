#pragma once

#include <memory>

#include "ockam/channel/secure_channel_options.hpp"
#include "ockam/identity/identities.hpp"
#include "ockam/node/context.hpp"

namespace ockam::channel::internal {

/// ListenerWorker spawns a responder for each handshake message 1 that reaches it and forwards
/// the message there; messages too short to be a message 1 are dropped.
class ListenerWorker final : public Worker<Any> {
 public:
  ListenerWorker(std::shared_ptr<identity::Identities> identities, identity::Identity self,
                 FlowControlId flow_control_id, SecureChannelListenerOptions options)
      : identities_(std::move(identities)),
        self_(std::move(self)),
        flow_control_id_(std::move(flow_control_id)),
        options_(std::move(options)) {}

  Task<Result<void>> handle_message(Context& ctx, Routed<Any> message) override;

 private:
  std::shared_ptr<identity::Identities> identities_;
  identity::Identity self_;
  FlowControlId flow_control_id_;
  SecureChannelListenerOptions options_;
};

}  // namespace ockam::channel::internal
