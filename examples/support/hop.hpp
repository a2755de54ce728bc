#pragma once

#include "ockam/ockam.hpp"

namespace ockam::examples {

/// Hop forwards every message to the next address of its onward route and puts itself on the
/// return route, so replies come back through it (the seeds' `Hop`).
class Hop final : public Worker<Any> {
 public:
  Task<Result<void>> handle_message(Context& ctx, Routed<Any> message) override;
};

}  // namespace ockam::examples
