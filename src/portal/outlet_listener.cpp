#include "portal/internal/outlet_listener.hpp"

#include <asio/connect.hpp>
#include <asio/experimental/awaitable_operators.hpp>

#include "ockam/channel/peer_identity.hpp"
#include "ockam/core/log.hpp"
#include "ockam/portal/portal_message.hpp"
#include "portal/internal/portal_count.hpp"
#include "transport/tcp/internal/host_port.hpp"

namespace ockam::portal {
namespace {

// Resolves `target` again for every portal (as Ockam 0.145 does) and connects within `timeout`.
Task<Result<asio::ip::tcp::socket>> connect_target(asio::io_context& io, std::string target,
                                                   std::chrono::milliseconds timeout) {
  using namespace asio::experimental::awaitable_operators;
  auto host_port = tcp::parse_host_port(target);
  if (!host_port) {
    co_return host_port.error();
  }
  asio::ip::tcp::resolver resolver(io);
  asio::steady_timer timer(io);
  timer.expires_after(timeout);
  auto resolved = co_await (
      resolver.async_resolve(host_port->host, std::to_string(host_port->port), kUseTuple) ||
      timer.async_wait(kUseTuple));
  if (resolved.index() == 1 || std::get<0>(std::get<0>(resolved))) {
    co_return Error(Origin::kTransport, Kind::kIo, "could not resolve the outlet's target");
  }
  auto endpoints = std::get<1>(std::get<0>(resolved));
  asio::ip::tcp::socket socket(io);
  auto connected =
      co_await (asio::async_connect(socket, endpoints, kUseTuple) || timer.async_wait(kUseTuple));
  if (connected.index() == 1) {
    co_return Error(Origin::kTransport, Kind::kTimeout, "the outlet's target did not answer");
  }
  if (std::get<0>(std::get<0>(connected))) {
    co_return Error(Origin::kTransport, Kind::kIo, "the outlet's target refused the connection");
  }
  co_return std::move(socket);
}

Task<> open_portal(Router& router, Address listener, std::string target,
                   std::chrono::milliseconds timeout,
                   std::shared_ptr<const PortalSettings> settings,
                   std::shared_ptr<std::size_t> connecting, LocalMessage ping) {
  auto socket = co_await connect_target(router.io(), std::move(target), timeout);
  --*connecting;
  if (!socket) {
    count(router, settings->counters->target_unreachable, &NodeMetrics::portals_failed);
    log::info("portal", "outlet {}: {}", listener.to_string(), socket.error().to_string());
    LocalMessage disconnect;
    disconnect.onward_route = std::move(ping.return_route);
    disconnect.return_route.append(listener);
    disconnect.payload = encode_portal_disconnect();
    (void)co_await router.route(std::move(listener), std::move(disconnect));
    co_return;
  }
  auto portal = std::make_shared<Portal>(router, std::move(*socket), settings);
  auto started = co_await portal->start_outlet(std::move(ping.return_route), peer_identifier(ping));
  if (!started) {
    log::debug("portal", "outlet portal did not start: {}", started.error().to_string());
  }
}

}  // namespace

Task<Result<void>> OutletListener::handle_message(Context& ctx, Routed<Any> message) {
  LocalMessage ping = std::move(message).take_local_message();
  PortalCounters& counters = *settings_->counters;
  if (!ping.onward_route.step() || !ping.onward_route.empty() || ping.return_route.empty()) {
    count(ctx.router(), counters.dropped_bad_route, &NodeMetrics::portal_messages_dropped);
    co_return ok();
  }
  auto decoded = decode_portal_message(ping.payload);
  if (!decoded || decoded->kind != PortalMessage::Kind::kPing) {
    count(ctx.router(), counters.dropped_malformed, &NodeMetrics::portal_messages_dropped);
    co_return ok();
  }
  if (counters.active + *connecting_ >= settings_->limits.max_portals) {
    count(ctx.router(), counters.refused_over_limit, &NodeMetrics::portals_refused);
    LocalMessage disconnect;
    disconnect.onward_route = std::move(ping.return_route);
    disconnect.return_route.append(ctx.address());
    disconnect.payload = encode_portal_disconnect();
    co_return co_await ctx.forward(std::move(disconnect));
  }
  ++*connecting_;
  asio::co_spawn(ctx.io(),
                 open_portal(ctx.router(), ctx.address(), target_, connect_timeout_, settings_,
                             connecting_, std::move(ping)),
                 asio::detached);
  co_return ok();
}

}  // namespace ockam::portal
