// The portal members of TcpTransport and the TcpInlet handle.
#include "ockam/portal/portals.hpp"

#include "ockam/core/log.hpp"
#include "ockam/node/runtime.hpp"
#include "portal/internal/inlet_listener.hpp"
#include "portal/internal/inlet_liveness.hpp"
#include "portal/internal/outlet_listener.hpp"
#include "transport/tcp/internal/acceptor.hpp"
#include "transport/tcp/internal/host_port.hpp"

namespace ockam {
namespace {

Result<void> check_limits(const PortalLimits& limits) {
  if (limits.chunk_size == 0 || limits.window == 0 || limits.max_portals == 0) {
    return Error(Origin::kTransport, Kind::kInvalid, "portal limits must be positive");
  }
  return ok();
}

}  // namespace

Task<Result<TcpOutlet>> TcpTransport::create_outlet(Address address, std::string target,
                                                    TcpOutletOptions options) {
  if (auto checked = check_limits(options.limits); !checked) {
    co_return checked.error();
  }
  if (auto parsed = tcp::parse_host_port(target); !parsed) {
    co_return parsed.error();
  }
  Context& ctx = context();
  auto settings = std::make_shared<portal::PortalSettings>();
  settings->limits = options.limits;
  settings->incoming_access_control = options.incoming_access_control;
  auto counters = settings->counters;
  auto started = co_await ctx.start_worker(
      address, portal::OutletListener(target, options.connect_timeout, settings),
      options.incoming_access_control, nullptr);
  if (!started) {
    co_return started.error();
  }
  for (const FlowControlId& id : options.consumer_of) {
    ctx.flow_controls().add_consumer(address, id);
  }
  co_return TcpOutlet(std::move(address), std::move(target), std::move(counters));
}

Task<Result<TcpInlet>> TcpTransport::create_inlet(std::string bind_address, Route outlet_route,
                                                  TcpInletOptions options) {
  if (auto checked = check_limits(options.limits); !checked) {
    co_return checked.error();
  }
  // Without a route the inlet starts with its path down and its factory makes the first one.
  const bool path_down = outlet_route.empty();
  if (path_down && !options.liveness.route_factory) {
    co_return Error(Origin::kTransport, Kind::kInvalid,
                    "an inlet needs a route to the outlet, or a route factory to make one");
  }
  Context& ctx = context();
  auto acceptor = tcp::open_acceptor(ctx.io(), bind_address);
  if (!acceptor) {
    co_return acceptor.error();
  }
  auto settings = std::make_shared<portal::PortalSettings>();
  settings->limits = options.limits;
  settings->incoming_access_control = options.incoming_access_control;
  settings->pong_timeout = options.pong_timeout;
  auto listener = std::make_shared<portal::InletListener>(ctx.router(), std::move(*acceptor),
                                                          std::move(outlet_route), settings);
  if (path_down) {
    listener->await_first_route();
  }
  listener->start();
  asio::co_spawn(ctx.io(),
                 portal::keep_inlet_path(ctx.runtime(), listener, std::move(options.liveness)),
                 asio::detached);
  co_return TcpInlet(std::move(listener));
}

const std::string& TcpInlet::socket_address() const noexcept {
  return listener_->socket_address();
}
std::uint16_t TcpInlet::port() const noexcept {
  return listener_->port();
}
const Route& TcpInlet::outlet_route() const noexcept {
  return listener_->outlet_route();
}
const PortalCounters& TcpInlet::counters() const noexcept {
  return listener_->counters();
}
bool TcpInlet::is_up() const noexcept {
  return !listener_->path_down();
}
void TcpInlet::stop() {
  listener_->stop();
}

}  // namespace ockam
