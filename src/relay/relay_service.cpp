#include "ockam/relay/relay_service.hpp"

#include "ockam/core/log.hpp"
#include "ockam/relay/relay.hpp"

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

Task<Result<std::string>> create_remote_relay(Context& ctx, Route to_relay_node, std::string name) {
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

}  // namespace ockam
