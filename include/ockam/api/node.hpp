#pragma once

#include <memory>
#include <string>
#include <vector>

#include "ockam/api/node_options.hpp"
#include "ockam/api/secure_channel_server.hpp"
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
  /// A handle on `runtime` whose vault and identities live in `storage` (see Node::open).
  Node(Runtime& runtime, std::shared_ptr<storage::Storage> storage);
  /// open opens the database `options` names (creating it on first use) and returns a node
  /// whose vault and identities live there. Errors as storage::Storage::open (a damaged
  /// database, a wrong vault key); nothing is changed then.
  static Result<Node> open(Runtime& runtime, NodeOptions options);

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
  /// Sends a string given as a literal or a view.
  Task<Result<void>> send(Route route, std::string_view message) {
    return context().send(std::move(route), message);
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
  /// send_and_receive for a string given as a literal or a view.
  template <bare::Encodable R>
  Task<Result<R>> send_and_receive(Route route, std::string_view message,
                                   std::chrono::milliseconds timeout = kDefaultReceiveTimeout) {
    return context().send_and_receive<R>(std::move(route), message, timeout);
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

  // --- Identities by name and the node's database -------------------------------------------

  /// The node's database (in memory unless the node was opened with a path or a server).
  const std::shared_ptr<storage::Storage>& storage() const noexcept { return storage_; }
  /// Creates an identity (Ed25519 unless told otherwise), stores it under `name` and returns it;
  /// the first one becomes the default. kAlreadyExists when the name is taken.
  Task<Result<identity::Identity>> create_identity(
      std::string name, vault::SigningKeyType type = vault::SigningKeyType::kEd25519) {
    co_return identities()->create_named_identity(name, type);
  }
  /// Returns the identity named `name`; kNotFound when there is none.
  Task<Result<identity::Identity>> get_identity(std::string name) {
    co_return identities()->get_named_identity(name);
  }
  /// Returns the identity named `name`, creating it when there is none.
  Task<Result<identity::Identity>> get_or_create_identity(std::string name) {
    co_return identities()->get_or_create_named_identity(name);
  }
  /// Lists the node's identities by name, oldest first.
  Task<Result<std::vector<identity::NamedIdentity>>> list_identities() {
    co_return identities()->list_named_identities();
  }
  /// Returns the default identity, creating one named "default" when the node has none (as
  /// Ockam's `get_or_create_default_named_identity`).
  Task<Result<identity::Identity>> default_identity() {
    auto found = identities()->default_named_identity();
    if (found || found.error().kind() != Kind::kNotFound) {
      co_return found;
    }
    co_return identities()->get_or_create_named_identity("default");
  }
  /// Deletes the identity named `name` with its keys; kNotFound when there is none.
  Task<Result<void>> delete_identity(std::string name) {
    co_return identities()->delete_named_identity(name);
  }
  /// Rotates the key of the identity named `name`: appends a change signed by the new and the
  /// old key and stores it; returns the updated identity (same identifier).
  Task<Result<identity::Identity>> rotate_identity_key(std::string name) {
    co_return identities()->rotate_named_identity_key(name);
  }
  // Server wiring (the steps every secure channel server repeats, in one call).

  /// Serves secure channels over TCP: listens on `tcp_address` ("ip:port", port 0 picks one),
  /// starts a secure channel listener for `self` at `listener_address` that accepts that TCP
  /// listener's connections, and makes each of `workers` a consumer of the channels' flow, so
  /// they (and no other worker) get the messages that arrive through the channels.
  Task<Result<SecureChannelServer>> serve_secure_channels(TcpTransport tcp, std::string tcp_address,
                                                          identity::Identity self,
                                                          Address listener_address,
                                                          std::vector<Address> workers) {
    return serve_secure_channels(std::move(tcp), std::move(tcp_address), std::move(self),
                                 std::move(listener_address), std::move(workers),
                                 SecureChannelListenerOptions());
  }
  /// The same with listener `options` (trust policy, credentials, timeouts); the TCP
  /// listener's flow is added to `options.consumer_of`.
  Task<Result<SecureChannelServer>> serve_secure_channels(TcpTransport tcp, std::string tcp_address,
                                                          identity::Identity self,
                                                          Address listener_address,
                                                          std::vector<Address> workers,
                                                          SecureChannelListenerOptions options);
  /// serve_secure_channels for one worker: `serve_secure_channels(tcp, "127.0.0.1:4000", bob,
  /// "bob_listener", "echoer")`. (GCC 12 rejects a braced list such as `{"echoer"}` inside a
  /// co_await expression, so the one-worker case gets its own overloads.)
  Task<Result<SecureChannelServer>> serve_secure_channels(TcpTransport tcp, std::string tcp_address,
                                                          identity::Identity self,
                                                          Address listener_address,
                                                          Address worker) {
    return serve_secure_channels(std::move(tcp), std::move(tcp_address), std::move(self),
                                 std::move(listener_address),
                                 std::vector<Address>{std::move(worker)},
                                 SecureChannelListenerOptions());
  }
  Task<Result<SecureChannelServer>> serve_secure_channels(
      TcpTransport tcp, std::string tcp_address, identity::Identity self, Address listener_address,
      Address worker, SecureChannelListenerOptions options) {
    return serve_secure_channels(std::move(tcp), std::move(tcp_address), std::move(self),
                                 std::move(listener_address),
                                 std::vector<Address>{std::move(worker)}, std::move(options));
  }

  /// Stops every worker and the node.
  Task<Result<void>> stop() { return context().stop(); }

 private:
  Runtime* runtime_;
  std::shared_ptr<storage::Storage> storage_;
  std::shared_ptr<SecureChannels> services_;
};

}  // namespace ockam
