#include "portal/internal/inlet_liveness.hpp"

#include <algorithm>

#include "ockam/core/log.hpp"
#include "ockam/core/log_limit.hpp"

namespace ockam::portal {
namespace {

/// The route to the outlet's node's echo service: the outlet's route with its last hop (the
/// outlet's address) replaced, so that pings cross the same channel and hops as the portals.
Route ping_route(Route outlet_route, const std::string& service) {
  outlet_route.pop_back();
  outlet_route.append(Address(service));
  return outlet_route;
}

bool still_running(Runtime& runtime, const PathCheck& check) {
  return !check.stopped && !runtime.is_stopping();
}

/// Whether the outlet's node answers one ping along `outlet_route` within a ping interval.
Task<bool> answers_again(Runtime& runtime, Route outlet_route, const InletLiveness& options) {
  auto resolved = co_await runtime.router().resolve_route(
      ping_route(std::move(outlet_route), options.ping_service));
  if (!resolved) {
    co_return false;
  }
  auto probe = PathProbe::open(runtime, std::move(*resolved));
  if (!probe) {
    co_return false;
  }
  co_await probe->send_ping();
  co_return co_await probe->answer_before(PathProbe::Clock::now() + options.ping_interval);
}

/// Gets the path back after a loss (or the first one): a new route from the factory, or else the
/// same route once the outlet's node answers again. False when the inlet or the node stopped
/// first.
Task<bool> restore_path(Runtime& runtime, InletListener& inlet, const InletLiveness& options) {
  const PathCheck& check = *inlet.path_check();
  asio::steady_timer pause(runtime.io());
  std::chrono::milliseconds backoff = options.first_retry;
  while (still_running(runtime, check)) {
    if (options.route_factory) {
      auto route = co_await options.route_factory();
      if (!still_running(runtime, check)) {
        break;
      }
      if (route && !route->empty()) {
        log::info("portal", "the inlet at {} has a new route to its outlet",
                  inlet.socket_address());
        inlet.path_restored(std::move(*route));
        co_return true;
      }
      static log::RateLimit limit;
      log::warn_limited(limit, "portal",
                        "the inlet could not re-create its route ({}); next try in {} ms",
                        route ? "empty route" : route.error().to_string(), backoff.count());
    } else if (co_await answers_again(runtime, inlet.outlet_route(), options)) {
      if (!still_running(runtime, check)) {
        break;
      }
      log::info("portal", "the outlet's node answers the inlet at {} again",
                inlet.socket_address());
      inlet.path_restored(inlet.outlet_route());
      co_return true;
    }
    pause.expires_after(backoff);
    co_await pause.async_wait(kUseTuple);
    backoff = std::min(backoff * 2, options.longest_retry);
  }
  co_return false;
}

}  // namespace

Task<> keep_inlet_path(Runtime& runtime, std::shared_ptr<InletListener> inlet,
                       InletLiveness options) {
  PingSchedule schedule{options.ping_interval, options.max_missed_pings};
  std::shared_ptr<PathCheck> check = inlet->path_check();
  // An inlet created without a route gets its first one from its factory, pings or not.
  if (inlet->path_down() && !co_await restore_path(runtime, *inlet, options)) {
    co_return;
  }
  if (!schedule.enabled()) {
    co_return;
  }
  while (still_running(runtime, *check)) {
    auto resolved = co_await runtime.router().resolve_route(
        ping_route(inlet->outlet_route(), options.ping_service));
    PathVerdict verdict =
        resolved ? co_await ping_until_lost(runtime, std::move(*resolved), schedule, check)
                 : PathVerdict::kFirstHopGone;
    if (!still_running(runtime, *check) || verdict == PathVerdict::kStopped) {
      break;
    }
    if (verdict == PathVerdict::kSilent) {
      log::info(
          "portal",
          "the outlet's node never answered a ping at \"{}\": the liveness of the inlet at {} "
          "is not checked",
          log::escaped(options.ping_service), inlet->socket_address());
      break;
    }
    static log::RateLimit limit;
    log::warn_limited(limit, "portal",
                      "the inlet at {} lost its path to the outlet ({}): closing its portals",
                      inlet->socket_address(),
                      verdict == PathVerdict::kLost ? "pings unanswered" : "its route closed");
    inlet->path_lost();
    if (!co_await restore_path(runtime, *inlet, options)) {
      break;
    }
  }
}

}  // namespace ockam::portal
