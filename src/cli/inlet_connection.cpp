#include "cli/internal/inlet_connection.hpp"

#include <utility>

namespace ockam::cli {
namespace {

Task<Result<void>> close_current(InletConnection& connection) {
  if (!connection.current) {
    co_return ok();
  }
  Connection old = std::move(*std::exchange(connection.current, std::nullopt));
  co_return co_await close_connection(connection.node, connection.tcp, std::move(old));
}

Task<Result<Route>> reconnect(std::shared_ptr<InletConnection> connection) {
  (void)co_await close_current(*connection);
  auto made =
      co_await connect(connection->node, connection->tcp, connection->to, connection->options);
  if (!made) {
    co_return made.error();
  }
  if (connection->closed) {
    // Deleted while connecting: keep nothing open.
    (void)co_await close_connection(connection->node, connection->tcp, std::move(*made));
    co_return Error(Origin::kApplication, Kind::kShutdown, "the inlet was deleted");
  }
  Route route = made->route;
  connection->current = std::move(*made);
  co_return route;
}

}  // namespace

InletRouteFactory reconnecting_route_factory(std::shared_ptr<InletConnection> connection) {
  return [connection] { return reconnect(connection); };
}

Task<Result<void>> close_inlet_connection(std::shared_ptr<InletConnection> connection) {
  connection->closed = true;
  co_return co_await close_current(*connection);
}

}  // namespace ockam::cli
