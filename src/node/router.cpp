#include "ockam/node/router.hpp"

#include "ockam/core/log.hpp"
#include "ockam/core/log_limit.hpp"

namespace ockam {

Result<void> Router::register_address(const Address& address, Endpoint endpoint) {
  if (!table_.emplace(address, std::move(endpoint)).second) {
    return Error(Origin::kNode, Kind::kAlreadyExists, "address is already in use")
        .with_detail(address.to_string());
  }
  return ok();
}

void Router::unregister_address(const Address& address) {
  ++unregistrations_;
  table_.erase(address);
  flow_controls_.cleanup_address(address);
  auto watched = watched_.find(address);
  if (watched == watched_.end()) {
    return;
  }
  for (std::uint64_t id : watched->second) {
    auto watcher = watchers_.find(id);
    asio::post(io_, std::move(watcher->second.on_gone));
    watchers_.erase(watcher);
  }
  watched_.erase(watched);
}

std::uint64_t Router::watch(const Address& address, std::function<void()> on_gone) {
  std::uint64_t id = next_watch_id_++;
  watchers_.emplace(id, Watcher{address, std::move(on_gone)});
  watched_[address].insert(id);
  return id;
}

void Router::unwatch(std::uint64_t id) {
  auto watcher = watchers_.find(id);
  if (watcher == watchers_.end()) {
    return;
  }
  auto watched = watched_.find(watcher->second.address);
  watched->second.erase(id);
  if (watched->second.empty()) {
    watched_.erase(watched);
  }
  watchers_.erase(watcher);
}

const Endpoint* Router::find(const Address& address) const {
  auto it = table_.find(address);
  return it == table_.end() ? nullptr : &it->second;
}

std::vector<Address> Router::addresses() const {
  std::vector<Address> out;
  out.reserve(table_.size());
  for (const auto& [address, endpoint] : table_) {
    out.push_back(address);
  }
  return out;
}

void Router::register_transport(TransportType type, TransportResolver resolver) {
  resolvers_[type] = std::move(resolver);
}

Task<Result<Route>> Router::resolve_route(Route route) {
  Route resolved;
  for (const Address& address : route) {
    if (address.is_local()) {
      resolved.append(address);
      continue;
    }
    auto resolver = resolvers_.find(address.transport_type());
    if (resolver == resolvers_.end()) {
      co_return Error(Origin::kNode, Kind::kNotFound, "no transport for the address type");
    }
    auto local = co_await resolver->second(address);
    if (!local) {
      co_return local.error();
    }
    resolved.append(std::move(*local));
  }
  co_return resolved;
}

void Router::count_denied(std::uint64_t flow_denials_before) {
  // Flow control is a producer's outgoing access control; it counts its own denials.
  metrics_.count_drop(flow_controls_.denied_count() != flow_denials_before
                          ? DropReason::kFlowControl
                          : DropReason::kAccessControl);
}

Task<Result<void>> Router::route_local(Address source, LocalMessage message) {
  const Address* next = message.onward_route.next();
  if (next != nullptr && !next->is_local()) {
    auto resolved = co_await resolve_route(std::move(message.onward_route));
    if (!resolved) {
      co_return resolved.error();
    }
    message.onward_route = std::move(*resolved);
  }
  co_return co_await route(std::move(source), std::move(message));
}

bool Router::is_authorized(const Address& source, const Endpoint& destination,
                           const LocalMessage& message) {
  const Address& next = *message.onward_route.next();
  RelayMessage relay{source, next, message};
  std::uint64_t flow_denials = flow_controls_.denied_count();
  if (const Endpoint* sender = find(source);
      sender != nullptr && sender->outgoing && !sender->outgoing->is_authorized(relay)) {
    count_denied(flow_denials);
    log::debug("node", "outgoing access control of {} denied a message to {}", source.to_string(),
               next.to_string());
    return false;
  }
  if (destination.incoming && !destination.incoming->is_authorized(relay)) {
    count_denied(flow_denials);
    log::debug("node", "incoming access control of {} denied a message from {}", next.to_string(),
               source.to_string());
    return false;
  }
  return true;
}

Result<bool> Router::try_route(const Address& source, LocalMessage& message) {
  const Address* next = message.onward_route.next();
  if (next == nullptr) {
    return Error(Origin::kNode, Kind::kInvalid, "message has an empty onward route");
  }
  if (!next->is_local()) {
    metrics_.count_drop(DropReason::kForgery);
    log::debug("node", "dropped a message from {} whose next hop is a transport address",
               log::escaped(source.to_string()));
    return true;
  }
  const Endpoint* destination = find(*next);
  if (destination == nullptr) {
    // The address may come from a network peer: a peer can trigger this per message, so only
    // at debug level.
    metrics_.count_drop(DropReason::kUnknownAddress);
    log::debug("node", "no worker at {}; message from {} dropped", log::escaped(next->to_string()),
               log::escaped(source.to_string()));
    return Error(Origin::kNode, Kind::kNotFound, "no worker at the destination address");
  }
  if (!is_authorized(source, *destination, message)) {
    return true;  // dropped: not an error to the sender (see `route`)
  }
  if (destination->inline_handler && inline_depth_ < kMaxInlineDepth) {
    // Held for the call: the handler may stop its worker, which unregisters the endpoint.
    std::shared_ptr<InlineHandler> handler = destination->inline_handler;
    Address address = *next;  // the handler steps the onward route past it
    const std::uint64_t unregistrations = unregistrations_;
    ++inline_depth_;
    bool handled = handler->handle_inline(address, message);
    --inline_depth_;
    if (handled) {
      return true;
    }
    if (unregistrations != unregistrations_) {
      destination = find(address);  // a declining handler unregistered something
      if (destination == nullptr) {
        return Error(Origin::kNode, Kind::kShutdown, "the destination worker stopped");
      }
    }
  }
  if (!destination->inbox->has_space()) {
    return false;
  }
  if (auto pushed = destination->inbox->push(Envelope{*next, std::move(message)}); !pushed) {
    return pushed.error();
  }
  return true;
}

Task<Result<void>> Router::route(Address source, LocalMessage message) {
  auto delivered = try_route(source, message);
  if (!delivered) {
    co_return delivered.error();
  }
  if (*delivered) {
    co_return ok();
  }
  // Back-pressure: the endpoint may go away while this sender waits, so hold on to its inbox.
  const Endpoint* destination = find(*message.onward_route.next());
  std::shared_ptr<Inbox> inbox = destination->inbox;
  Address destination_address = *message.onward_route.next();
  co_await inbox->wait_for_space();
  co_return inbox->push(Envelope{std::move(destination_address), std::move(message)});
}

}  // namespace ockam
