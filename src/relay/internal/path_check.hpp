#pragma once

#include <memory>

#include "node/internal/path_check.hpp"
#include "ockam/node/runtime.hpp"
#include "ockam/relay/relay_options.hpp"

namespace ockam::relay {

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
