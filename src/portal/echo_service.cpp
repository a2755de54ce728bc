#include "ockam/portal/echo_service.hpp"

namespace ockam {

Task<Result<void>> EchoService::handle_message(Context& ctx, Routed<Any> message) {
  LocalMessage request = std::move(message).take_local_message();
  LocalMessage reply;
  reply.onward_route = std::move(request.return_route);
  reply.return_route.append(ctx.address());
  reply.payload = std::move(request.payload);
  co_return co_await ctx.forward(std::move(reply));
}

}  // namespace ockam
