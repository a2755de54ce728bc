#pragma once

#include <chrono>
#include <cstddef>
#include <vector>

#include "ockam/node/access_control.hpp"
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

/// TcpInletOptions: who may answer the inlet's portals, their limits and the Pong timeout.
struct TcpInletOptions {
  /// Checked on every message to each portal (null: allow all).
  IncomingAccessControlPtr incoming_access_control = nullptr;
  PortalLimits limits;
  /// A client whose portal gets no Pong within this time is closed.
  std::chrono::milliseconds pong_timeout = portal::kDefaultPongTimeout;

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
};

}  // namespace ockam
