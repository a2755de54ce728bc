#pragma once

#include <memory>

#include "ockam/node/context.hpp"
#include "ockam/relay/relay_options.hpp"

namespace ockam {

/// Relay forwards every message along a fixed route: it steps past itself, puts the route in
/// front of the rest, and wires flow control both ways so that messages and their replies may
/// cross the transports on either side (Ockam's relay, reference §8.1-8.2). End-to-end
/// encrypted traffic passes through it untouched.
///
/// A transport address in the route (`tcp_address("host:port")`) is the operator's choice, not
/// a peer's, so the relay resolves it itself (connecting, or reusing a live connection to the
/// same "host:port"). It pings the echo service of the node behind that address (every 10 s by
/// default); when the connection closes, or 3 pings in a row go unanswered (the node hangs, or
/// a hop beyond drops everything), it closes the connection and reconnects with back-off
/// (0.5 s, doubling to 5 s): it heals when the node behind it restarts or resumes. A message
/// that arrives while it is disconnected triggers one attempt at once; if that fails too, the
/// message is dropped and counted as unknown_address. `RelayOptions` change these figures.
///
/// Flow control is wired once per sender and route (again after a reconnection), not on every
/// message.
class Relay final : public Worker<Any> {
 public:
  explicit Relay(Route forward_route);
  Relay(Route forward_route, RelayOptions options);
  Task<Result<void>> initialize(Context& ctx) override;
  /// While the link is up a message is forwarded in the sender's call (the node's synchronous
  /// path); while it is down, handle_message tries to reconnect first.
  std::optional<Result<void>> handle_synchronously(Context& ctx, const Address& msg_address,
                                                   LocalMessage& message) override;
  Task<Result<void>> handle_message(Context& ctx, Routed<Any> message) override;
  Task<Result<void>> shutdown(Context& ctx) override;

  /// The state a relay shares with its reconnecting coroutine.
  struct Link;

 private:
  /// Puts the forward route in front of `local`'s onward route (past this relay) and wires
  /// flow control for its sender once.
  Result<void> redirect(Context& ctx, LocalMessage& local);

  std::shared_ptr<Link> link_;
};

}  // namespace ockam
