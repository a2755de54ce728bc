#include "ockam/relay/relay_service.hpp"

#include "ockam/core/log.hpp"
#include "ockam/core/log_limit.hpp"
#include "ockam/node/runtime.hpp"
#include "ockam/relay/relay.hpp"
#include "relay/internal/path_check.hpp"

namespace ockam {
namespace {

constexpr std::string_view kRandomName = "register";
constexpr std::chrono::milliseconds kRegistrationTimeout{15'000};

bool is_name_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.';
}

}  // namespace

Result<void> validate_relay_name(std::string_view name) {
  if (name.empty() || name.size() > kMaxRelayNameLength) {
    return Error(Origin::kRelay, Kind::kInvalid, "relay name length out of range");
  }
  for (char c : name) {
    if (!is_name_character(c)) {
      return Error(Origin::kRelay, Kind::kInvalid, "relay name has a forbidden character");
    }
  }
  return ok();
}

Task<Result<void>> RelayService::handle_message(Context& ctx, Routed<std::string> request) {
  std::string name = request.body();
  if (auto valid = validate_relay_name(name); !valid) {
    log::debug("relay", "refused a registration with an invalid name");
    co_return ok();
  }
  if (name == kRandomName) {
    name = Address::random_local().inner();
  }
  Route forward_route = request.return_route();
  forward_route.pop_back();  // the requester's own worker: keep the route to its node
  if (forward_route.empty()) {
    co_return Error(Origin::kRelay, Kind::kInvalid, "registration came from this node");
  }
  Address relay_address(std::string(kRelayPrefix) + name);
  if (ctx.router().has_address(relay_address)) {
    (void)co_await ctx.stop_worker(relay_address);
  }
  auto started = co_await ctx.start_worker(relay_address, Relay(std::move(forward_route)));
  if (!started) {
    co_return started.error();
  }
  for (const FlowControlId& id : options_.consumer_of) {
    ctx.flow_controls().add_consumer(relay_address, id);
  }
  co_return co_await ctx.send(request.return_route(), relay_address.inner());
}

Task<Result<void>> start_relay_service(Context& ctx, RelayServiceOptions options) {
  for (const FlowControlId& id : options.consumer_of) {
    ctx.flow_controls().add_consumer(kRelayServiceAddress, id);
  }
  return ctx.start_worker(kRelayServiceAddress, RelayService(std::move(options)));
}

namespace {

/// Registers `name` with the relay service at the end of `to_relay_node`; the relay's address.
Task<Result<std::string>> register_relay(Context& ctx, Route to_relay_node, std::string name) {
  to_relay_node.append(kRelayServiceAddress);
  auto reply = co_await ctx.send_and_receive<std::string>(std::move(to_relay_node), name,
                                                          kRegistrationTimeout);
  if (!reply) {
    co_return reply.error();
  }
  std::string_view answer = *reply;
  bool names_request = name == kRandomName ? answer.starts_with(kRelayPrefix)
                                           : answer == std::string(kRelayPrefix) + name;
  if (!names_request) {
    co_return Error(Origin::kRelay, Kind::kProtocol, "the relay service answered another name");
  }
  co_return std::move(*reply);
}

/// Waits until the connection at the start of `to_relay_node` closes, or the relay node stops
/// answering pings, then registers `name` again (with back-off) over a new connection, for as
/// long as the node runs.
Task<> keep_registered(Runtime& runtime, Route to_relay_node, std::string name,
                       RelayOptions options) {
  auto wake = std::make_shared<asio::steady_timer>(runtime.io());
  auto check = std::make_shared<PathCheck>();
  std::chrono::milliseconds backoff = options.first_retry;
  bool registered = true;
  while (!runtime.is_stopping()) {
    if (registered) {
      auto resolved = co_await runtime.router().resolve_route(to_relay_node);
      if (resolved && !resolved->empty()) {
        std::weak_ptr<asio::steady_timer> weak = wake;
        std::uint64_t watch = runtime.router().watch(*resolved->next(), [weak] {
          if (auto timer = weak.lock()) {
            timer->cancel();
          }
        });
        // Unanswered pings close the connection, which wakes this loop through the watch.
        asio::co_spawn(
            runtime.io(),
            relay::check_path(runtime,
                              relay::ping_route(to_relay_node, *resolved, options.ping_service),
                              options, check),
            asio::detached);
        wake->expires_at(std::chrono::steady_clock::time_point::max());
        co_await wake->async_wait(kUseTuple);
        runtime.router().unwatch(watch);
        log::info("relay", "the path to the relay node was lost; registering again");
      }
      registered = false;
      backoff = options.first_retry;
      continue;
    }
    auto again = co_await register_relay(runtime.main_context(), to_relay_node, name);
    if (again) {
      log::info("relay", "the remote relay is registered again");
      ++runtime.router().metrics().relay_paths_restored;
      registered = true;
      continue;
    }
    static log::RateLimit limit;
    log::warn_limited(limit, "relay",
                      "could not register the remote relay again ({}); next try "
                      "in {} ms",
                      again.error().to_string(), backoff.count());
    wake->expires_after(backoff);
    co_await wake->async_wait(kUseTuple);
    backoff = std::min(backoff * 2, options.longest_retry);
  }
  check->stopped = true;
}

}  // namespace

Task<Result<std::string>> create_remote_relay(Context& ctx, Route to_relay_node, std::string name) {
  return create_remote_relay(ctx, std::move(to_relay_node), std::move(name), RelayOptions());
}

Task<Result<std::string>> create_remote_relay(Context& ctx, Route to_relay_node, std::string name,
                                              RelayOptions options) {
  auto registered = co_await register_relay(ctx, to_relay_node, name);
  if (!registered) {
    co_return registered.error();
  }
  const Address* first_hop = to_relay_node.next();
  if (first_hop != nullptr && !first_hop->is_local()) {
    // Reconnectable: keep the name registered across reconnections (the assigned one when a
    // random name was asked for).
    std::string kept = registered->substr(std::string_view(kRelayPrefix).size());
    asio::co_spawn(ctx.io(),
                   keep_registered(ctx.runtime(), std::move(to_relay_node), std::move(kept),
                                   std::move(options)),
                   asio::detached);
  }
  co_return std::move(*registered);
}

}  // namespace ockam
