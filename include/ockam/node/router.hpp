#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <unordered_map>

#include "ockam/core/local_message.hpp"
#include "ockam/node/access_control.hpp"
#include "ockam/node/flow_controls.hpp"
#include "ockam/node/mailbox.hpp"

namespace ockam {

/// Endpoint is one registered address: where its messages go and who may use it.
struct Endpoint {
  std::shared_ptr<Inbox> inbox;
  /// Null means allow all.
  IncomingAccessControlPtr incoming;
  /// Null means allow all.
  OutgoingAccessControlPtr outgoing;
};

/// TransportResolver turns a non-local address (e.g. `1#host:port`) into the local address of a
/// connection that reaches it, connecting if needed.
using TransportResolver = std::function<Task<Result<Address>>(Address)>;

/// Router is the node's address table. Delivery is a direct look-up and a push into the
/// destination's inbox, with access control and flow control checked on every message.
class Router {
 public:
  explicit Router(asio::io_context& io) : io_(io) {}

  /// Registers `address`; kAlreadyExists if it is taken.
  Result<void> register_address(const Address& address, Endpoint endpoint);
  void unregister_address(const Address& address);
  /// Forgets every address, watcher and transport resolver (node teardown). Call it while the
  /// io_context still exists: resolvers own transport state with timers and sockets.
  void clear() {
    table_.clear();
    watchers_.clear();
    resolvers_.clear();
  }
  const Endpoint* find(const Address& address) const;
  bool has_address(const Address& address) const { return find(address) != nullptr; }
  std::vector<Address> addresses() const;

  /// Calls `on_gone` once, from a fresh handler, when `address` is unregistered (for example a
  /// TCP connection that closed): channels over it use this to report themselves closed.
  /// Returns an id for `unwatch`.
  std::uint64_t watch(const Address& address, std::function<void()> on_gone);
  void unwatch(std::uint64_t id);

  void register_transport(TransportType type, TransportResolver resolver);
  /// Replaces every non-local address of `route` by the connection that reaches it.
  Task<Result<Route>> resolve_route(Route route);

  /// Sends `message` from `source` to the first address of its onward route. Errors: kInvalid
  /// for an empty onward route, kNotFound for an unknown destination (also logged), kShutdown
  /// when the destination stopped. A message denied by access or flow control is dropped,
  /// logged at debug level and counted; that is not an error to the sender (as Ockam).
  Task<Result<void>> route(Address source, LocalMessage message);

  FlowControls& flow_controls() noexcept { return flow_controls_; }
  asio::io_context& io() noexcept { return io_; }
  /// Messages dropped by access control or flow control.
  std::uint64_t denied_count() const noexcept { return denied_; }

 private:
  asio::io_context& io_;
  std::unordered_map<Address, Endpoint, AddressHash> table_;
  std::unordered_map<TransportType, TransportResolver> resolvers_;
  std::unordered_multimap<Address, std::pair<std::uint64_t, std::function<void()>>, AddressHash>
      watchers_;
  std::uint64_t next_watch_id_ = 1;
  FlowControls flow_controls_;
  std::uint64_t denied_ = 0;
};

}  // namespace ockam
