#pragma once

#include <string>

#include "ockam/ockam.hpp"

namespace ockam::examples {

/// Echoer replies to every string message with the same string (the seeds' `Echoer`).
class Echoer final : public Worker<std::string> {
 public:
  Task<Result<void>> handle_message(Context& ctx, Routed<std::string> message) override;
};

}  // namespace ockam::examples
