#pragma once

#include <string>

#include "ockam/node/context.hpp"

namespace ockam::testing {

/// Echoer replies to every string message with the same string.
class Echoer final : public Worker<std::string> {
 public:
  Task<Result<void>> handle_message(Context& ctx, Routed<std::string> msg) override {
    co_return co_await ctx.send(msg.return_route(), msg.body());
  }
};

}  // namespace ockam::testing
