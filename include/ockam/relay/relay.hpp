#pragma once

#include <memory>

#include "ockam/node/context.hpp"

namespace ockam {

/// Relay forwards every message along a fixed route: it steps past itself, puts the route in
/// front of the rest, and wires flow control both ways so that messages and their replies may
/// cross the transports on either side (Ockam's relay, reference §8.1-8.2). End-to-end
/// encrypted traffic passes through it untouched.
///
/// A transport address in the route (`tcp_address("host:port")`) is the operator's choice, not
/// a peer's, so the relay resolves it itself (connecting, or reusing a live connection to the
/// same "host:port"). When that connection closes the relay reconnects with back-off (0.5 s,
/// doubling to 5 s; Ockam's sessions retry after 5 s): it heals when the node behind it
/// restarts. A message that arrives while it is disconnected triggers one attempt at once; if
/// that fails too, the message is dropped and counted as unknown_address.
class Relay final : public Worker<Any> {
 public:
  explicit Relay(Route forward_route);
  Task<Result<void>> initialize(Context& ctx) override;
  Task<Result<void>> handle_message(Context& ctx, Routed<Any> message) override;
  Task<Result<void>> shutdown(Context& ctx) override;

  /// The state a relay shares with its reconnecting coroutine.
  struct Link;

 private:
  std::shared_ptr<Link> link_;
};

}  // namespace ockam
