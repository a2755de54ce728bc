#pragma once

#include <memory>

#include "ockam/node/runtime.hpp"
#include "ockam/relay/relay_options.hpp"

namespace ockam::relay {

/// PathCheck is what the liveness pings of one relay share across its reconnections.
struct PathCheck {
  /// The relay stopped: its pings stop too.
  bool stopped = false;
  /// The far node answered a ping once, so it runs the ping service: from then on silence
  /// means that the path died. A node that never answered is not judged (it may not run one).
  bool answered = false;
};

/// ping_route is `resolved` (a relay's route whose transport addresses were resolved one for
/// one) up to the last hop that is a transport address in `configured`, then `service`: the
/// ping service of the node at the end of the route's transport hops, as Ockam pings it.
/// Empty unless `configured` starts with a transport address.
Route ping_route(const Route& configured, const Route& resolved, const std::string& service);

/// check_path pings along `ping_route` every `options.ping_interval` until its first hop closes,
/// `check->stopped` or the node stops. When `options.max_missed_pings` pings in a row go
/// unanswered (and the node answered one before), it counts a lost relay path and closes the
/// first hop (the connection), so that whoever watches it reconnects.
Task<> check_path(Runtime& runtime, Route ping_route, RelayOptions options,
                  std::shared_ptr<PathCheck> check);

}  // namespace ockam::relay
