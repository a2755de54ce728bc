#include "ockam/api/run_node.hpp"

#include <csignal>
#include <cstdio>

#include <asio/signal_set.hpp>

namespace ockam {

int run_node(std::function<Task<Result<void>>(Node)> main) {
  Runtime runtime;
  asio::signal_set signals(runtime.io(), SIGINT, SIGTERM);
  signals.async_wait([&runtime](const asio::error_code& ec, int) {
    if (!ec) {
      runtime.request_stop();
    }
  });
  auto result =
      runtime.run_until_stopped([&main](Context& ctx) { return main(Node(ctx.runtime())); });
  if (!result) {
    std::fprintf(stderr, "Error: %s\n", result.error().to_string().c_str());
    return 1;
  }
  return 0;
}

}  // namespace ockam
