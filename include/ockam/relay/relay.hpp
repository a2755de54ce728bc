#pragma once

#include "ockam/node/context.hpp"

namespace ockam {

/// Relay forwards every message along a fixed route: it steps past itself, puts the route in
/// front of the rest, and wires flow control both ways so that messages and their replies may
/// cross the transports on either side (Ockam's relay, reference §8.1-8.2). End-to-end
/// encrypted traffic passes through it untouched.
class Relay final : public Worker<Any> {
 public:
  explicit Relay(Route forward_route) : forward_route_(std::move(forward_route)) {}
  Task<Result<void>> handle_message(Context& ctx, Routed<Any> message) override;

 private:
  Route forward_route_;
};

}  // namespace ockam
