#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "ockam/core/result.hpp"
#include "ockam/core/route.hpp"
#include "ockam/node/access_control.hpp"
#include "ockam/node/asio.hpp"
#include "ockam/node/flow_control_id.hpp"
#include "ockam/portal/constants.hpp"

namespace ockam {

/// PortalLimits are the per-portal sizes both inlets and outlets take.
struct PortalLimits {
  /// Largest Payload this side sends (each socket read becomes at most one Payload).
  std::size_t chunk_size = portal::kDefaultChunkSize;
  /// Bytes a portal holds for its socket before senders toward it wait (back-pressure).
  std::size_t window = portal::kDefaultWindow;
  /// Portals open at once; further clients (inlet) or Pings (outlet) are refused.
  std::size_t max_portals = portal::kDefaultMaxPortals;
};

/// TcpOutletOptions: who may reach the outlet and its portals, and their limits (Ockam's
/// TcpOutletOptions).
struct TcpOutletOptions {
  /// Flows whose messages may reach the outlet listener, e.g. a secure channel listener's
  /// (Ockam's `as_consumer`). Without one, only local workers reach the outlet.
  std::vector<FlowControlId> consumer_of;
  /// Checked on every message to the listener and to each portal (null: allow all), e.g.
  /// `allow_peer_identifiers({...})`.
  IncomingAccessControlPtr incoming_access_control = nullptr;
  PortalLimits limits;
  std::chrono::milliseconds connect_timeout = portal::kDefaultTargetConnectTimeout;

  TcpOutletOptions& as_consumer(FlowControlId id) {
    consumer_of.push_back(std::move(id));
    return *this;
  }
  TcpOutletOptions& with_incoming_access_control(IncomingAccessControlPtr control) {
    incoming_access_control = std::move(control);
    return *this;
  }
  TcpOutletOptions& with_limits(PortalLimits value) {
    limits = value;
    return *this;
  }
};

/// InletRouteFactory makes a new route to the outlet (ending at the outlet's address, as the
/// route given to `create_inlet`) after the inlet lost its path, e.g. a new TCP connection and
/// secure channel, through the relay again if the first route used one. It owns what it makes:
/// it closes what it made the time before. The inlet calls it on the node's thread, again with
/// back-off while it fails, and never twice at once.
using InletRouteFactory = std::function<Task<Result<Route>>()>;

/// InletLiveness says how an inlet finds out that the path to its outlet died and how it gets
/// it back (docs/portals.md, "Liveness"). The defaults are those of Ockam's inlets.
struct InletLiveness {
  /// How often a ping goes to `ping_service` on the outlet's node, along the route to the
  /// outlet with its last hop replaced (Ockam: 10 s). Zero turns liveness off.
  std::chrono::milliseconds ping_interval{10'000};
  /// Pings in a row left unanswered after which the path is dead (Ockam: 3): the inlet's
  /// portals are closed and new clients refused until the path is back.
  std::size_t max_missed_pings = 3;
  /// The echo service of the outlet's node (Ockam nodes run it at "echo").
  std::string ping_service = "echo";
  /// Pause between attempts to get the path back; it doubles after each failure up to
  /// `longest_retry`.
  std::chrono::milliseconds first_retry{500};
  std::chrono::milliseconds longest_retry{5000};
  /// Re-creates the route once the path is lost. Without one the inlet keeps its route and pings
  /// it until the outlet's node answers again. With one, `create_inlet` also takes an empty
  /// route: the inlet then listens with its path down (clients refused, `is_up()` false) and
  /// calls the factory, with the back-off above, until it makes the first route.
  InletRouteFactory route_factory;
};

/// TcpInletOptions: who may answer the inlet's portals, their limits, the Pong timeout and the
/// liveness of the path to the outlet.
struct TcpInletOptions {
  /// Checked on every message to each portal (null: allow all).
  IncomingAccessControlPtr incoming_access_control = nullptr;
  PortalLimits limits;
  /// A client whose portal gets no Pong within this time is closed.
  std::chrono::milliseconds pong_timeout = portal::kDefaultPongTimeout;
  InletLiveness liveness;

  TcpInletOptions& with_incoming_access_control(IncomingAccessControlPtr control) {
    incoming_access_control = std::move(control);
    return *this;
  }
  TcpInletOptions& with_limits(PortalLimits value) {
    limits = value;
    return *this;
  }
  TcpInletOptions& with_pong_timeout(std::chrono::milliseconds timeout) {
    pong_timeout = timeout;
    return *this;
  }
  TcpInletOptions& with_liveness(InletLiveness value) {
    liveness = std::move(value);
    return *this;
  }
  TcpInletOptions& with_route_factory(InletRouteFactory factory) {
    liveness.route_factory = std::move(factory);
    return *this;
  }
};

}  // namespace ockam
