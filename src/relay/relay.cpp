#include "ockam/relay/relay.hpp"

#include <algorithm>
#include <unordered_set>

#include "ockam/core/log.hpp"
#include "ockam/core/log_limit.hpp"
#include "ockam/node/runtime.hpp"
#include "relay/internal/path_check.hpp"

namespace ockam {

struct Relay::Link {
  /// The route as configured; may hold transport addresses.
  Route configured;
  RelayOptions options;
  /// The route in use (transport addresses resolved), valid while `up`.
  Route current;
  bool up = false;
  bool stopped = false;
  bool reconnecting = false;
  /// The path was lost (connection closed or pings unanswered): the next connection restores it.
  bool lost = false;
  std::uint64_t watch = 0;
  /// What the liveness pings of every connection share; `stopped` with the relay.
  std::shared_ptr<PathCheck> check = std::make_shared<PathCheck>();
  /// The senders (previous hops) whose flows are wired to `current`'s first hop.
  std::unordered_set<Address, AddressHash> wired;
};

namespace {

/// Senders remembered as wired; beyond this the memory starts over (wiring again is harmless).
constexpr std::size_t kMaxWiredSenders = 1024;

bool has_transport_address(const Route& route) {
  return std::any_of(route.begin(), route.end(),
                     [](const Address& address) { return !address.is_local(); });
}

Task<> reconnect(Runtime& runtime, std::shared_ptr<Relay::Link> link);

/// Uses `route` until its first hop goes away (or its pings go unanswered), then reconnects.
void connected(Runtime& runtime, const std::shared_ptr<Relay::Link>& link, Route route) {
  if (link->up) {
    return;  // a concurrent attempt got there first
  }
  link->current = std::move(route);
  link->up = true;
  link->wired.clear();
  if (link->lost) {
    link->lost = false;
    ++runtime.router().metrics().relay_paths_restored;
  }
  std::weak_ptr<Relay::Link> weak = link;
  link->watch = runtime.router().watch(*link->current.next(), [&runtime, weak] {
    auto alive = weak.lock();
    if (!alive || alive->stopped) {
      return;
    }
    alive->up = false;
    alive->lost = true;
    alive->watch = 0;
    log::info("relay", "the relay's connection closed; reconnecting");
    asio::co_spawn(runtime.io(), reconnect(runtime, alive), asio::detached);
  });
  asio::co_spawn(
      runtime.io(),
      relay::check_path(
          runtime, relay::ping_route(link->configured, link->current, link->options.ping_service),
          link->options, link->check),
      asio::detached);
}

Task<> reconnect(Runtime& runtime, std::shared_ptr<Relay::Link> link) {
  if (link->reconnecting) {
    co_return;
  }
  link->reconnecting = true;
  asio::steady_timer pause(runtime.io());
  std::chrono::milliseconds backoff = link->options.first_retry;
  while (!link->stopped && !runtime.is_stopping()) {
    auto resolved = co_await runtime.router().resolve_route(link->configured);
    if (link->stopped) {
      break;
    }
    if (resolved) {
      log::info("relay", "the relay reconnected");
      connected(runtime, link, std::move(*resolved));
      break;
    }
    static log::RateLimit limit;
    log::warn_limited(limit, "relay", "the relay could not reconnect ({}); next try in {} ms",
                      resolved.error().to_string(), backoff.count());
    pause.expires_after(backoff);
    co_await pause.async_wait(kUseTuple);
    backoff = std::min(backoff * 2, link->options.longest_retry);
  }
  link->reconnecting = false;
}

/// Lets replies from `next_hop`'s flow reach `previous_hop`, and messages from
/// `previous_hop`'s flow reach `next_hop`, so both may cross the transports on either side.
void wire_flows(FlowControls& flows, const Address& next_hop, const Address& previous_hop) {
  if (const ProducerInfo* producer = flows.find_producer(next_hop)) {
    flows.add_consumer(previous_hop, producer->flow_control_id);
  }
  if (const ProducerInfo* producer = flows.find_producer(previous_hop)) {
    flows.add_consumer(next_hop, producer->flow_control_id);
  }
}

}  // namespace

Relay::Relay(Route forward_route) : Relay(std::move(forward_route), RelayOptions()) {}

Relay::Relay(Route forward_route, RelayOptions options) : link_(std::make_shared<Link>()) {
  link_->configured = std::move(forward_route);
  link_->options = std::move(options);
}

Task<Result<void>> Relay::initialize(Context& ctx) {
  if (!has_transport_address(link_->configured)) {
    link_->current = link_->configured;
    link_->up = true;
    co_return ok();
  }
  // The first connection is made before the relay serves: a wrong address shows at once in
  // the log, and the relay keeps retrying in the background.
  auto resolved = co_await ctx.router().resolve_route(link_->configured);
  if (resolved) {
    connected(ctx.runtime(), link_, std::move(*resolved));
  } else {
    asio::co_spawn(ctx.io(), reconnect(ctx.runtime(), link_), asio::detached);
  }
  co_return ok();
}

Task<Result<void>> Relay::shutdown(Context& ctx) {
  link_->stopped = true;
  link_->check->stopped = true;
  if (link_->watch != 0) {
    ctx.router().unwatch(link_->watch);
    link_->watch = 0;
  }
  co_return ok();
}

Task<Result<void>> Relay::handle_message(Context& ctx, Routed<Any> message) {
  if (!link_->up) {
    // Try at once rather than wait for the next back-off step: the peer may be back already.
    auto resolved = co_await ctx.router().resolve_route(link_->configured);
    if (resolved && !link_->stopped) {
      connected(ctx.runtime(), link_, std::move(*resolved));
    }
  }
  if (!link_->up) {
    ctx.router().metrics().count_drop(DropReason::kUnknownAddress);
    log::debug("relay", "dropped a message while the relay reconnects");
    co_return ok();
  }
  LocalMessage local = std::move(message).take_local_message();
  if (auto redirected = redirect(ctx, local); !redirected) {
    co_return redirected;
  }
  co_return co_await ctx.forward(std::move(local));
}

std::optional<Result<void>> Relay::handle_synchronously(Context& ctx,
                                                        const Address& /*msg_address*/,
                                                        LocalMessage& message) {
  if (!link_->up) {
    return std::nullopt;
  }
  if (auto redirected = redirect(ctx, message); !redirected) {
    return redirected;
  }
  return ctx.forward_now(message, ctx.address());
}

Result<void> Relay::redirect(Context& ctx, LocalMessage& local) {
  const Route& forward_route = link_->current;
  if (auto stepped = local.onward_route.step(); !stepped) {
    return stepped.error();
  }
  local.onward_route.prepend_route(forward_route);
  const Address* next_hop = forward_route.next();
  const Address* previous_hop = local.return_route.next();
  if (next_hop != nullptr && previous_hop != nullptr && !link_->wired.contains(*previous_hop)) {
    if (link_->wired.size() >= kMaxWiredSenders) {
      link_->wired.clear();
    }
    link_->wired.insert(*previous_hop);
    wire_flows(ctx.flow_controls(), *next_hop, *previous_hop);
  }
  return ok();
}

}  // namespace ockam
