#pragma once

#include <memory>

#include "ockam/node/runtime.hpp"
#include "ockam/transport/tcp/tcp_transport.hpp"

namespace ockam {

/// Node is the application's handle on a node, as Rust's `ockam::Node`: the node's main
/// context plus the services built on it. It is a cheap handle; copies share one node.
class Node {
 public:
  explicit Node(Runtime& runtime) : runtime_(&runtime) {}

  Context& context() noexcept { return runtime_->main_context(); }
  Runtime& runtime() noexcept { return *runtime_; }
  FlowControls& flow_controls() noexcept { return context().flow_controls(); }
  const Address& address() noexcept { return context().address(); }

  template <class W>
  Task<Result<void>> start_worker(Address address, W worker) {
    return context().start_worker(std::move(address), std::move(worker));
  }
  Task<Result<void>> stop_worker(Address address) { return context().stop_worker(std::move(address)); }
  template <bare::Encodable T>
  Task<Result<void>> send(Route route, T message) {
    return context().send(std::move(route), std::move(message));
  }
  template <bare::Encodable T>
  Task<Result<Routed<T>>> receive(std::chrono::milliseconds timeout = kDefaultReceiveTimeout) {
    return context().receive<T>(timeout);
  }
  template <bare::Encodable R, bare::Encodable T>
  Task<Result<R>> send_and_receive(Route route, T message,
                                   std::chrono::milliseconds timeout = kDefaultReceiveTimeout) {
    return context().send_and_receive<R>(std::move(route), std::move(message), timeout);
  }
  /// Creates the TCP transport (also makes `1#host:port` addresses in routes resolvable).
  Task<Result<TcpTransport>> create_tcp_transport() {
    co_return TcpTransport::create(context());
  }

  /// Stops every worker and the node.
  Task<Result<void>> stop() { return context().stop(); }

 private:
  Runtime* runtime_;
};

}  // namespace ockam
