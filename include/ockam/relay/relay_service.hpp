#pragma once

#include <string>
#include <vector>

#include "ockam/node/context.hpp"
#include "ockam/relay/relay_options.hpp"

namespace ockam {

/// The relay service's well-known addresses and name rules (reference §8.2).
inline constexpr const char* kRelayServiceAddress = "forwarding_service";
inline constexpr const char* kRelayPrefix = "forward_to_";
/// Longest relay name accepted (an implementation limit).
inline constexpr std::size_t kMaxRelayNameLength = 128;

/// RelayServiceOptions: which flows may reach the service and the relays it creates (e.g. a
/// TCP listener's: `as_consumer(listener.flow_control_id())`).
struct RelayServiceOptions {
  std::vector<FlowControlId> consumer_of;

  RelayServiceOptions& as_consumer(FlowControlId id) {
    consumer_of.push_back(std::move(id));
    return *this;
  }
};

/// validate_relay_name accepts "register" (meaning: pick a random name) or a name of 1 to
/// kMaxRelayNameLength characters among letters, digits, '_', '-' and '.'; kInvalid otherwise.
Result<void> validate_relay_name(std::string_view name);

/// RelayService answers registrations: the request body is a BARE string, "register" for a
/// random name or the wanted name. It starts a Relay at `forward_to_<name>` whose route is the
/// request's return route without its last hop (the requester's node), replies with the relay's
/// address, and replaces an earlier relay of the same name (a node re-registering after a
/// reconnect). There is no authorization: run it only where every peer may register names.
class RelayService final : public Worker<std::string> {
 public:
  explicit RelayService(RelayServiceOptions options) : options_(std::move(options)) {}
  Task<Result<void>> handle_message(Context& ctx, Routed<std::string> request) override;

 private:
  RelayServiceOptions options_;
};

/// start_relay_service starts a RelayService at kRelayServiceAddress.
Task<Result<void>> start_relay_service(Context& ctx, RelayServiceOptions options);

/// create_remote_relay registers `name` ("register" for a random one) with the relay service
/// at the end of `to_relay_node` and returns the relay's address on that node (e.g.
/// "forward_to_bob"); messages sent there reach this node. kTimeout if nobody answers,
/// kProtocol if the answer does not name the requested relay. When `to_relay_node` starts with
/// a transport address (`tcp_address("host:port")`), the registration heals: it pings the
/// relay node's echo service (every 10 s), and once the connection closes or 3 pings in a row
/// go unanswered, the name is registered again over a new connection (back-off 0.5 s to 5 s)
/// for as long as the node runs. `options` change these figures.
Task<Result<std::string>> create_remote_relay(Context& ctx, Route to_relay_node, std::string name);
Task<Result<std::string>> create_remote_relay(Context& ctx, Route to_relay_node, std::string name,
                                              RelayOptions options);

}  // namespace ockam
