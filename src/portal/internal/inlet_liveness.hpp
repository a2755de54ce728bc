#pragma once

#include <memory>

#include "ockam/node/runtime.hpp"
#include "ockam/portal/tcp_portal_options.hpp"
#include "portal/internal/inlet_listener.hpp"

namespace ockam::portal {

/// keep_inlet_path pings the echo service of the outlet's node along the inlet's route (its
/// last hop, the outlet, replaced by `options.ping_service`) for as long as the inlet and the
/// node run. When `max_missed_pings` go unanswered, or the route's first hop (the secure
/// channel) goes away, the path is lost: the inlet closes its portals and refuses clients, then
/// gets the path back (a new route from `route_factory`, or the same route answering pings
/// again) with back-off. An outlet node that never answered a ping is not judged (it may run no
/// echo service): the pings stop, logged once.
Task<> keep_inlet_path(Runtime& runtime, std::shared_ptr<InletListener> inlet,
                       InletLiveness options);

}  // namespace ockam::portal
