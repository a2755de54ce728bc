#pragma once

#include "ockam/ockam.hpp"

namespace ockam::examples {

/// Relay forwards every message along a fixed route (for example a TCP connection to the next
/// node), wiring flow control both ways so replies can come back (the seeds' `Relay`).
class Relay final : public Worker<Any> {
 public:
  explicit Relay(Route route) : route_(std::move(route)) {}
  Task<Result<void>> handle_message(Context& ctx, Routed<Any> message) override;

 private:
  Route route_;
};

}  // namespace ockam::examples
