#include "internal/channel_server.hpp"

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "internal/allocation_counter.hpp"

#include "internal/stdin_watch.hpp"
#include "ockam/cli/default_services.hpp"
#include "ockam/ockam.hpp"

namespace ockam::bench {
namespace {

/// Counter counts non-empty messages and answers an empty one with the count and the heap
/// allocations made on the node's thread since the first of them (then resets).
class Counter final : public Worker<Any> {
 public:
  Task<Result<void>> handle_message(Context& ctx, Routed<Any> message) override {
    if (!message.local_message().payload.empty()) {
      if (count_++ == 0) {
        first_allocations_ = allocations_on_this_thread();
      }
      co_return ok();
    }
    const std::uint64_t allocations =
        count_ == 0 ? 0 : allocations_on_this_thread() - first_allocations_;
    std::vector<std::uint64_t> answer{std::exchange(count_, 0), allocations};
    co_return co_await ctx.send(message.return_route(), std::move(answer));
  }

 private:
  std::uint64_t count_ = 0;
  std::uint64_t first_allocations_ = 0;
};

/// Echo sends every message back to its sender unchanged.
class Echo final : public Worker<Any> {
 public:
  Task<Result<void>> handle_message(Context& ctx, Routed<Any> message) override {
    LocalMessage local = std::move(message).take_local_message();
    local.onward_route = std::move(local.return_route);
    local.return_route = route(ctx.address());
    local.local_info.clear();
    co_return co_await ctx.forward(std::move(local));
  }
};

Task<Result<void>> start_worker(Node node, ServerWorker worker, SecureChannelListener listener) {
  auto started = worker == ServerWorker::kCounter
                     ? co_await node.start_worker(Address(kWorkerAddress), Counter{})
                     : co_await node.start_worker(Address(kWorkerAddress), Echo{});
  if (!started) {
    co_return started.error();
  }
  node.flow_controls().add_consumer(Address(kWorkerAddress), listener.flow_control_id());
  co_return ok();
}

Task<Result<void>> start_outlet(Node node, TcpTransport tcp, std::string target,
                                SecureChannelListener listener) {
  // Inlets ping `echo` on the outlet's node for liveness (on by default, as Rust inlets do).
  auto echo = co_await node.start_worker(cli::kEchoAddress, cli::Echo{});
  if (!echo) {
    co_return echo.error();
  }
  node.flow_controls().add_consumer(cli::kEchoAddress, listener.flow_control_id());
  auto outlet =
      co_await tcp.create_outlet(Address(kOutletAddress), std::move(target),
                                 TcpOutletOptions().as_consumer(listener.flow_control_id()));
  if (!outlet) {
    co_return outlet.error();
  }
  co_return ok();
}

/// What a server runs behind its secure channel listener.
using StartBehind = std::function<Task<Result<void>>(Node, TcpTransport, SecureChannelListener)>;

Task<Result<void>> serve(Node node, StartBehind start_behind) {
  auto tcp = co_await node.create_tcp_transport();
  if (!tcp) {
    co_return tcp.error();
  }
  auto self = co_await node.create_identity();
  if (!self) {
    co_return self.error();
  }
  auto tcp_listener = co_await tcp->listen("127.0.0.1:0");
  if (!tcp_listener) {
    co_return tcp_listener.error();
  }
  auto listener = co_await node.create_secure_channel_listener(
      *self, Address(kListenerAddress),
      SecureChannelListenerOptions().as_consumer(tcp_listener->flow_control_id()));
  if (!listener) {
    co_return listener.error();
  }
  if (auto started = co_await start_behind(node, *tcp, *listener); !started) {
    co_return started.error();
  }
  std::printf("%.*s%u\n", static_cast<int>(kPortLinePrefix.size()), kPortLinePrefix.data(),
              static_cast<unsigned>(tcp_listener->port()));
  std::fflush(stdout);
  co_await wait_until_stdin_closes(node.context().io());
  co_return ok();
}

int run_server(StartBehind start_behind) {
  Runtime runtime;
  Node node(runtime);
  auto result = runtime.run_until_complete(
      [node, start_behind](Context&) { return serve(node, start_behind); });
  if (!result) {
    std::fprintf(stderr, "peer: %s\n", result.error().to_string().c_str());
    return 1;
  }
  return 0;
}

}  // namespace

int serve_channel(ServerWorker worker) {
  return run_server([worker](Node node, TcpTransport, SecureChannelListener listener) {
    return start_worker(node, worker, std::move(listener));
  });
}

int serve_portal_outlet(const std::string& target) {
  return run_server([target](Node node, TcpTransport tcp, SecureChannelListener listener) {
    return start_outlet(std::move(node), std::move(tcp), target, std::move(listener));
  });
}

}  // namespace ockam::bench
