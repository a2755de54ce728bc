#include "support/hop.hpp"

namespace ockam::examples {

Task<Result<void>> Hop::handle_message(Context& ctx, Routed<Any> message) {
  LocalMessage local = std::move(message).take_local_message();
  if (auto stepped = local.onward_route.step(); !stepped) {
    co_return stepped.error();
  }
  local.return_route.prepend(ctx.address());
  co_return co_await ctx.forward(std::move(local));
}

}  // namespace ockam::examples
