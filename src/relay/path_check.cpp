#include "relay/internal/path_check.hpp"

#include "ockam/core/log.hpp"
#include "ockam/core/log_limit.hpp"

namespace ockam::relay {

Route ping_route(const Route& configured, const Route& resolved, const std::string& service) {
  std::size_t transport_hops = 0;
  for (std::size_t i = 0; i < configured.size(); ++i) {
    if (!configured[i].is_local()) {
      transport_hops = i + 1;
    }
  }
  Route route;
  // Only a first hop that is a connection can be closed for the relay to reconnect.
  if (transport_hops == 0 || configured[0].is_local() || resolved.size() != configured.size()) {
    return route;
  }
  for (std::size_t i = 0; i < transport_hops; ++i) {
    route.append(resolved[i]);
  }
  route.append(Address(service));
  return route;
}

Task<> check_path(Runtime& runtime, Route ping_route, RelayOptions options,
                  std::shared_ptr<PathCheck> check) {
  if (ping_route.empty()) {
    co_return;
  }
  Address first_hop = *ping_route.next();
  PingSchedule schedule{options.ping_interval, options.max_missed_pings};
  PathVerdict verdict = co_await ping_until_lost(runtime, std::move(ping_route), schedule, check);
  if (verdict == PathVerdict::kSilent) {
    log::info("relay",
              "the relay's next node never answered a ping at \"{}\": its liveness is not "
              "checked on this connection",
              log::escaped(options.ping_service));
  }
  if (verdict != PathVerdict::kLost) {
    co_return;
  }
  ++runtime.router().metrics().relay_paths_lost;
  static log::RateLimit limit;
  log::warn_limited(limit, "relay", "{} pings in a row went unanswered: closing the relay's path",
                    options.max_missed_pings);
  // Closing the first hop (a connection) makes whoever watches it reconnect.
  if (const Endpoint* hop = runtime.router().find(first_hop); hop != nullptr && hop->inbox) {
    hop->inbox->close();
  }
}

}  // namespace ockam::relay
