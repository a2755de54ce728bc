#pragma once

#include <memory>

#include "ockam/channel/secure_channel.hpp"
#include "ockam/channel/secure_channel_options.hpp"
#include "ockam/identity/identities.hpp"
#include "ockam/node/context.hpp"

namespace ockam {

/// SecureChannels creates secure channel listeners and initiators for identities kept by
/// `identities` (reference §4). Use it on the node's thread.
class SecureChannels {
 public:
  explicit SecureChannels(std::shared_ptr<identity::Identities> identities)
      : identities_(std::move(identities)) {}

  const std::shared_ptr<identity::Identities>& identities() const noexcept { return identities_; }

  /// Starts a listener at `address` that answers handshakes as `self`. kAlreadyExists when the
  /// address is taken.
  Task<Result<SecureChannelListener>> create_listener(Context& ctx, identity::Identity self,
                                                      Address address,
                                                      SecureChannelListenerOptions options);
  /// Runs the handshake with the listener at the end of `route` (TCP addresses are resolved)
  /// and returns the channel. Fails at once with an explicit error when the handshake fails:
  /// kProtocol (malformed or bad signature), kPermission (trust policy refused the peer);
  /// kTimeout only when the peer never answers. `ctx` may receive what the channel decrypts.
  Task<Result<SecureChannel>> create_channel(Context& ctx, identity::Identity self, Route route,
                                             SecureChannelOptions options);
  /// Closes a channel: sends Close to the peer and stops its workers.
  Task<Result<void>> stop_channel(Context& ctx, const SecureChannel& channel);

 private:
  std::shared_ptr<identity::Identities> identities_;
};

}  // namespace ockam
