#include "ockam/cli/default_services.hpp"

#include <algorithm>

namespace ockam::cli {

Task<Result<void>> Echo::handle_message(Context& ctx, Routed<Any> message) {
  LocalMessage local = std::move(message).take_local_message();
  LocalMessage reply;
  reply.onward_route = std::move(local.return_route);
  reply.return_route.append(ctx.address());
  reply.payload = std::move(local.payload);
  co_return co_await ctx.forward(std::move(reply));
}

Task<Result<void>> Uppercase::handle_message(Context& ctx, Routed<std::string> message) {
  std::string text = message.body();
  std::transform(text.begin(), text.end(), text.begin(),
                 [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; });
  co_return co_await ctx.send(message.return_route(), std::move(text));
}

}  // namespace ockam::cli
