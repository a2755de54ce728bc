#pragma once

#include <memory>

#include "ockam/channel/secure_channels.hpp"
#include "ockam/identity/identities.hpp"
#include "ockam/node/runtime.hpp"
#include "ockam/transport/tcp/tcp_transport.hpp"
#include "ockam/vault/vault.hpp"

namespace ockam {

/// Node is the application's handle on a node, as Rust's `ockam::Node`: the node's main
/// context plus the services built on it (a vault, identities, secure channels). It is a
/// cheap handle; copies share one node. Use it on the node's thread.
class Node {
 public:
  /// A handle on `runtime` with fresh in-memory services.
  explicit Node(Runtime& runtime);

  Context& context() noexcept { return runtime_->main_context(); }
  Runtime& runtime() noexcept { return *runtime_; }
  FlowControls& flow_controls() noexcept { return context().flow_controls(); }
  const Address& address() noexcept { return context().address(); }
  const std::shared_ptr<identity::Identities>& identities() const noexcept {
    return services_->identities();
  }
  SecureChannels& secure_channels() noexcept { return *services_; }

  template <class W>
  Task<Result<void>> start_worker(Address address, W worker) {
    return context().start_worker(std::move(address), std::move(worker));
  }
  Task<Result<void>> stop_worker(Address address) {
    return context().stop_worker(std::move(address));
  }
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
  Task<Result<TcpTransport>> create_tcp_transport() { co_return TcpTransport::create(context()); }
  /// Creates the TCP transport with the given limits on what peers may make it hold.
  Task<Result<TcpTransport>> create_tcp_transport(TcpLimits limits) {
    co_return TcpTransport::create(context(), limits);
  }

  /// A snapshot of the node's counters: connections, half-open handshakes, buffered bytes and
  /// what the node refused, by reason.
  NodeMetrics metrics() { return runtime_->router().metrics(); }

  /// Creates an identity whose keys live in the node's vault (Ed25519 unless told otherwise).
  Task<Result<identity::Identity>> create_identity(
      vault::SigningKeyType type = vault::SigningKeyType::kEd25519) {
    co_return identities()->create_identity(type);
  }
  /// Imports (and verifies) another identity's change history from hex.
  Task<Result<identity::Identity>> import_identity_hex(std::string hex) {
    co_return identities()->import_hex(hex);
  }

  // Overloads rather than default arguments of class type: GCC 12 mishandles the lifetime of
  // such defaults inside co_await expressions.

  /// Starts a secure channel listener for `self` at `address` (trusts everyone).
  Task<Result<SecureChannelListener>> create_secure_channel_listener(identity::Identity self,
                                                                     Address address) {
    return create_secure_channel_listener(std::move(self), std::move(address),
                                          SecureChannelListenerOptions());
  }
  /// Starts a secure channel listener for `self` at `address`.
  Task<Result<SecureChannelListener>> create_secure_channel_listener(
      identity::Identity self, Address address, SecureChannelListenerOptions options) {
    return services_->create_listener(context(), std::move(self), std::move(address),
                                      std::move(options));
  }
  /// Creates a secure channel as `self` with the listener at the end of `route` (trusts
  /// everyone).
  Task<Result<SecureChannel>> create_secure_channel(identity::Identity self, Route route) {
    return create_secure_channel(std::move(self), std::move(route), SecureChannelOptions());
  }
  /// Creates a secure channel as `self` with the listener at the end of `route`.
  Task<Result<SecureChannel>> create_secure_channel(identity::Identity self, Route route,
                                                    SecureChannelOptions options) {
    return services_->create_channel(context(), std::move(self), std::move(route),
                                     std::move(options));
  }
  /// Closes a secure channel (the peer is told).
  Task<Result<void>> stop_secure_channel(SecureChannel channel) {
    return services_->stop_channel(context(), channel);
  }

  /// Stops every worker and the node.
  Task<Result<void>> stop() { return context().stop(); }

 private:
  Runtime* runtime_;
  std::shared_ptr<SecureChannels> services_;
};

}  // namespace ockam
