#include "ockam/api/run_node.hpp"

#include <csignal>
#include <cstdio>

#include <asio/signal_set.hpp>

#include "ockam/storage/storage.hpp"

namespace ockam {
namespace {

int report(const Error& error) {
  std::fprintf(stderr, "Error: %s\n", error.to_string().c_str());
  return 1;
}

// Runs `main` on a node made by `make_node` until it stops or a signal arrives.
int run(const std::function<Node(Runtime&)>& make_node, const std::function<NodeMain(Node)>& main) {
  Runtime runtime;
  asio::signal_set signals(runtime.io(), SIGINT, SIGTERM);
  signals.async_wait([&runtime](const asio::error_code& ec, int) {
    if (!ec) {
      runtime.request_stop();
    }
  });
  auto result = runtime.run_until_stopped(
      [&main, &make_node](Context& ctx) { return main(make_node(ctx.runtime())); });
  if (!result) {
    return report(result.error());
  }
  return 0;
}

}  // namespace

int run_node(std::function<NodeMain(Node)> main) {
  return run([](Runtime& runtime) { return Node(runtime); }, main);
}

int run_node(NodeOptions options, std::function<NodeMain(Node)> main) {
  options.storage.scope = options.name;
  auto storage = storage::Storage::open(std::move(options.storage));
  if (!storage) {
    return report(storage.error());
  }
  return run([&storage](Runtime& runtime) { return Node(runtime, *storage); }, main);
}

}  // namespace ockam
