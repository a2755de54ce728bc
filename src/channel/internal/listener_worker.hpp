#pragma once

#include <deque>
#include <memory>

#include "channel/internal/channel_state.hpp"
#include "ockam/channel/key_exchange.hpp"
#include "ockam/channel/secure_channel_options.hpp"
#include "ockam/channel/x3dh_signed_prekey.hpp"
#include "ockam/identity/identities.hpp"
#include "ockam/node/context.hpp"

namespace ockam::channel::internal {

/// ListenerWorker spawns a responder for each handshake message 1 that reaches it and forwards
/// the message there; messages that cannot be a message 1 of an accepted key agreement are
/// dropped. For X3DH it keeps one signed prekey, made on first use and again whenever the
/// identity's purpose key changes; each responder adds its own one-time prekey. It keeps at
/// most `max_half_open_handshakes` responders whose handshake has not completed, stopping the
/// oldest for a new one.
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
  /// The responder's key exchange for a first message of `length` bytes; nullopt (no error)
  /// when no accepted key agreement starts with such a message.
  Result<std::unique_ptr<KeyExchange>> responder_for(std::size_t length);

  std::shared_ptr<identity::Identities> identities_;
  identity::Identity self_;
  FlowControlId flow_control_id_;
  SecureChannelListenerOptions options_;
  std::shared_ptr<const X3dhSignedPrekey> prekey_;
  /// Responders spawned here, oldest first; those that completed or stopped are forgotten.
  std::deque<std::weak_ptr<ChannelState>> half_open_;
};

}  // namespace ockam::channel::internal
