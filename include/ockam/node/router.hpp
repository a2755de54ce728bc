#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "ockam/core/local_message.hpp"
#include "ockam/node/access_control.hpp"
#include "ockam/node/flow_controls.hpp"
#include "ockam/node/inline_handler.hpp"
#include "ockam/node/mailbox.hpp"
#include "ockam/node/node_metrics.hpp"

namespace ockam {

/// Endpoint is one registered address: where its messages go and who may use it.
struct Endpoint {
  std::shared_ptr<Inbox> inbox;
  /// Null means allow all.
  IncomingAccessControlPtr incoming;
  /// Null means allow all.
  OutgoingAccessControlPtr outgoing;
  /// A worker's synchronous path (null for contexts, transports and processors).
  std::shared_ptr<InlineHandler> inline_handler = nullptr;
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
    ++unregistrations_;
    table_.clear();
    watchers_.clear();
    watched_.clear();
    resolvers_.clear();
  }
  const Endpoint* find(const Address& address) const;
  bool has_address(const Address& address) const { return find(address) != nullptr; }
  std::vector<Address> addresses() const;

  /// Calls `on_gone` once, from a fresh handler, when `address` is unregistered (for example a
  /// TCP connection that closed): channels over it use this to report themselves closed.
  /// Returns an id for `unwatch`. Both `watch` and `unwatch` cost O(1), so tearing down N
  /// channels over one connection costs O(N).
  std::uint64_t watch(const Address& address, std::function<void()> on_gone);
  void unwatch(std::uint64_t id);

  void register_transport(TransportType type, TransportResolver resolver);
  /// Replaces every non-local address of `route` by the connection that reaches it (which may
  /// open a connection): call it only for routes a local sender chose.
  Task<Result<Route>> resolve_route(Route route);

  /// Sends `message` from `source` to the first address of its onward route. Errors: kInvalid
  /// for an empty onward route, kNotFound for an unknown destination (counted, logged at debug
  /// level), kShutdown when the destination stopped. A message denied by access or flow
  /// control is dropped, logged at debug level and counted; that is not an error to the sender
  /// (as Ockam). A message whose next hop is a transport address (`1#host:port`) is never
  /// resolved here: it may have come from a network, and a peer must not make this node open
  /// connections (request forgery). It is dropped and counted as kForgery; local senders use
  /// `route_local`.
  Task<Result<void>> route(Address source, LocalMessage message);
  /// The synchronous part of `route`: the same checks and errors, then the destination worker
  /// handles the message in this call if it is idle and can (see InlineHandler), or it is
  /// queued. False, with `message` untouched, when the destination's inbox is full: only then
  /// must a sender wait (`route` does).
  Result<bool> try_route(const Address& source, LocalMessage& message);
  /// route_local is `route` for a message this node's own code created (`Context::send`): a
  /// transport address as next hop is resolved first, connecting if needed.
  Task<Result<void>> route_local(Address source, LocalMessage message);

  FlowControls& flow_controls() noexcept { return flow_controls_; }
  asio::io_context& io() noexcept { return io_; }
  /// Messages dropped by access control or flow control.
  std::uint64_t denied_count() const noexcept {
    return metrics_.dropped(DropReason::kAccessControl) +
           metrics_.dropped(DropReason::kFlowControl);
  }
  /// The node's counters; transports and channels update them.
  NodeMetrics& metrics() noexcept { return metrics_; }
  const NodeMetrics& metrics() const noexcept { return metrics_; }

 private:
  /// Counts a denied message as a flow-control or an access-control drop.
  void count_denied(std::uint64_t flow_denials_before);
  /// Whether `source` may send `message` to `destination` (access and flow control); counts and
  /// logs a denial.
  bool is_authorized(const Address& source, const Endpoint& destination,
                     const LocalMessage& message);

  /// Inline handling nests (a channel's encryptor hands its ciphertext to the next hop in the
  /// same call); beyond this depth messages are queued, so no chain of workers grows the stack.
  static constexpr int kMaxInlineDepth = 8;

  asio::io_context& io_;
  std::unordered_map<Address, Endpoint, AddressHash> table_;
  std::unordered_map<TransportType, TransportResolver> resolvers_;
  struct Watcher {
    Address address;
    std::function<void()> on_gone;
  };
  std::unordered_map<std::uint64_t, Watcher> watchers_;
  std::unordered_map<Address, std::unordered_set<std::uint64_t>, AddressHash> watched_;
  std::uint64_t next_watch_id_ = 1;
  int inline_depth_ = 0;
  // Counts unregistrations: an endpoint found before an inline call is still valid after it
  // unless this moved (the table's elements keep their place when it grows).
  std::uint64_t unregistrations_ = 0;
  FlowControls flow_controls_;
  NodeMetrics metrics_;
};

}  // namespace ockam
