#include "support/echoer.hpp"

#include <cstdio>

namespace ockam::examples {

Task<Result<void>> Echoer::handle_message(Context& ctx, Routed<std::string> message) {
  std::printf("Address: %s, Received: %s\n", ctx.address().inner().c_str(), message->c_str());
  std::fflush(stdout);
  co_return co_await ctx.send(message.return_route(), *message);
}

}  // namespace ockam::examples
