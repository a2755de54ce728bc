#include "support/echoer.hpp"

#include <cstdio>
#include <string_view>

namespace ockam::examples {

Task<Result<void>> Echoer::handle_message(Context& ctx, Routed<std::string> message) {
  std::string_view address = ctx.address().inner();
  std::printf("Address: %.*s, Received: %s\n", static_cast<int>(address.size()), address.data(),
              message->c_str());
  std::fflush(stdout);
  co_return co_await ctx.send(message.return_route(), *message);
}

}  // namespace ockam::examples
